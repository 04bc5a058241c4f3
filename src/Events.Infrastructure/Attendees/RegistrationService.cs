using Events.Core.Access;
using Events.Infrastructure.Access;
using System.Globalization;
using Events.Core.Attendees;
using Events.Core.Events;
using Events.Core.Mail;
using Events.Infrastructure.Data;
using Events.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Attendees;

/// <summary>
/// Registering for an event and cancelling, by the attendee or an organizer on their behalf.
/// <para>
/// A seat is taken by one conditional update of <see cref="RegistrationSettings.SeatsTaken"/>
/// ("add one where the event is open and a seat is left"), in the same transaction as the registration row and its
/// confirmation mail. The database decides the last seat: SQLite runs one writing transaction at a time (Microsoft.Data.Sqlite
/// begins them IMMEDIATE), and SQL Server locks the settings row for the update and evaluates the condition on the
/// committed value, so a second request for the last seat finds it taken and is refused. A failed save rolls the
/// count back with everything else.
/// </para>
/// </summary>
public sealed class RegistrationService(IDbContextFactory<EventsDbContext> factory, Outbox outbox, TimeProvider clock, EventRights rights)
{
    /// <summary>The page's view of a published event; null for an unknown or unpublished one.</summary>
    public async Task<RegistrationOverview?> OverviewAsync(string slug, string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == slug && e.Status == EventStatus.Published, ct);
        if (ev is null) return null;
        var settings = await db.RegistrationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.EventId == ev.Id, ct);
        var active = await db.Registrations.Where(r => r.EventId == ev.Id && r.UserId == userId && r.State == RegistrationState.Active)
            .Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        var refusal = RegistrationRules.Refusal(ev.IsPublic, settings, active is not null, clock.GetUtcNow());
        return new RegistrationOverview(ev.Id, ev.Slug, ev.Title, ev.StartDate, ev.EndDate, ev.TimeZoneId,
            settings?.Capacity, settings?.SeatsTaken ?? 0, settings?.ClosesAt, refusal, active, await PrefillAsync(db, userId, ct));
    }

    /// <summary>Registers the user; refused with the reason when the event is closed, full or already has their registration.</summary>
    public async Task<RegistrationResult> RegisterAsync(int eventId, string userId, RegistrationInput input, CancellationToken ct = default)
    {
        var errors = input.Validate();
        if (errors.Count > 0) return RegistrationResult.Invalid(errors);

        await using var outer = await factory.CreateDbContextAsync(ct);
        return await outer.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
            if (ev is null) return RegistrationResult.NotFound;
            var settings = await db.RegistrationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.EventId == eventId, ct);
            var already = await db.Registrations.AnyAsync(r => r.EventId == eventId && r.UserId == userId && r.State == RegistrationState.Active, ct);
            var now = clock.GetUtcNow();
            if (RegistrationRules.Refusal(ev.IsPublic, settings, already, now) is { } refusal) return RegistrationResult.Refused(refusal);

            var seat = await db.RegistrationSettings.Where(s => s.EventId == eventId).Where(RegistrationRules.HasSeatAt(now))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.SeatsTaken, x => x.SeatsTaken + 1), ct);
            if (seat == 0)
            {
                // Someone took the last seat (or an organizer closed registration) after the read above.
                await tx.RollbackAsync(ct);
                return RegistrationResult.Refused(await CurrentRefusalAsync(eventId, userId, ct) ?? RegistrationRefusal.Full);
            }

            var registration = input.ToRegistration(eventId, userId, now);
            db.Registrations.Add(registration);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The unique index on active registrations caught a second request of the same user.
                await tx.RollbackAsync(ct);
                if (await HasActiveAsync(eventId, userId, ct)) return RegistrationResult.Refused(RegistrationRefusal.AlreadyRegistered);
                throw;
            }
            await EnqueueAsync(db, MailTemplateKeys.RegistrationConfirmed, registration, ev, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return RegistrationResult.Registered(registration.Id);
        });
    }

    /// <summary>The attendee cancels their own registration; false when it is not theirs or not active.</summary>
    public Task<bool> CancelAsync(int registrationId, string userId, CancellationToken ct = default) =>
        CancelWhereAsync(r => r.Id == registrationId && r.UserId == userId, byOrganizer: false, ct);

    /// <summary>An organizer of <paramref name="eventId"/> cancels on the attendee's behalf; the attendee is told by mail.</summary>
    public async Task<bool> CancelForAttendeeAsync(Actor actor, int eventId, int registrationId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        return await CancelWhereAsync(r => r.Id == registrationId && r.EventId == eventId, byOrganizer: true, ct);
    }

    private async Task<bool> CancelWhereAsync(System.Linq.Expressions.Expression<Func<Registration, bool>> which, bool byOrganizer, CancellationToken ct)
    {
        await using var outer = await factory.CreateDbContextAsync(ct);
        return await outer.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var registration = await db.Registrations.AsNoTracking().Where(which).FirstOrDefaultAsync(r => r.State == RegistrationState.Active, ct);
            if (registration is null) return false;
            var now = clock.GetUtcNow();
            // Conditional on the state, so two cancellations at once free the seat only once.
            var changed = await db.Registrations.Where(r => r.Id == registration.Id && r.State == RegistrationState.Active)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.State, RegistrationState.Cancelled)
                    .SetProperty(r => r.CancelledAt, now)
                    .SetProperty(r => r.CancelledByOrganizer, byOrganizer), ct);
            if (changed == 0) return false;
            await db.RegistrationSettings.Where(s => s.EventId == registration.EventId && s.SeatsTaken > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.SeatsTaken, x => x.SeatsTaken - 1), ct);
            var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == registration.EventId, ct);
            await EnqueueAsync(db, MailTemplateKeys.RegistrationCancelled, registration, ev, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        });
    }

    private async Task<RegistrationRefusal?> CurrentRefusalAsync(int eventId, string userId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId, ct);
        var settings = await db.RegistrationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.EventId == eventId, ct);
        var already = await db.Registrations.AnyAsync(r => r.EventId == eventId && r.UserId == userId && r.State == RegistrationState.Active, ct);
        return RegistrationRules.Refusal(ev.IsPublic, settings, already, clock.GetUtcNow());
    }

    private async Task<bool> HasActiveAsync(int eventId, string userId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Registrations.AnyAsync(r => r.EventId == eventId && r.UserId == userId && r.State == RegistrationState.Active, ct);
    }

    /// <summary>The user's latest registration anywhere, else their account's name and address.</summary>
    private static async Task<RegistrationInput> PrefillAsync(EventsDbContext db, string userId, CancellationToken ct)
    {
        var last = await db.Registrations.AsNoTracking().Where(r => r.UserId == userId)
            .OrderByDescending(r => r.RegisteredAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (last is not null) return RegistrationInput.From(last);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.Email }).FirstOrDefaultAsync(ct);
        return new RegistrationInput { Name = user?.DisplayName ?? "", Email = user?.Email ?? "" };
    }

    private async Task EnqueueAsync(EventsDbContext db, string templateKey, Registration r, Event ev, CancellationToken ct)
    {
        var preferred = await db.Users.Where(u => u.Id == r.UserId).Select(u => u.PreferredCulture).FirstOrDefaultAsync(ct);
        var culture = MailTemplateStore.Normalize(preferred);
        var values = new Dictionary<string, string>
        {
            ["name"] = r.Name,
            ["eventTitle"] = ev.Title,
            ["eventDates"] = EventDateText.Format(ev.StartDate, ev.EndDate, CultureInfo.GetCultureInfo(culture)),
            ["eventLink"] = outbox.Options.Link(AttendeeLinks.Event(ev.Slug)),
        };
        if (templateKey == MailTemplateKeys.RegistrationConfirmed)
        {
            values["myLink"] = outbox.Options.Link(AttendeeLinks.MyEvent(ev.Slug));
            values["cancelLink"] = outbox.Options.Link(AttendeeLinks.Cancel(ev.Slug));
        }
        else
        {
            values["registerLink"] = outbox.Options.Link(AttendeeLinks.Register(ev.Slug));
        }
        await outbox.EnqueueAsync(db, templateKey, new MailRecipient(r.Email, r.Name, culture), values, ev.Id, $"Registration:{r.Id}", ct: ct);
    }
}
