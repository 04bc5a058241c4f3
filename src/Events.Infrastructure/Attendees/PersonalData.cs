using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.Events;
using Events.Core.Validation;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Events.Infrastructure.Attendees;

/// <summary>
/// Registrants' personal data under PIPL: who may see mobile and ID numbers in full, the log of every export that
/// contains them, and their erasure a set number of days after the event.
/// </summary>
public sealed class PersonalData(IDbContextFactory<EventsDbContext> factory, EventRights rights, PersonalDataProtector protector, TimeProvider clock)
{
    /// <summary>A protected value for display: in full when <paramref name="full"/>, else masked (138****1234, 1101**********123X).</summary>
    public string? Show(string? stored, bool full, bool isIdNumber = false)
    {
        var plain = protector.Unprotect(stored);
        if (plain is null || full) return plain;
        return isIdNumber ? ChineseIdentifiers.MaskIdNumber(plain) : ChineseIdentifiers.MaskMobile(plain);
    }

    /// <summary>
    /// Records that <paramref name="actor"/> took <paramref name="count"/> registrants' personal data of the event in
    /// <paramref name="what"/> (an export's file name). Refused for one without the right: exports without it are masked and not logged.
    /// </summary>
    public async Task LogExportAsync(Actor actor, int eventId, string what, int count, CancellationToken ct = default)
    {
        await rights.DemandPersonalDataAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        db.PersonalDataAccessLog.Add(new PersonalDataAccess
        {
            EventId = eventId, UserId = actor.UserId, At = clock.GetUtcNow(), Count = count,
            What = what.Length > 200 ? what[..200] : what,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The export log of an event, newest first, for those who may see the data.</summary>
    public async Task<IReadOnlyList<PersonalDataAccess>> LogAsync(Actor actor, int eventId, int take = 100, CancellationToken ct = default)
    {
        await rights.DemandPersonalDataAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.PersonalDataAccessLog.AsNoTracking().Where(l => l.EventId == eventId)
            .OrderByDescending(l => l.Id).Take(take).ToListAsync(ct);
    }

    /// <summary>
    /// Erases mobile and ID numbers (protected 回执 answers, the contact and handover phones, invitees' mobiles) of every event whose retention period
    /// has run out, and marks the event's settings as erased. Returns how many events were erased.
    /// </summary>
    public async Task<int> EraseExpiredAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var candidates = await db.RegistrationSettings.AsNoTracking()
            .Where(s => s.PersonalDataRetentionDays != null && s.PersonalDataErasedAt == null)
            .Join(db.Events, s => s.EventId, e => e.Id, (s, e) => new { s.EventId, Days = s.PersonalDataRetentionDays!.Value, e.EndDate, e.TimeZoneId })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var erased = 0;
        foreach (var c in candidates.Where(c => EventEnd.Instant(c.EndDate, c.TimeZoneId).AddDays(c.Days) <= now))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.RegistrationAnswers.Where(a => a.EventId == c.EventId && a.IsProtected && a.Value != null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Value, (string?)null), ct);
            await db.Registrations.Where(r => r.EventId == c.EventId && (r.Phone != null || r.HandoverPhone != null))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Phone, (string?)null).SetProperty(r => r.HandoverPhone, (string?)null), ct);
            await db.EventInvitations.Where(i => i.EventId == c.EventId && i.Mobile != null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Mobile, (string?)null), ct);
            await db.RegistrationSettings.Where(s => s.EventId == c.EventId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.PersonalDataErasedAt, now), ct);
            await tx.CommitAsync(ct);
            erased++;
        }
        return erased;
    }
}

/// <summary>Runs <see cref="PersonalData.EraseExpiredAsync"/> at start and then hourly; a failure is logged and retried next round.</summary>
public sealed partial class PersonalDataRetentionWorker(PersonalData data, ILogger<PersonalDataRetentionWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var erased = await data.EraseExpiredAsync(stoppingToken);
                if (erased > 0) LogErased(erased);
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
            {
                LogFailed(e);
                await Task.Delay(Interval, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased registrants' personal data of {Count} events after their retention period.")]
    private partial void LogErased(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Erasing registrants' personal data failed; retrying in an hour.")]
    private partial void LogFailed(Exception e);
}
