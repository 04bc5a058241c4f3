using Events.Core.Attendees;
using Events.Core.Events;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Attendees;

/// <summary>
/// Who is registered, for any feature that shows something only to attendees (e.g. attendees-only downloads).
/// A registration for an event also counts for its sub-forums: people register for the forum and sit in its parallel sessions.
/// </summary>
public sealed class RegistrationStatus(IDbContextFactory<EventsDbContext> factory, PersonalDataProtector protector)
{
    /// <summary>True when <paramref name="userId"/> has an active registration for the event or for its parent event.</summary>
    public async Task<bool> IsRegisteredAsync(int eventId, string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var parentId = await db.Events.Where(e => e.Id == eventId).Select(e => e.ParentEventId).FirstOrDefaultAsync(ct);
        return await db.Registrations.AnyAsync(r => r.UserId == userId && r.State == RegistrationState.Active
            && (r.EventId == eventId || (parentId != null && r.EventId == parentId)), ct);
    }

    /// <summary>
    /// The published event named by <paramref name="slug"/> and the active registration that admits the user to it:
    /// their own for it, else the one for its parent event (<see cref="EventAdmission.Registration"/> is then null when
    /// there is neither). Null when no published event has that slug.
    /// </summary>
    public async Task<EventAdmission?> ForEventAsync(string slug, string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().Where(e => e.Slug == slug && e.Status == EventStatus.Published)
            .Select(e => new { e.Id, e.Title, e.ParentEventId }).FirstOrDefaultAsync(ct);
        if (ev is null) return null;
        var found = await Project(db, db.Registrations.Where(r => r.UserId == userId && r.State == RegistrationState.Active
                && (r.EventId == ev.Id || (ev.ParentEventId != null && r.EventId == ev.ParentEventId))))
            .ToListAsync(ct);
        var mine = found.FirstOrDefault(r => r.EventId == ev.Id) ?? found.FirstOrDefault();
        return new EventAdmission(ev.Id, ev.Title, mine is null ? null : mine with { Phone = protector.Unprotect(mine.Phone) });
    }

    /// <summary>All of a user's registrations, active and cancelled, the latest event first.</summary>
    public async Task<IReadOnlyList<MyRegistration>> OfUserAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var list = (await Project(db, db.Registrations.Where(r => r.UserId == userId)).ToListAsync(ct))
            .Select(r => r with { Phone = protector.Unprotect(r.Phone) });
        return list.OrderBy(r => r.State).ThenByDescending(r => r.StartDate).ThenByDescending(r => r.RegisteredAt).ToList();
    }

    private static IQueryable<MyRegistration> Project(EventsDbContext db, IQueryable<Registration> registrations) =>
        registrations.Join(db.Events, r => r.EventId, e => e.Id, (r, e) => new MyRegistration(
            r.Id, e.Id, e.Slug, e.Title, e.StartDate, e.EndDate, e.TimeZoneId,
            r.Name, r.Organization, r.Title, r.Email, r.Phone, r.State, r.RegisteredAt, r.CancelledAt, r.CancelledByOrganizer));
}
