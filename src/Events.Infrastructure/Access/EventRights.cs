using Events.Core.Access;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Access;

/// <summary>
/// Each organizer right, decided once. Services call the <c>Demand…</c> methods before they write, and the web's
/// authorization handlers ask the same questions, so a page and its service cannot disagree about who may do what.
/// </summary>
public sealed class EventRights(IDbContextFactory<EventsDbContext> factory)
{
    /// <summary>Administrators, or a user on the event's own staff list (a parent's staff list does not reach its sub-forums).</summary>
    public async Task<bool> MayManageEventAsync(Actor actor, int eventId, CancellationToken ct = default) =>
        actor.IsAdministrator || await IsStaffAsync(eventId, actor.UserId, ct);

    public async Task DemandEventAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        if (!await MayManageEventAsync(actor, eventId, ct)) throw Denied(actor, $"event {eventId}");
    }

    /// <summary>
    /// PIPL: registrants' mobile and ID numbers in full, and exports containing them. Administrators, and those on the
    /// event's staff list who were given the right (<see cref="Core.Events.EventStaff.SeesPersonalData"/>); other staff
    /// and reviewers see them masked.
    /// </summary>
    public async Task<bool> MaySeePersonalDataAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        if (actor.IsAdministrator) return true;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.EventStaff.AnyAsync(s => s.EventId == eventId && s.UserId == actor.UserId && s.SeesPersonalData, ct);
    }

    public async Task DemandPersonalDataAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        if (!await MaySeePersonalDataAsync(actor, eventId, ct)) throw Denied(actor, $"personal data of event {eventId}");
    }

    /// <summary>
    /// Check-in (签到) at the door, badge printing and reprinting: the event's staff and administrators, the same people
    /// who see its attendee list. One rule, asked by the check-in service, the badge service and their pages.
    /// </summary>
    public Task<bool> MayCheckInAsync(Actor actor, int eventId, CancellationToken ct = default) => MayManageEventAsync(actor, eventId, ct);

    public async Task DemandCheckInAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        if (!await MayCheckInAsync(actor, eventId, ct)) throw Denied(actor, $"check-in of event {eventId}");
    }

    /// <summary>A change that touches several forums (a session moved from one sub-forum to another) needs rights over each.</summary>
    public async Task DemandEventsAsync(Actor actor, IEnumerable<int> eventIds, CancellationToken ct = default)
    {
        foreach (var id in eventIds.Distinct()) await DemandEventAsync(actor, id, ct);
    }

    /// <summary>Organizations, people and bulletin series are shared by all events: organizers and administrators edit them.</summary>
    public static void DemandOrganizerRole(Actor actor)
    {
        if (!actor.HasOrganizerRole) throw Denied(actor, "what only organizers and administrators change");
    }

    /// <summary>Site roles are granted and revoked by administrators only.</summary>
    public static void DemandAdministrator(Actor actor)
    {
        if (!actor.IsAdministrator) throw Denied(actor, "site roles");
    }

    /// <summary>
    /// Organizers and administrators (who run the series), and, for an issue about an event, the staff of that
    /// event or of its parent forum.
    /// </summary>
    public async Task<bool> MayEditBulletinAsync(Actor actor, int bulletinId, CancellationToken ct = default)
    {
        if (actor.HasOrganizerRole) return true;
        await using var db = await factory.CreateDbContextAsync(ct);
        var events = await db.Bulletins.Where(b => b.Id == bulletinId && b.EventId != null)
            .Select(b => new { b.EventId, ParentEventId = b.Event!.ParentEventId }).FirstOrDefaultAsync(ct);
        if (events is null) return false;
        return await db.EventStaff.AnyAsync(s => s.UserId == actor.UserId && (s.EventId == events.EventId || s.EventId == events.ParentEventId), ct);
    }

    public async Task DemandBulletinAsync(Actor actor, int bulletinId, CancellationToken ct = default)
    {
        if (!await MayEditBulletinAsync(actor, bulletinId, ct)) throw Denied(actor, $"bulletin {bulletinId}");
    }

    /// <summary>
    /// A person's available times for a program: the top-level event's staff (and administrators), or the person themself,
    /// signed in with a confirmed address that is the person's, while they take part in a session of the event tree.
    /// </summary>
    public async Task<bool> MayEditAvailabilityAsync(Actor actor, int rootId, int personId, CancellationToken ct = default)
    {
        if (await MayManageEventAsync(actor, rootId, ct)) return true;
        await using var db = await factory.CreateDbContextAsync(ct);
        var email = await db.Users.Where(u => u.Id == actor.UserId && u.EmailConfirmed && u.Email != null).Select(u => u.Email!.ToLower()).FirstOrDefaultAsync(ct);
        if (email is null) return false;
        return await db.People.AnyAsync(p => p.Id == personId && p.Email != null && p.Email.ToLower() == email, ct)
            && await db.Sessions.AnyAsync(s => db.Events.Any(e => e.Id == s.EventId && (e.Id == rootId || e.ParentEventId == rootId))
                && (s.Chairs.Any(c => c.PersonId == personId) || s.Items.Any(i => i.Participants.Any(x => x.PersonId == personId))), ct);
    }

    public async Task DemandAvailabilityAsync(Actor actor, int rootId, int personId, CancellationToken ct = default)
    {
        if (!await MayEditAvailabilityAsync(actor, rootId, personId, ct)) throw Denied(actor, $"the availability of person {personId} in event {rootId}");
    }

    private async Task<bool> IsStaffAsync(int eventId, string userId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.EventStaff.AnyAsync(s => s.EventId == eventId && s.UserId == userId, ct);
    }

    private static AccessDeniedException Denied(Actor actor, string what) =>
        new($"User {actor.UserId} may not change {what}.");
}
