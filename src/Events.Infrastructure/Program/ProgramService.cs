using Events.Core.Access;
using Events.Core.Common;
using Events.Core.Events;
using Events.Core.Program;
using Events.Core.Program.Conflicts;
using Events.Core.Validation;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Events.Infrastructure.LiveUpdates;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Program;

public sealed record ForumOption(int EventId, string Title, bool IsSubForum, DateOnly StartDate, DateOnly EndDate);

public sealed record TimetableView(
    Event Root, IReadOnlyList<ForumOption> Forums, IReadOnlyList<DateOnly> Days, IReadOnlyList<Room> Rooms,
    IReadOnlyList<SnapshotSession> Sessions, TimeZoneInfo Zone, int TotalSessions);

/// <summary>
/// One day of the whole program for the timetable grid, as small records: every forum of the tree (or the one filtered to),
/// all rooms of the tree, and the sessions touching the day. The zone travels as its id, not as a TimeZoneInfo graph.
/// </summary>
public sealed record TimetableGrid(
    int RootId, string RootTitle, string TimeZoneId, IReadOnlyList<ForumOption> AllForums, IReadOnlyList<GridForum> Forums,
    IReadOnlyList<DateOnly> Days, DateOnly Day, IReadOnlyList<GridRoom> Rooms, IReadOnlyList<GridSession> Sessions, int TotalSessions);

/// <summary>
/// What a change to a program was, for the other organizers' screens: who, what, and which session. <see cref="SessionIds"/>
/// are the sessions to read again (none for an availability change); <see cref="Tray"/> says whether the tray may have
/// changed; a <see cref="Quiet"/> notice only completes the one before (a paper linked to its new item) and names no one.
/// </summary>
public sealed record ProgramChangeNote(long Sequence, string UserId, string UserName, ProgramEdit Edit, int SessionId, string SessionTitle,
    IReadOnlyList<int>? SessionIds = null, bool Tray = true, bool Quiet = false);

public enum ProgramEdit
{
    Added,
    Moved,
    Edited,
    Removed,
    Undone,
    Availability,
    Unscheduled,
    RoomAdded,
    RoomRemoved,
}

public sealed record ConflictView(Conflict Conflict, string SessionTitle, string? OtherTitle, string? PersonName, string? RoomName);

/// <summary>Organizers' editing of an event's program: rooms, sessions with their items and people, and the live conflict check.</summary>
public sealed partial class ProgramService(IDbContextFactory<EventsDbContext> factory, EventRights rights, ILiveUpdates live)
{
    /// <summary>The live-update topic of program changes; the key is the top-level event.</summary>
    public const string LiveTopic = "program";

