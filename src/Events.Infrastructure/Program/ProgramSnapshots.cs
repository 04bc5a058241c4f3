using Events.Core.Events;
using Events.Core.Program;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Program;

/// <summary>Builds a snapshot of the current (draft) program of a top-level event and all its sub-forums.</summary>
public static class ProgramSnapshots
{
    public static async Task<ProgramSnapshot> BuildAsync(EventsDbContext db, Event root, int version, DateTimeOffset at, CancellationToken ct)
    {
        var forums = await db.Events.AsNoTracking().Where(e => e.Id == root.Id || e.ParentEventId == root.Id)
            .OrderBy(e => e.ParentEventId == null ? 0 : 1).ThenBy(e => e.StartDate).ThenBy(e => e.Id).ToListAsync(ct);
        var ids = forums.Select(f => f.Id).ToList();
        var rooms = await db.Rooms.AsNoTracking().Where(r => ids.Contains(r.EventId)).OrderBy(r => r.EventId).ThenBy(r => r.Order).ThenBy(r => r.Id).ToListAsync(ct);
        var sessions = await LoadSessions(db).Where(s => ids.Contains(s.EventId)).ToListAsync(ct);

        return new ProgramSnapshot(version, at, root.Slug, root.Title, root.TimeZoneId, root.StartDate, root.EndDate, root.City, root.Venue,
            forums.Select(f => new SnapshotForum(f.Id, f.Slug, f.Title, f.ParentEventId is not null, f.TitleEn, f.Venue)).ToList(),
            rooms.Select(r => new SnapshotRoom(r.Id, r.EventId, r.Name, r.Capacity)).ToList(),
            sessions.OrderBy(s => s.Start).ThenBy(s => s.Room?.Order).ThenBy(s => s.Id).Select(ToSnapshot).ToList(),
            root.TitleEn);
    }

    public static IQueryable<Session> LoadSessions(EventsDbContext db) => db.Sessions.AsNoTracking()
        .Include(s => s.Room)
        .Include(s => s.Chairs).ThenInclude(c => c.Person).ThenInclude(p => p!.Positions).ThenInclude(p => p.Organization)
        .Include(s => s.Items).ThenInclude(i => i.Participants).ThenInclude(p => p.Person).ThenInclude(p => p!.Positions).ThenInclude(p => p.Organization)
        .Include(s => s.Items).ThenInclude(i => i.Publications)
        .AsSplitQuery();

    public static SnapshotSession ToSnapshot(Session s) => new(
        s.Id, s.EventId, s.Kind, s.Title, s.Start, s.End, s.RoomId, s.Room?.Name,
        s.Chairs.OrderBy(c => c.Order).Select(c => Person(c.Person!)).ToList(),
        s.Items.OrderBy(i => i.Order).Select(i => new SnapshotItem(i.Title, i.DurationMinutes,
            i.Participants.OrderBy(p => p.Order).Select(p => new SnapshotParticipant(p.Role, p.Person is null ? null : Person(p.Person), p.UnnamedLabel)).ToList(),
            i.Publications.OrderBy(p => p.Order).Select(p => p.Title).ToList())).ToList(),
            s.TitleEn);

    private static SnapshotPerson Person(Core.People.Person p) => new(p.Id, p.Name, p.NameEn, p.DisplayTitle);
}
