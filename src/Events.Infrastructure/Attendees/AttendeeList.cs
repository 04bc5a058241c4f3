using Events.Core.Attendees;
using Events.Core.Events;
using Events.Core.Common;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Attendees;

public sealed record AttendeeListItem(
    int Id, string Name, string Organization, string Title, string Email, string? Phone,
    RegistrationState State, DateTimeOffset RegisteredAt, DateTimeOffset? CancelledAt, bool CancelledByOrganizer)
{
    public int? CategoryId { get; init; }
    public decimal? FeeAmount { get; init; }

    /// <summary>换人 waiting for the organizer's approval: the colleague's name and address.</summary>
    public string? HandoverName { get; init; }
    public string? HandoverEmail { get; init; }

    /// <summary>The colleague's mobile, masked like <see cref="AttendeeListItem.Phone"/> unless the viewer may see it in full.</summary>
    public string? HandoverPhone { get; init; }

    /// <summary>The organizers' note for the door (<see cref="Registration.DoorNote"/>).</summary>
    public string? DoorNote { get; init; }
}

public enum AttendeeSort
{
    /// <summary>By name in pinyin order, as a printed list of attendees is read.</summary>
    Pinyin,
    Newest,
    Oldest,
}

/// <summary>
/// A page of the list. Without <paramref name="IncludeCancelled"/> it shows the open registrations (active, pending
/// approval, waiting). <paramref name="FullPersonalData"/> shows phone numbers in full (the caller checked
/// <see cref="Access.EventRights.MaySeePersonalDataAsync"/>); otherwise they are masked.
/// </summary>
public sealed record AttendeeQuery(PageRequest Page, AttendeeSort Sort = AttendeeSort.Pinyin, bool IncludeCancelled = false, bool FullPersonalData = false)
{
    /// <summary>Only registrations in this state (e.g. pending approval), when given.</summary>
    public RegistrationState? State { get; init; }
}

/// <summary>Where an event's registration stands, as the organizer's header line says it.</summary>
public enum RegistrationPhase
{
    Open,
    Closed,
    DeadlinePassed,
    /// <summary>The event is over: whatever the switch says, there is nothing left to register for.</summary>
    EventEnded,
}

/// <summary>Registered, cancelled and the capacity of one event, for the organizer's header line.</summary>
public sealed record AttendeeCounts(int Registered, int Cancelled, int? Capacity, bool IsOpen, DateTimeOffset? ClosesAt)
{
    public int? SeatsLeft => RegistrationRules.SeatsLeft(Capacity, Registered);

    public RegistrationPhase Phase { get; init; } = IsOpen ? RegistrationPhase.Open : RegistrationPhase.Closed;
}

/// <summary>The organizer's list of an event's registrations: searched, sorted and paged in the database.</summary>
public sealed class AttendeeList(IDbContextFactory<EventsDbContext> factory, TimeProvider clock, PersonalData personal)
{
    /// <summary>Substring search over name, organization and email (Chinese and Latin alike; Latin ignores case).</summary>
    public async Task<PagedResult<AttendeeListItem>> SearchAsync(int eventId, AttendeeQuery query, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = Filter(db, eventId, query.Page.Term, query.IncludeCancelled);
        if (query.State is { } state) rows = rows.Where(r => r.State == state);
        var total = await rows.CountAsync(ct);
        var items = await Project(Sort(db, rows, query.Sort).Skip(query.Page.Skip).Take(query.Page.Take)).ToListAsync(ct);
        return new PagedResult<AttendeeListItem>(items.Select(i => i with
        {
            Phone = personal.Show(i.Phone, query.FullPersonalData), HandoverPhone = personal.Show(i.HandoverPhone, query.FullPersonalData),
        }).ToList(), total);
    }

    /// <summary>Every active registration in pinyin order, for the export; phone numbers masked unless <paramref name="fullPersonalData"/>.</summary>
    public async Task<IReadOnlyList<AttendeeListItem>> ActiveAsync(int eventId, bool fullPersonalData = false, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = Filter(db, eventId, null, includeCancelled: false).Where(r => r.State == RegistrationState.Active);
        var items = await Project(Sort(db, rows, AttendeeSort.Pinyin)).ToListAsync(ct);
        return items.Select(i => i with { Phone = personal.Show(i.Phone, fullPersonalData), HandoverPhone = personal.Show(i.HandoverPhone, fullPersonalData) }).ToList();
    }

    public async Task<AttendeeCounts> CountsAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var byState = await db.Registrations.Where(r => r.EventId == eventId).GroupBy(r => r.State)
            .Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(ct);
        var settings = await db.RegistrationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.EventId == eventId, ct);
        var ev = await db.Events.Where(e => e.Id == eventId).Select(e => new { e.EndDate, e.TimeZoneId }).FirstOrDefaultAsync(ct);
        int Count(RegistrationState s) => byState.FirstOrDefault(x => x.State == s)?.Count ?? 0;
        var now = clock.GetUtcNow();
        var phase = ev is not null && EventEnd.HasEnded(ev.EndDate, ev.TimeZoneId, now) ? RegistrationPhase.EventEnded
            : settings is not { IsOpen: true } ? RegistrationPhase.Closed
            : settings.ClosesAt is { } closes && closes <= now ? RegistrationPhase.DeadlinePassed
            : RegistrationPhase.Open;
        return new AttendeeCounts(Count(RegistrationState.Active), Count(RegistrationState.Cancelled),
            settings?.Capacity, settings?.IsOpen ?? false, settings?.ClosesAt) { Phase = phase };
    }

    private static IQueryable<Registration> Filter(EventsDbContext db, int eventId, string? term, bool includeCancelled)
    {
        var rows = db.Registrations.AsNoTracking().Where(r => r.EventId == eventId);
        if (!includeCancelled) rows = rows.Where(r => RegistrationStates.Open.Contains(r.State));
        if (term is not null)
        {
            var lower = term.ToLowerInvariant();
            rows = rows.Where(r => r.Name.ToLower().Contains(lower) || r.Organization.ToLower().Contains(lower) || r.Email.ToLower().Contains(lower));
        }
        return rows;
    }

    private static IQueryable<Registration> Sort(EventsDbContext db, IQueryable<Registration> rows, AttendeeSort sort) => sort switch
    {
        AttendeeSort.Newest => rows.OrderByDescending(r => r.RegisteredAt).ThenByDescending(r => r.Id),
        AttendeeSort.Oldest => rows.OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id),
        _ => rows.OrderByChinese(db, r => r.Name).ThenBy(r => r.Id),
    };

    private static IQueryable<AttendeeListItem> Project(IQueryable<Registration> rows) => rows.Select(r => new AttendeeListItem(
        r.Id, r.Name, r.Organization, r.Title, r.Email, r.Phone, r.State, r.RegisteredAt, r.CancelledAt, r.CancelledByOrganizer)
    {
        CategoryId = r.CategoryId, FeeAmount = r.FeeAmount, HandoverName = r.HandoverName, HandoverEmail = r.HandoverEmail,
        HandoverPhone = r.HandoverPhone, DoorNote = r.DoorNote,
    });
}
