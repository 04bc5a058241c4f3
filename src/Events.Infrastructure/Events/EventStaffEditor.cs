using System.Globalization;
using Events.Core.Access;
using Events.Core.Events;
using Events.Core.Mail;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Events.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Events;

public sealed record StaffMember(string UserId, string Email, string? DisplayName)
{
    /// <summary>May see registrants' mobile and ID numbers in full (PIPL).</summary>
    public bool SeesPersonalData { get; init; }
}

public enum StaffChange
{
    Added,
    AlreadyStaff,
    UnknownUser,
    Removed,
    LastStaffMember,
}

/// <summary>The staff list behind event-level organizer rights.</summary>
public sealed class EventStaffEditor(IDbContextFactory<EventsDbContext> factory, Outbox outbox, EventRights rights)
{
    public async Task<IReadOnlyList<StaffMember>> ListAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.EventStaff.Where(s => s.EventId == eventId)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { u, s.SeesPersonalData })
            // Ordered on the entity before the projection: EF cannot translate a member of a constructed record.
            .OrderBy(x => x.u.Email)
            .Select(x => new StaffMember(x.u.Id, x.u.Email!, x.u.DisplayName) { SeesPersonalData = x.SeesPersonalData })
            .ToListAsync(ct);
    }

    public async Task<StaffChange> AddAsync(Actor actor, int eventId, string email, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var normalized = email.Trim().ToUpperInvariant();
        // Only a confirmed address identifies a person: anyone can register an address they do not own.
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized && u.EmailConfirmed, ct);
        if (user is null) return StaffChange.UnknownUser;
        if (await db.EventStaff.AnyAsync(s => s.EventId == eventId && s.UserId == user.Id, ct)) return StaffChange.AlreadyStaff;
        db.EventStaff.Add(new() { EventId = eventId, UserId = user.Id });

        // Written in the same save as the staff row: the new organizer is told, or nothing happened at all.
        var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId, ct);
        var culture = MailTemplateStore.Normalize(user.PreferredCulture);
        await outbox.EnqueueAsync(db, MailTemplateKeys.StaffAdded, new MailRecipient(user.Email!, user.DisplayName, culture),
            new Dictionary<string, string>
            {
                ["name"] = user.DisplayName ?? user.Email!,
                ["eventTitle"] = ev.Title,
                ["eventDates"] = EventDateText.Format(ev.StartDate, ev.EndDate, CultureInfo.GetCultureInfo(culture)),
                ["eventLink"] = outbox.Options.Link($"/events/{ev.Slug}"),
                ["manageLink"] = outbox.Options.Link($"/manage/events/{ev.Id}/edit"),
            },
            eventId, $"User:{user.Id}", ct: ct);
        await db.SaveChangesAsync(ct);
        return StaffChange.Added;
    }

    /// <summary>
    /// Gives or takes the right to see registrants' mobile and ID numbers in full. Only those who have it themselves
    /// (or administrators) pass it on. False when the user is not on the staff.
    /// </summary>
    public async Task<bool> SetPersonalDataRightAsync(Actor actor, int eventId, string userId, bool sees, CancellationToken ct = default)
    {
        await rights.DemandPersonalDataAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.EventStaff.Where(s => s.EventId == eventId && s.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.SeesPersonalData, sees), ct) > 0;
    }

    /// <summary>The last organizer cannot remove themselves: an event without staff could only be reached by an administrator.</summary>
    public async Task<StaffChange> RemoveAsync(Actor actor, int eventId, string userId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var count = await db.EventStaff.CountAsync(s => s.EventId == eventId, ct);
        if (count <= 1) return StaffChange.LastStaffMember;
        await db.EventStaff.Where(s => s.EventId == eventId && s.UserId == userId).ExecuteDeleteAsync(ct);
        return StaffChange.Removed;
    }
}
