using System.Collections.Concurrent;
using Events.Core.Access;
using Events.Core.Common;
using Events.Core.Program;
using Events.Core.Program.Conflicts;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Program;

/// <summary>
/// The incremental side of the live timetable. Every change notice names what changed (the sessions, and whether the tray
/// did), and is kept in a short per-program log, so an open screen re-reads only those sessions and patches what it shows.
/// The conflicts of a program are kept in memory after a full check and rechecked after each change only for the changed
/// sessions and the sessions sharing a room or a person with them at the time (<see cref="ConflictDetector.Recheck"/>).
/// </summary>
public sealed partial class ProgramService
{
    /// <summary>How many notices per program an open screen can catch up on; one further behind reloads everything.</summary>
    public const int ChangeLogDepth = 64;

    /// <summary>How many programs keep their conflicts in memory at once; a program beyond that is checked in full again.</summary>
    private const int ConflictStates = 16;

    private readonly ConcurrentDictionary<int, ChangeLog> changeLogs = new();
    private readonly ConcurrentDictionary<int, ConflictState> conflictStates = new();

    private sealed class ChangeLog
    {
        public readonly List<ProgramChangeNote> Notes = [];
        public long DroppedThrough;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "The gate lives as long as the service (a singleton); a state dropped from the dictionary may still be awaited on.")]
    private sealed class ConflictState
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public Dictionary<int, ScheduledSession> Sessions = [];
        public List<EventWindow> Windows = [];
        public List<AvailabilityRange> Availability = [];
        public IReadOnlyList<Conflict> Conflicts = [];
        public IReadOnlyList<ConflictView> Views = [];
        public bool Loaded;
    }

    /// <summary>The sequence number of the last notice of any program; a screen that loads everything remembers it first.</summary>
    public long Sequence => Interlocked.Read(ref sequence);

    /// <summary>
    /// The notices of the program of <paramref name="rootId"/> after <paramref name="after"/>, oldest first; null when some of
    /// them are no longer kept (the screen then reloads everything).
    /// </summary>
    public IReadOnlyList<ProgramChangeNote>? ChangesSince(int rootId, long after)
    {
        if (!changeLogs.TryGetValue(rootId, out var log)) return [];
        lock (log)
        {
            if (after < log.DroppedThrough) return null;
            return log.Notes.Where(n => n.Sequence > after).ToList();
        }
    }

    private void Record(int rootId, ProgramChangeNote note)
    {
        var log = changeLogs.GetOrAdd(rootId, _ => new ChangeLog());
        lock (log)
        {
            log.Notes.Add(note);
            while (log.Notes.Count > ChangeLogDepth)
            {
                log.DroppedThrough = log.Notes[0].Sequence;
                log.Notes.RemoveAt(0);
            }
        }
    }

    /// <summary>
    /// The conflicts as the last full check and the changes since left them, without a database read when the program is
    /// kept in memory; a full check otherwise.
    /// </summary>
    public async Task<IReadOnlyList<ConflictView>> CurrentConflictsAsync(int rootId, CancellationToken ct = default)
    {
        if (conflictStates.TryGetValue(rootId, out var state) && state.Loaded) return state.Views;
        return await ConflictsAsync(rootId, ct);
    }

    /// <summary>Every clash across the event and all its sub-forums, named for the organizer: a full check, kept for the changes after it.</summary>
    public async Task<IReadOnlyList<ConflictView>> ConflictsAsync(int rootId, CancellationToken ct = default)
    {
        if (conflictStates.Count >= ConflictStates && !conflictStates.ContainsKey(rootId)) conflictStates.Clear();
        var state = conflictStates.GetOrAdd(rootId, _ => new ConflictState());
        await state.Gate.WaitAsync(ct);
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var (sessions, windows, availability) = await DetectorInputWithAvailabilityAsync(db, rootId, ct);
            var found = ConflictDetector.Find(sessions, windows, availability);
            state.Sessions = sessions.ToDictionary(s => s.Id);
            state.Windows = windows;
            state.Availability = availability;
            state.Conflicts = found;
            state.Views = await ViewsAsync(db, found, [], ct);
            state.Loaded = true;
            return state.Views;
        }
        finally
        {
            state.Gate.Release();
        }
    }

    /// <summary>
    /// After a change: the changed sessions are read again (a removed one is gone) and the kept conflicts rechecked for them.
    /// <paramref name="availabilityOf"/>, after a person's available times changed, reads those again and rechecks their sessions.
    /// </summary>
    private async Task RecheckConflictsAsync(EventsDbContext db, int rootId, IReadOnlyCollection<int> sessionIds, int? availabilityOf, CancellationToken ct)
    {
        if (!conflictStates.TryGetValue(rootId, out var state)) return;
        await state.Gate.WaitAsync(ct);
        try
        {
            if (!state.Loaded) return;
            var changed = sessionIds.ToHashSet();
            var forumIds = state.Windows.Select(w => w.EventId).ToList();
            if (changed.Count > 0)
            {
                var rows = await DetectorRowsAsync(db, forumIds, changed, ct);
                foreach (var id in changed) state.Sessions.Remove(id);
                foreach (var s in rows) state.Sessions[s.Id] = s;
            }
            if (availabilityOf is { } person)
            {
                var ranges = await db.SpeakerAvailability.AsNoTracking().Where(a => a.EventId == rootId && a.PersonId == person)
                    .Select(a => new AvailabilityRange(a.PersonId, a.Start, a.End)).ToListAsync(ct);
                state.Availability = state.Availability.Where(a => a.PersonId != person).Concat(ranges).ToList();
                changed.UnionWith(state.Sessions.Values.Where(s => s.ParticipantIds.Contains(person) || s.ChairIds.Contains(person)).Select(s => s.Id));
            }
            var found = ConflictDetector.Recheck(state.Conflicts, state.Sessions, changed, state.Windows, state.Availability);
            var known = state.Views.Where(v => !changed.Contains(v.Conflict.SessionId) && !(v.Conflict.OtherSessionId is { } o && changed.Contains(o)))
                .ToDictionary(v => v.Conflict);
            state.Conflicts = found;
            state.Views = await ViewsAsync(db, found, known, ct);
        }
        catch
        {
            // A failed recheck must not leave a half-updated program in memory: the next reader checks in full.
            state.Loaded = false;
            throw;
        }
        finally
        {
            state.Gate.Release();
        }
    }

    /// <summary>The conflicts named for the organizer; those already named in <paramref name="known"/> are not read again.</summary>
    private static async Task<IReadOnlyList<ConflictView>> ViewsAsync(EventsDbContext db, IReadOnlyList<Conflict> found, Dictionary<Conflict, ConflictView> known, CancellationToken ct)
    {
        if (found.Count == 0) return [];
        var fresh = found.Where(c => !known.ContainsKey(c)).ToList();
        var ids = fresh.SelectMany(c => new[] { c.SessionId, c.OtherSessionId ?? c.SessionId }).Distinct().ToList();
        var titles = ids.Count == 0 ? [] : await db.Sessions.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Title, ct);
        var personIds = fresh.Select(c => c.PersonId).OfType<int>().Distinct().ToList();
        var names = personIds.Count == 0 ? [] : await db.People.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var roomIds = fresh.Select(c => c.RoomId).OfType<int>().Distinct().ToList();
        var rooms = roomIds.Count == 0 ? [] : await db.Rooms.Where(r => roomIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        return found.Select(c => known.TryGetValue(c, out var view) ? view : new ConflictView(c, titles.GetValueOrDefault(c.SessionId, ""),
            c.OtherSessionId is { } o ? titles.GetValueOrDefault(o, "") : null,
            c.PersonId is { } p ? names.GetValueOrDefault(p) : null, c.RoomId is { } r ? rooms.GetValueOrDefault(r) : null)).ToList();
    }

    /// <summary>
    /// The sessions among <paramref name="sessionIds"/> that belong on a grid of <paramref name="forumIds"/> on <paramref name="day"/>,
    /// as the grid shows them; the others (moved away, removed, without a time) are absent.
    /// </summary>
    public async Task<IReadOnlyList<GridSession>> GridSessionsAsync(int rootId, IReadOnlyCollection<int> forumIds, DateOnly day, IReadOnlyCollection<int> sessionIds, CancellationToken ct = default)
    {
        if (sessionIds.Count == 0) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var zoneId = await db.Events.Where(e => e.Id == rootId).Select(e => e.TimeZoneId).FirstOrDefaultAsync(ct) ?? Core.Events.Event.DefaultTimeZone;
        var (from, to) = ProgramTime.Window(day, day, ProgramTime.Zone(zoneId));
        var ids = sessionIds.ToList();
        var forums = forumIds.ToList();
        return await GridRowsAsync(db.Sessions.AsNoTracking().Where(s => ids.Contains(s.Id) && forums.Contains(s.EventId) && s.Start < to && s.End > from && s.End > s.Start), ct);
    }

    /// <summary>How many sessions the program has, every forum together.</summary>
    public async Task<int> SessionCountAsync(int rootId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Sessions.CountAsync(s => db.Events.Any(e => e.Id == s.EventId && (e.Id == rootId || e.ParentEventId == rootId)), ct);
    }

    private static async Task<List<GridSession>> GridRowsAsync(IQueryable<Session> query, CancellationToken ct)
    {
        var rows = await query.Select(s => new
        {
            s.Id, s.EventId, s.RoomId, s.Kind, s.Title, s.Start, s.End, s.ConcurrencyStamp,
            People = s.Items.OrderBy(i => i.Order).SelectMany(i => i.Participants.OrderBy(p => p.Order).Select(p => p.Person != null ? p.Person.Name : p.UnnamedLabel)).Take(4).ToList(),
        }).AsSplitQuery().ToListAsync(ct);
        return rows.OrderBy(r => r.Start).ThenBy(r => r.Id).Select(r => new GridSession(r.Id, r.EventId, r.RoomId, r.Kind, r.Title, r.Start, r.End,
            string.Join("、", r.People.Where(n => !string.IsNullOrEmpty(n)).Distinct().Take(3)) + (r.People.Count > 3 ? "…" : ""), r.ConcurrencyStamp)).ToList();
    }

    private static Task<List<ScheduledSession>> DetectorRowsAsync(EventsDbContext db, List<int> forumIds, HashSet<int> sessionIds, CancellationToken ct) =>
        ProgramService.DetectorRowsAsync(db.Sessions.AsNoTracking().Where(s => forumIds.Contains(s.EventId) && sessionIds.Contains(s.Id)), ct);

    /// <summary>The items of a session that present a paper (those can go back to the tray).</summary>
    public async Task<IReadOnlySet<int>> PaperItemIdsAsync(int sessionId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var ids = await db.Submissions.Where(p => p.SessionItemId != null && db.SessionItems.Any(i => i.Id == p.SessionItemId && i.SessionId == sessionId))
            .Select(p => p.SessionItemId!.Value).ToListAsync(ct);
        return ids.ToHashSet();
    }

    /// <summary>
    /// Sends a session on the grid back to the unscheduled tray: it keeps its forum, room, day and content but loses its
    /// length (it ends where it starts), so it leaves the grid and waits in the tray until placed again. Checked against the
    /// stamp the organizer saw; undo puts it back where it was.
    /// </summary>
    public Task<SaveResult> UnscheduleSessionAsync(Actor actor, int rootId, int sessionId, Guid loadedStamp, CancellationToken ct = default) =>
        UnscheduleCoreAsync(actor, rootId, sessionId, loadedStamp, ct);

    private async Task<SaveResult> UnscheduleCoreAsync(Actor actor, int rootId, int sessionId, Guid loadedStamp, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await ForumOfSessionAsync(db, sessionId, ct) is not { } forum) return SaveResult.NotFound;
        await rights.DemandEventAsync(actor, forum, ct);
        if (!await db.Events.AnyAsync(e => e.Id == forum && (e.Id == rootId || e.ParentEventId == rootId), ct))
        {
            return SaveResult.Invalid([new(nameof(SessionInput.EventId), "ParentInvalid")]);
        }
        var session = await db.Sessions.FirstAsync(s => s.Id == sessionId, ct);
        db.ExpectVersion(session, loadedStamp);
        if (session.End <= session.Start) return SaveResult.Saved(session.Id);
        var before = new Placement(session.Id, session.EventId, session.RoomId, session.Start, session.End, default, false);
        session.End = session.Start;
        if (!await db.TrySaveVersionedAsync(ct)) return SaveResult.Conflict;
        Remember(actor, rootId, before with { StampAfter = session.ConcurrencyStamp });
        await AnnounceAsync(db, actor, rootId, ProgramEdit.Unscheduled, session.Id, session.Title, ct);
        return SaveResult.Saved(session.Id);
    }

    /// <summary>
    /// Takes a placed paper out of its session and back to the tray: the item that presents it is removed from the session
    /// (the paper itself stays, unplaced), in one save checked against the session's stamp the organizer saw.
    /// </summary>
    public async Task<SaveResult> ReturnPaperToTrayAsync(Actor actor, int rootId, int sessionId, int itemId, Guid loadedStamp, CancellationToken ct = default)
    {
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (await ForumOfSessionAsync(db, sessionId, ct) is not { } forum) return SaveResult.NotFound;
            await rights.DemandEventAsync(actor, forum, ct);
            if (!await db.Submissions.AnyAsync(p => p.SessionItemId == itemId && db.SessionItems.Any(i => i.Id == itemId && i.SessionId == sessionId), ct))
            {
                return SaveResult.NotFound;
            }
        }
        var input = await LoadSessionAsync(sessionId, ct);
        if (input is null) return SaveResult.NotFound;
        if (input.ConcurrencyStamp != loadedStamp) return SaveResult.Conflict;
        input.Items.RemoveAll(i => i.Id == itemId);
        return await SaveSessionAsync(actor, rootId, input, ct);
    }
}
