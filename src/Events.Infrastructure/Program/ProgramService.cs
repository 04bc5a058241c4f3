using Events.Core.Access;
using Events.Core.Common;
using Events.Core.Events;
using Events.Core.Program;
using Events.Core.Program.Conflicts;
using Events.Core.Validation;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Program;

public sealed record ForumOption(int EventId, string Title, bool IsSubForum, DateOnly StartDate, DateOnly EndDate);

public sealed record TimetableView(
    Event Root, IReadOnlyList<ForumOption> Forums, IReadOnlyList<DateOnly> Days, IReadOnlyList<Room> Rooms,
    IReadOnlyList<SnapshotSession> Sessions, TimeZoneInfo Zone, int TotalSessions);

public sealed record ConflictView(Conflict Conflict, string SessionTitle, string? OtherTitle, string? PersonName, string? RoomName);

/// <summary>Organizers' editing of an event's program: rooms, sessions with their items and people, and the live conflict check.</summary>
public sealed class ProgramService(IDbContextFactory<EventsDbContext> factory, EventRights rights)
{
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
    public async Task<SaveResult> SaveSessionAsync(Actor actor, int rootId, SessionInput input, CancellationToken ct = default)
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
        if (input.Id is { } id)
        {
            var found = await db.Sessions.Include(s => s.Chairs).Include(s => s.Items).ThenInclude(i => i.Participants)
                .Include(s => s.Items).ThenInclude(i => i.Publications).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, ct);
            if (found is null) return SaveResult.NotFound;
            session = found;
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
        return SaveResult.Saved(session.Id);
    }

    public async Task<SaveResult> DeleteSessionAsync(Actor actor, int sessionId, Guid loadedStamp, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await ForumOfSessionAsync(db, sessionId, ct) is not { } forumId) return SaveResult.NotFound;
        await rights.DemandEventAsync(actor, forumId, ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
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
        await db.Sessions.Where(s => s.RoomId == roomId && db.Rooms.Any(r => r.Id == roomId && r.EventId == eventId))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RoomId, (int?)null), ct);
        await db.Rooms.Where(r => r.Id == roomId && r.EventId == eventId).ExecuteDeleteAsync(ct);
    }

    /// <summary>Every clash across the event and all its sub-forums, named for the organizer.</summary>
    public async Task<IReadOnlyList<ConflictView>> ConflictsAsync(int rootId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var (sessions, windows) = await DetectorInputAsync(db, rootId, ct);
        var found = ConflictDetector.Find(sessions, windows);
        if (found.Count == 0) return [];
        var ids = found.SelectMany(c => new[] { c.SessionId, c.OtherSessionId ?? c.SessionId }).Distinct().ToList();
        var titles = await db.Sessions.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Title, ct);
        var personIds = found.Select(c => c.PersonId).OfType<int>().Distinct().ToList();
        var names = await db.People.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var roomIds = found.Select(c => c.RoomId).OfType<int>().Distinct().ToList();
        var rooms = await db.Rooms.Where(r => roomIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        return found.Select(c => new ConflictView(c, titles[c.SessionId], c.OtherSessionId is { } o ? titles[o] : null,
            c.PersonId is { } p ? names.GetValueOrDefault(p) : null, c.RoomId is { } r ? rooms.GetValueOrDefault(r) : null)).ToList();
    }

    internal static async Task<(List<ScheduledSession>, List<EventWindow>)> DetectorInputAsync(EventsDbContext db, int rootId, CancellationToken ct)
    {
        var forums = await db.Events.AsNoTracking().Where(e => e.Id == rootId || e.ParentEventId == rootId).ToListAsync(ct);
        var ids = forums.Select(f => f.Id).ToList();
        var rows = await db.Sessions.AsNoTracking().Where(s => ids.Contains(s.EventId))
            .Select(s => new
            {
                s.Id, s.EventId, s.RoomId, s.Start, s.End,
                Chairs = s.Chairs.Select(c => c.PersonId).ToList(),
                People = s.Items.SelectMany(i => i.Participants).Where(p => p.PersonId != null).Select(p => p.PersonId!.Value).ToList(),
                Minutes = s.Items.Sum(i => i.DurationMinutes),
            }).AsSplitQuery().ToListAsync(ct);
        var sessions = rows.Select(r => new ScheduledSession(r.Id, r.EventId, r.RoomId, r.Start, r.End, r.People, r.Chairs, r.Minutes)).ToList();
        var windows = forums.Select(f =>
        {
            var (start, end) = ProgramTime.Window(f.StartDate, f.EndDate, ProgramTime.Zone(f.TimeZoneId));
            return new EventWindow(f.Id, start, end);
        }).ToList();
        return (sessions, windows);
    }

    private static async Task<int?> ForumOfSessionAsync(EventsDbContext db, int sessionId, CancellationToken ct) =>
        await db.Sessions.Where(s => s.Id == sessionId).Select(s => (int?)s.EventId).FirstOrDefaultAsync(ct);

    private static async Task<string> ZoneOfAsync(EventsDbContext db, int eventId, CancellationToken ct) =>
        await db.Events.Where(e => e.Id == eventId).Select(e => e.TimeZoneId).FirstOrDefaultAsync(ct) ?? Event.DefaultTimeZone;
}
