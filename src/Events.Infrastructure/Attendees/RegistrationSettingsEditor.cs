using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.Common;
using Events.Core.Program;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Events.Infrastructure.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Attendees;

/// <summary>The settings form, with the event's zone to read it in and the current count of registrations beside it.</summary>
public sealed record RegistrationSettingsView(RegistrationSettingsInput Input, string TimeZoneId, int SeatsTaken)
{
    /// <summary>The event's last day, to warn about a closing date after it.</summary>
    public DateOnly? EventEndDate { get; init; }
}

/// <summary>An organizer opens, closes and sizes an event's registration.</summary>
public sealed class RegistrationSettingsEditor(IDbContextFactory<EventsDbContext> factory, EventRights rights, IPublicPageCache pages)
{
    public async Task<RegistrationSettingsView?> LoadAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var ev = await db.Events.Where(e => e.Id == eventId).Select(e => new { e.TimeZoneId, e.EndDate }).FirstOrDefaultAsync(ct);
        if (ev is null) return null;
        var settings = await db.RegistrationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.EventId == eventId, ct);
        return new RegistrationSettingsView(RegistrationSettingsInput.From(settings, ProgramTime.Zone(ev.TimeZoneId)), ev.TimeZoneId, settings?.SeatsTaken ?? 0)
        {
            EventEndDate = ev.EndDate,
        };
    }

    /// <summary>
    /// Saves the settings. A stale form (someone saved since it was loaded, or created the settings while this form
    /// still showed none) writes nothing and reports a conflict.
    /// </summary>
    public async Task<SaveResult> SaveAsync(Actor actor, int eventId, RegistrationSettingsInput input, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        var errors = input.Validate();
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        await using var db = await factory.CreateDbContextAsync(ct);
        var zoneId = await db.Events.Where(e => e.Id == eventId).Select(e => e.TimeZoneId).FirstOrDefaultAsync(ct);
        if (zoneId is null) return SaveResult.NotFound;

        var settings = await db.RegistrationSettings.FirstOrDefaultAsync(s => s.EventId == eventId, ct);
        if (settings is null)
        {
            if (input.ConcurrencyStamp != Guid.Empty) return SaveResult.Conflict;
            settings = new RegistrationSettings { EventId = eventId };
            db.RegistrationSettings.Add(settings);
        }
        else
        {
            if (input.ConcurrencyStamp == Guid.Empty) return SaveResult.Conflict;
            db.ExpectVersion(settings, input.ConcurrencyStamp);
        }
        input.ApplyTo(settings, ProgramTime.Zone(zoneId));
        try
        {
            if (!await db.TrySaveVersionedAsync(ct)) return SaveResult.Conflict;
        }
        catch (DbUpdateException) when (input.ConcurrencyStamp == Guid.Empty)
        {
            // Two organizers opened registration for the first time at once; the key caught the second.
            return SaveResult.Conflict;
        }
        input.ConcurrencyStamp = settings.ConcurrencyStamp;
        // The event page offers registration to anonymous readers only while it is open.
        await pages.EventChangedAsync(eventId, ct: ct);
        return SaveResult.Saved(eventId);
    }
}