    /// <summary>How many of a user's changes per program can be undone.</summary>
    public const int UndoDepth = 20;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, ProgramChangeNote> lastChange = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string User, int Root), LinkedList<Placement>> undo = new();
    private long sequence;

    /// <summary>Where and when a session was, for undo: re-applied through <see cref="MoveSessionAsync"/> against the stamp it left.</summary>
    private sealed record Placement(int SessionId, int EventId, int? RoomId, DateTimeOffset Start, DateTimeOffset End, Guid StampAfter, bool Created)
    {
        /// <summary>A deleted session as it was (ids cleared), to create again; with the papers its items presented, by item position.</summary>
        public SessionInput? Removed { get; init; }
        public IReadOnlyList<(int ItemIndex, int PaperId)> RemovedPapers { get; init; } = [];
    }

    /// <summary>The last change to the program of <paramref name="rootId"/> made in this process, if any.</summary>
    public ProgramChangeNote? LastChange(int rootId) => lastChange.GetValueOrDefault(rootId);

    /// <summary>How many changes <paramref name="userId"/> can undo in the program of <paramref name="rootId"/>.</summary>
    public int UndoCount(string userId, int rootId)
    {
        if (!undo.TryGetValue((userId, rootId), out var stack)) return 0;
        lock (stack) return stack.Count;
    }

    /// <summary>The top-level event whose program contains <paramref name="eventId"/> (itself, or its parent for a sub-forum).</summary>
    public async Task<Event?> RootOfAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (ev?.ParentEventId is { } parent) ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == parent, ct);
        return ev;
    }

    /// <summary>One forum on one day, filtered in the database, so a 2,000-session event loads only what is on screen.</summary>
    public async Task<TimetableView?> TimetableAsync(int rootId, int? forumId, DateOnly? day, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var root = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == rootId && e.ParentEventId == null, ct);
        if (root is null) return null;
        var zone = ProgramTime.Zone(root.TimeZoneId);
        var forums = await db.Events.AsNoTracking().Where(e => e.Id == rootId || e.ParentEventId == rootId)
            .OrderBy(e => e.ParentEventId == null ? 0 : 1).ThenBy(e => e.StartDate).ThenBy(e => e.Id)
            .Select(e => new ForumOption(e.Id, e.Title, e.ParentEventId != null, e.StartDate, e.EndDate)).ToListAsync(ct);
        var forum = forums.FirstOrDefault(f => f.EventId == forumId) ?? forums[0];
        var days = Enumerable.Range(0, root.EndDate.DayNumber - root.StartDate.DayNumber + 1).Select(root.StartDate.AddDays).ToList();
        var shown = day is { } d && days.Contains(d) ? d : days[0];
        var (from, to) = ProgramTime.Window(shown, shown, zone);

        var rooms = await db.Rooms.AsNoTracking().Where(r => r.EventId == forum.EventId).OrderBy(r => r.Order).ThenBy(r => r.Id).ToListAsync(ct);
        var sessions = await ProgramSnapshots.LoadSessions(db)
            .Where(s => s.EventId == forum.EventId && s.Start < to && s.End > from)
            .OrderBy(s => s.Start).ToListAsync(ct);
        var total = await db.Sessions.CountAsync(s => forums.Select(f => f.EventId).Contains(s.EventId), ct);
        return new TimetableView(root, forums, days, rooms, sessions.Select(ProgramSnapshots.ToSnapshot).ToList(), zone, total);
    }

    /// <summary>
    /// One day of the program for the grid: the parent and every sub-forum (or only <paramref name="forumId"/>), projected to small
    /// records in the database; no entity is kept. A session crossing midnight is on both days.
    /// </summary>
    public async Task<TimetableGrid?> GridAsync(int rootId, int? forumId, DateOnly? day, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var root = await db.Events.AsNoTracking().Where(e => e.Id == rootId && e.ParentEventId == null)
            .Select(e => new { e.Id, e.Title, e.TimeZoneId, e.StartDate, e.EndDate }).FirstOrDefaultAsync(ct);
        if (root is null) return null;
        var zone = ProgramTime.Zone(root.TimeZoneId);
        var all = await db.Events.AsNoTracking().Where(e => e.Id == rootId || e.ParentEventId == rootId)
            .OrderBy(e => e.ParentEventId == null ? 0 : 1).ThenBy(e => e.StartDate).ThenBy(e => e.Id)
            .Select(e => new ForumOption(e.Id, e.Title, e.ParentEventId != null, e.StartDate, e.EndDate)).ToListAsync(ct);
        var shownForums = all.Where(f => forumId is null || f.EventId == forumId).Select(f => new GridForum(f.EventId, f.Title, f.IsSubForum)).ToList();
        if (shownForums.Count == 0) shownForums = all.Select(f => new GridForum(f.EventId, f.Title, f.IsSubForum)).ToList();
        var days = Enumerable.Range(0, root.EndDate.DayNumber - root.StartDate.DayNumber + 1).Select(root.StartDate.AddDays).ToList();
        var shown = day is { } d && days.Contains(d) ? d : days[0];
        var (from, to) = ProgramTime.Window(shown, shown, zone);
        var ids = all.Select(f => f.EventId).ToList();
        var forumIds = shownForums.Select(f => f.EventId).ToList();

        var rooms = await db.Rooms.AsNoTracking().Where(r => ids.Contains(r.EventId)).OrderBy(r => r.Order).ThenBy(r => r.Id)
            .Select(r => new GridRoom(r.Id, r.EventId, r.Name, r.Order, r.Capacity)).ToListAsync(ct);
        // A session without a time (ending where it starts) waits in the tray, not on the grid.
        var rows = await db.Sessions.AsNoTracking().Where(s => forumIds.Contains(s.EventId) && s.Start < to && s.End > from && s.End > s.Start)
            .Select(s => new
            {
                s.Id, s.EventId, s.RoomId, s.Kind, s.Title, s.Start, s.End, s.ConcurrencyStamp,
                People = s.Items.OrderBy(i => i.Order).SelectMany(i => i.Participants.OrderBy(p => p.Order).Select(p => p.Person != null ? p.Person.Name : p.UnnamedLabel)).Take(4).ToList(),
            }).AsSplitQuery().ToListAsync(ct);
        var sessions = rows.OrderBy(r => r.Start).ThenBy(r => r.Id).Select(r => new GridSession(r.Id, r.EventId, r.RoomId, r.Kind, r.Title, r.Start, r.End,
            string.Join("、", r.People.Where(n => !string.IsNullOrEmpty(n)).Distinct().Take(3)) + (r.People.Count > 3 ? "…" : ""), r.ConcurrencyStamp)).ToList();
        var total = await db.Sessions.CountAsync(s => ids.Contains(s.EventId), ct);
        return new TimetableGrid(root.Id, root.Title, root.TimeZoneId, all, shownForums, days, shown, rooms, sessions, total);
    }

    /// <summary>
    /// Places a session at a new time, room or forum, as the grid's drag, resize and keyboard moves do: only the placement
    /// changes, checked against the stamp the organizer saw, so a session someone else changed meanwhile reports a conflict.
    /// Takes rights over the forum it leaves and the one it joins; the room must be one of the event tree's.
    /// </summary>
    public Task<SaveResult> MoveSessionAsync(Actor actor, int rootId, int sessionId, Guid loadedStamp, int eventId, int? roomId, DateTimeOffset start, DateTimeOffset end, CancellationToken ct = default) =>
        PlaceAsync(actor, rootId, sessionId, loadedStamp, eventId, roomId, start, end, ProgramEdit.Moved, ct);

    private async Task<SaveResult> PlaceAsync(Actor actor, int rootId, int sessionId, Guid loadedStamp, int eventId, int? roomId, DateTimeOffset start, DateTimeOffset end, ProgramEdit edit, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await ForumOfSessionAsync(db, sessionId, ct) is not { } was) return SaveResult.NotFound;
        await rights.DemandEventsAsync(actor, [was, eventId], ct);
        var errors = new List<Core.Validation.RuleViolation>();
        if (end <= start) errors.Add(new(nameof(SessionInput.EndTime), "EndBeforeStart"));
        if (!await db.Events.AnyAsync(e => e.Id == eventId && (e.Id == rootId || e.ParentEventId == rootId), ct)
            || !await db.Events.AnyAsync(e => e.Id == was && (e.Id == rootId || e.ParentEventId == rootId), ct))
        {
            errors.Add(new(nameof(SessionInput.EventId), "ParentInvalid"));
        }
        if (roomId is { } room && !await db.Rooms.AnyAsync(r => r.Id == room && db.Events.Any(e => e.Id == r.EventId && (e.Id == rootId || e.ParentEventId == rootId)), ct))
        {
            errors.Add(new(nameof(SessionInput.RoomId), "RoomNotInProgram"));
        }
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        var session = await db.Sessions.FirstAsync(s => s.Id == sessionId, ct);
        db.ExpectVersion(session, loadedStamp);
        var before = new Placement(session.Id, session.EventId, session.RoomId, session.Start, session.End, default, false);
        (session.EventId, session.RoomId, session.Start, session.End) = (eventId, roomId, start, end);
        if (!await db.TrySaveVersionedAsync(ct)) return SaveResult.Conflict;
        if (edit != ProgramEdit.Undone) Remember(actor, rootId, before with { StampAfter = session.ConcurrencyStamp });
        // Only a session that had no time, or has none now, comes from or goes to the tray.
        await AnnounceAsync(db, actor, rootId, edit, session.Id, session.Title, ct, tray: before.End <= before.Start || end <= start);
        return SaveResult.Saved(session.Id);
    }

    /// <summary>
    /// Undoes the user's last change in this program: a move goes back to where it was, a session they added is removed, a
    /// session they deleted comes back (as a new session, with the papers it presented that are still unplaced).
    /// It goes through the same checks as any change; if someone changed the session since, it reports a conflict and the
    /// step is dropped (there is nothing safe to go back to).
    /// </summary>
    public async Task<SaveResult> UndoAsync(Actor actor, int rootId, CancellationToken ct = default)
    {
        // Undo works on the program as a whole, so it takes rights over the top-level event (the step itself also checks its forums).
        await rights.DemandEventAsync(actor, rootId, ct);
        if (!undo.TryGetValue((actor.UserId, rootId), out var stack)) return SaveResult.NotFound;
        Placement? last;
        lock (stack)
        {
            last = stack.Last?.Value;
            if (last is not null) stack.RemoveLast();
        }
        if (last is null) return SaveResult.NotFound;
        if (last.Created)
        {
            return await DeleteCoreAsync(actor, last.SessionId, last.StampAfter, undoing: true, ct);
        }
        if (last.Removed is { } removed) return await RestoreAsync(actor, rootId, removed, last.RemovedPapers, ct);
        return await PlaceAsync(actor, rootId, last.SessionId, last.StampAfter, last.EventId, last.RoomId, last.Start, last.End, ProgramEdit.Undone, ct);
    }

    private void Remember(Actor actor, int rootId, Placement placement)
    {
        var stack = undo.GetOrAdd((actor.UserId, rootId), _ => new LinkedList<Placement>());
        lock (stack)
        {
            stack.AddLast(placement);
            while (stack.Count > UndoDepth) stack.RemoveFirst();
        }
    }

    /// <summary>Tells every open timetable of the program, after the save, who changed what.</summary>
    /// <remarks>
    /// The kept conflicts are rechecked for the changed session first, so the screens told read them ready; the notice names
    /// the session, and whether the tray may have changed (not for a move from one time to another).
    /// </remarks>
    private async Task AnnounceAsync(EventsDbContext db, Actor actor, int rootId, ProgramEdit edit, int sessionId, string title, CancellationToken ct,
        bool tray = true, int? availabilityOf = null)
    {
        var name = await WhoAsync(db, actor, ct);
        IReadOnlyList<int> ids = availabilityOf is null ? [sessionId] : [];
        await RecheckConflictsAsync(db, rootId, ids, availabilityOf, ct);
        var note = new ProgramChangeNote(Interlocked.Increment(ref sequence), actor.UserId, name, edit, sessionId, title, ids, tray);
        lastChange[rootId] = note;
        Record(rootId, note);
        live.Notify(LiveTopic, rootId);
    }

    /// <summary>
    /// Tells the open timetables again after a save's follow-up (a paper linked to its new item), so the tray they show
    /// matches; the "who changed what" note stays the save's.
    /// </summary>
    internal void NotifyAgain(int rootId)
    {
        var last = lastChange.GetValueOrDefault(rootId);
        Record(rootId, new ProgramChangeNote(Interlocked.Increment(ref sequence), last?.UserId ?? "", last?.UserName ?? "", last?.Edit ?? ProgramEdit.Edited, 0, "", [], true, Quiet: true));
        live.Notify(LiveTopic, rootId);
    }

    /// <summary>The name other organizers see in "who changed what".</summary>
    private static async Task<string> WhoAsync(EventsDbContext db, Actor actor, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.DisplayName ?? u.UserName).FirstOrDefaultAsync(ct) ?? actor.UserId;

    private static async Task<int?> RootOfForumAsync(EventsDbContext db, int eventId, CancellationToken ct) =>
        await db.Events.Where(e => e.Id == eventId).Select(e => (int?)(e.ParentEventId ?? e.Id)).FirstOrDefaultAsync(ct);

    public async Task<SessionInput?> LoadSessionAsync(int sessionId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var s = await db.Sessions.AsNoTracking()
            .Include(x => x.Chairs).Include(x => x.Items).ThenInclude(i => i.Participants).Include(x => x.Items).ThenInclude(i => i.Publications)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == sessionId, ct);
        if (s is null) return null;
        var zone = ProgramTime.Zone(await ZoneOfAsync(db, s.EventId, ct));
        return SessionInput.From(s, zone);
    }

    /// <summary>
    /// Creates or updates a session in one save; a stale edit writes nothing and reports a conflict.
    /// Takes rights over the forum the session is in and, when it moves, over the forum it leaves.
    /// </summary>
    public Task<SaveResult> SaveSessionAsync(Actor actor, int rootId, SessionInput input, CancellationToken ct = default) =>
        SaveSessionCoreAsync(actor, rootId, input, undoing: false, ct);

    /// <summary>Creates a deleted session again from its snapshot and puts back the papers it presented that nobody has placed since.</summary>
    private async Task<SaveResult> RestoreAsync(Actor actor, int rootId, SessionInput removed, IReadOnlyList<(int ItemIndex, int PaperId)> papers, CancellationToken ct)
    {
        var result = await SaveSessionCoreAsync(actor, rootId, removed, undoing: true, ct);
        if (result.Outcome != SaveOutcome.Saved || papers.Count == 0) return result;
        await using var db = await factory.CreateDbContextAsync(ct);
        foreach (var (index, paperId) in papers)
        {
            if (index >= removed.Items.Count || removed.Items[index].Id is not { } itemId) continue;
            await db.Submissions.Where(p => p.Id == paperId && p.SessionItemId == null).ExecuteUpdateAsync(u => u.SetProperty(p => p.SessionItemId, (int?)itemId), ct);
        }
        NotifyAgain(rootId);
        return result;
    }

    private async Task<SaveResult> SaveSessionCoreAsync(Actor actor, int rootId, SessionInput input, bool undoing, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var was = input.Id is { } editedId ? await ForumOfSessionAsync(db, editedId, ct) : null;
        await rights.DemandEventsAsync(actor, was is { } w ? [w, input.EventId] : [input.EventId], ct);
        var errors = input.Validate().ToList();
        var forum = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == input.EventId && (e.Id == rootId || e.ParentEventId == rootId), ct);
        if (forum is null) errors.Add(new RuleViolation(nameof(SessionInput.EventId), "ParentInvalid"));
        // A venue's rooms belong to the event tree: any forum of the program may use a room any forum of it added.
        if (input.RoomId is { } roomId && !await db.Rooms.AnyAsync(r => r.Id == roomId
                && db.Events.Any(e => e.Id == r.EventId && (e.Id == rootId || e.ParentEventId == rootId)), ct))
        {
            errors.Add(new RuleViolation(nameof(SessionInput.RoomId), "RoomNotInProgram"));
        }
        var personIds = input.ChairIds.Concat(input.Items.SelectMany(i => i.Participants).Select(p => p.PersonId).OfType<int>()).Distinct().ToList();
        if (personIds.Count > 0 && await db.People.CountAsync(p => personIds.Contains(p.Id), ct) != personIds.Count)
        {
            errors.Add(new RuleViolation(nameof(SessionInput.Items), "UnknownPerson"));
        }
        if (errors.Count > 0) return SaveResult.Invalid(errors);

        var root = await db.Events.AsNoTracking().SingleAsync(e => e.Id == rootId, ct);
        var zone = ProgramTime.Zone(root.TimeZoneId);
        Session session;
        Placement? before = null;
        if (input.Id is { } id)
        {
            var found = await db.Sessions.Include(s => s.Chairs).Include(s => s.Items).ThenInclude(i => i.Participants)
                .Include(s => s.Items).ThenInclude(i => i.Publications).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, ct);
            if (found is null) return SaveResult.NotFound;
            session = found;
            before = new Placement(found.Id, found.EventId, found.RoomId, found.Start, found.End, default, false);
            db.ExpectVersion(session, input.ConcurrencyStamp);
        }
        else
        {
            session = new Session { Title = input.Title };
            db.Sessions.Add(session);
        }
        await UnplacePapersAsync(db, input.RemovedItemIds(session), ct);
        input.ApplyTo(session, zone);
        if (!await db.TrySaveVersionedAsync(ct)) return SaveResult.Conflict;
        input.Id = session.Id;
        input.ConcurrencyStamp = session.ConcurrencyStamp;
        var saved = session.Items.OrderBy(i => i.Order).ToList();
        for (var i = 0; i < input.Items.Count && i < saved.Count; i++) input.Items[i].Id = saved[i].Id;
        // Undo covers where and when: a new session is taken away again, a moved one goes back.
        var moved = before is not null && (before.EventId, before.RoomId, before.Start, before.End) != (session.EventId, session.RoomId, session.Start, session.End);
        // A session brought back by undo is not itself a step to undo.
        if (!undoing && before is null) Remember(actor, rootId, new Placement(session.Id, session.EventId, session.RoomId, session.Start, session.End, session.ConcurrencyStamp, true));
        else if (!undoing && moved) Remember(actor, rootId, before! with { StampAfter = session.ConcurrencyStamp });
        await AnnounceAsync(db, actor, rootId, undoing ? ProgramEdit.Undone : before is null ? ProgramEdit.Added : moved ? ProgramEdit.Moved : ProgramEdit.Edited, session.Id, session.Title, ct);
        return SaveResult.Saved(session.Id);
    }

    public Task<SaveResult> DeleteSessionAsync(Actor actor, int sessionId, Guid loadedStamp, CancellationToken ct = default) =>
        DeleteCoreAsync(actor, sessionId, loadedStamp, undoing: false, ct);

    /// <summary>
    /// Takes back a session a larger change just created when that change cannot complete (a paper placed by someone else
    /// meanwhile): deleted, and its creation dropped from the user's undo steps, so undo never brings back a half change.
    /// </summary>
    internal async Task<SaveResult> DiscardCreatedAsync(Actor actor, int rootId, int sessionId, Guid stamp, CancellationToken ct = default)
    {
        if (undo.TryGetValue((actor.UserId, rootId), out var stack))
        {
            lock (stack)
            {
                for (var node = stack.Last; node is not null; node = node.Previous)
                {
                    if (node.Value is { Created: true } created && created.SessionId == sessionId)
                    {
                        stack.Remove(node);
                        break;
                    }
                }
            }
        }
        return await DeleteCoreAsync(actor, sessionId, stamp, undoing: false, ct, remember: false);
    }

    private async Task<SaveResult> DeleteCoreAsync(Actor actor, int sessionId, Guid loadedStamp, bool undoing, CancellationToken ct, bool remember = true)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await ForumOfSessionAsync(db, sessionId, ct) is not { } forumId) return SaveResult.NotFound;
        await rights.DemandEventAsync(actor, forumId, ct);
        var rootId = await RootOfForumAsync(db, forumId, ct) ?? forumId;
        var title = await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Title).FirstOrDefaultAsync(ct) ?? "";
        // What undo needs to bring a deleted session back: the session as the editor would save it anew, and its papers.
        var snapshot = undoing || !remember ? null : await LoadSessionAsync(sessionId, ct);
        var papers = new List<(int ItemIndex, int PaperId)>();
        if (snapshot is not null)
        {
            var placed = await db.Submissions.Where(p => p.SessionItemId != null && db.SessionItems.Any(i => i.Id == p.SessionItemId && i.SessionId == sessionId))
                .Select(p => new { p.Id, ItemId = p.SessionItemId!.Value }).ToListAsync(ct);
            foreach (var p in placed)
                if (snapshot.Items.FindIndex(i => i.Id == p.ItemId) is var index and >= 0) papers.Add((index, p.Id));
            snapshot.Id = null;
            snapshot.ConcurrencyStamp = default;
            foreach (var item in snapshot.Items) item.Id = null;
        }
        var strategy = db.Database.CreateExecutionStrategy();
        var result = await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Papers placed in the session's items go back to unplaced first: the link has no database delete action.
            await db.Submissions.Where(p => p.SessionItemId != null && db.SessionItems.Any(i => i.Id == p.SessionItemId && i.SessionId == sessionId)
                    && db.Sessions.Any(s => s.Id == sessionId && s.ConcurrencyStamp == loadedStamp))
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.SessionItemId, (int?)null), ct);
            var deleted = await db.Sessions.Where(s => s.Id == sessionId && s.ConcurrencyStamp == loadedStamp).ExecuteDeleteAsync(ct);
            await tx.CommitAsync(ct);
            if (deleted == 1) return SaveResult.Saved(sessionId);
            return await db.Sessions.AnyAsync(s => s.Id == sessionId, ct) ? SaveResult.Conflict : SaveResult.NotFound;
        });
        if (result.Outcome == SaveOutcome.Saved && snapshot is not null)
            Remember(actor, rootId, new Placement(sessionId, snapshot.EventId, snapshot.RoomId, default, default, default, false) { Removed = snapshot, RemovedPapers = papers });
        if (result.Outcome == SaveOutcome.Saved) await AnnounceAsync(db, actor, rootId, undoing ? ProgramEdit.Undone : ProgramEdit.Removed, sessionId, title, ct);
        return result;
    }

    /// <summary>
    /// A paper placed in a removed item goes back to unplaced, in the same save as the removal
    /// (Submission.SessionItemId has no database delete action: SQL Server refuses a second cascade path from the event).
    /// </summary>
    private static async Task UnplacePapersAsync(EventsDbContext db, IReadOnlyList<int> removedItemIds, CancellationToken ct)
    {
        if (removedItemIds.Count == 0) return;
        foreach (var paper in await db.Submissions.Where(p => p.SessionItemId != null && removedItemIds.Contains(p.SessionItemId.Value)).ToListAsync(ct))
        {
            paper.SessionItemId = null;
        }
    }

    /// <summary>The rooms of the event and all its sub-forums, for the session editor's forum switch.</summary>
    public async Task<IReadOnlyList<Room>> RoomsAsync(int rootId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Rooms.AsNoTracking()
            .Where(r => db.Events.Any(e => e.Id == r.EventId && (e.Id == rootId || e.ParentEventId == rootId)))
            .OrderBy(r => r.EventId).ThenBy(r => r.Order).ToListAsync(ct);
    }

    public async Task<Room?> AddRoomAsync(Actor actor, int eventId, string name, int? capacity, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await db.Rooms.Where(r => r.EventId == eventId).Select(r => (int?)r.Order).MaxAsync(ct) ?? -1;
        var room = new Room { EventId = eventId, Name = name.Trim(), Capacity = capacity, Order = order + 1 };
        db.Rooms.Add(room);
        await db.SaveChangesAsync(ct);
        if (await RootOfForumAsync(db, eventId, ct) is { } rootId) await AnnounceRoomsAsync(db, actor, rootId, ProgramEdit.RoomAdded, room.Name, ct);
        return room;
    }

    /// <summary>
    /// Removing a room leaves its sessions without a room rather than deleting them, in every forum that shared it.
    /// The room's own forum decides: rights are over the forum that added it.
    /// </summary>
    public async Task RemoveRoomAsync(Actor actor, int eventId, int roomId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var name = await db.Rooms.Where(r => r.Id == roomId && r.EventId == eventId).Select(r => r.Name).FirstOrDefaultAsync(ct);
        if (name is null) return;
        await db.Sessions.Where(s => s.RoomId == roomId && db.Rooms.Any(r => r.Id == roomId && r.EventId == eventId))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RoomId, (int?)null), ct);
        await db.Rooms.Where(r => r.Id == roomId && r.EventId == eventId).ExecuteDeleteAsync(ct);
        if (await RootOfForumAsync(db, eventId, ct) is { } rootId)
        {
            // Sessions lost their room outside the change notices: the program's kept conflicts are checked in full next time.
            conflictStates.TryRemove(rootId, out _);
            await AnnounceRoomsAsync(db, actor, rootId, ProgramEdit.RoomRemoved, name, ct);
        }
    }

    /// <summary>
    /// A room added or removed changes the grid's columns on every open timetable of the program: the notice names no
    /// sessions, so each screen reloads its rooms and sessions, and says who changed which room.
    /// </summary>
    private async Task AnnounceRoomsAsync(EventsDbContext db, Actor actor, int rootId, ProgramEdit edit, string roomName, CancellationToken ct)
    {
        var note = new ProgramChangeNote(Interlocked.Increment(ref sequence), actor.UserId, await WhoAsync(db, actor, ct), edit, 0, roomName, SessionIds: null);
        lastChange[rootId] = note;
        Record(rootId, note);
        live.Notify(LiveTopic, rootId);
    }

    /// <summary>The detector's input, with the people's available times entered for the program.</summary>
    internal static async Task<(List<ScheduledSession>, List<EventWindow>, List<AvailabilityRange>)> DetectorInputWithAvailabilityAsync(EventsDbContext db, int rootId, CancellationToken ct)
    {
        List<AvailabilityRange> availability;
        var forums = await db.Events.AsNoTracking().Where(e => e.Id == rootId || e.ParentEventId == rootId).ToListAsync(ct);
        var ids = forums.Select(f => f.Id).ToList();
        var sessions = await DetectorRowsAsync(db.Sessions.AsNoTracking().Where(s => ids.Contains(s.EventId)), ct);
        availability = await db.SpeakerAvailability.AsNoTracking().Where(a => a.EventId == rootId)
            .Select(a => new AvailabilityRange(a.PersonId, a.Start, a.End)).ToListAsync(ct);
        var windows = forums.Select(f =>
        {
            var (start, end) = ProgramTime.Window(f.StartDate, f.EndDate, ProgramTime.Zone(f.TimeZoneId));
            return new EventWindow(f.Id, start, end);
        }).ToList();
        return (sessions, windows, availability);
    }

    private static async Task<int?> ForumOfSessionAsync(EventsDbContext db, int sessionId, CancellationToken ct) =>
        await db.Sessions.Where(s => s.Id == sessionId).Select(s => (int?)s.EventId).FirstOrDefaultAsync(ct);

    private static async Task<string> ZoneOfAsync(EventsDbContext db, int eventId, CancellationToken ct) =>
        await db.Events.Where(e => e.Id == eventId).Select(e => e.TimeZoneId).FirstOrDefaultAsync(ct) ?? Event.DefaultTimeZone;

    /// <summary>The sessions as the conflict detector reads them: room, times, people, chairs and the items' minutes.</summary>
    internal static async Task<List<ScheduledSession>> DetectorRowsAsync(IQueryable<Session> sessions, CancellationToken ct)
    {
        var rows = await sessions
            .Select(s => new
            {
                s.Id, s.EventId, s.RoomId, s.Start, s.End,
                Chairs = s.Chairs.Select(c => c.PersonId).ToList(),
                People = s.Items.SelectMany(i => i.Participants).Where(p => p.PersonId != null).Select(p => p.PersonId!.Value).ToList(),
                Minutes = s.Items.Sum(i => i.DurationMinutes),
            }).AsSplitQuery().ToListAsync(ct);
        return rows.Select(r => new ScheduledSession(r.Id, r.EventId, r.RoomId, r.Start, r.End, r.People, r.Chairs, r.Minutes)).ToList();
    }
}
