using Events.Core.Attendees;
using Events.Core.Attendees.Dashboard;
using Events.Core.Attendees.Forms;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using static Events.Core.Attendees.Dashboard.RegistrationDashboardBuilder;

namespace Events.Infrastructure.Attendees;

/// <summary>
/// Reads an event's organizer dashboard, counted in the database: registrations by category and state, and for each
/// logistics table only the 回执 answers it needs (never the protected ones) of the active registrations, found
/// through the (EventId, FieldKey) index, turned into one row per registration with conditional aggregation
/// (MAX(CASE WHEN FieldKey = … THEN Value END) grouped by registration) and grouped again by the values the table
/// counts. What comes back is a few dozen groups, not the answers: the builder only merges and orders them.
/// Plain LINQ both providers translate (SQLite and SQL Server).
/// </summary>
public sealed class RegistrationDashboardService(IDbContextFactory<EventsDbContext> factory)
{
    public async Task<RegistrationDashboard?> LoadAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var zone = await db.Events.Where(e => e.Id == eventId).Select(e => e.TimeZoneId).FirstOrDefaultAsync(ct);
        if (zone is null) return null;

        var categories = await db.RegistrationCategories.AsNoTracking().Where(c => c.EventId == eventId)
            .Select(c => new CategoryName(c.Id, c.Name, c.NameEn, c.SortOrder)).ToListAsync(ct);
        var counts = await db.Registrations.Where(r => r.EventId == eventId)
            .GroupBy(r => new { r.CategoryId, r.State })
            .Select(g => new StateCount(g.Key.CategoryId, g.Key.State, g.Count())).ToListAsync(ct);
        var confirmed = counts.Where(c => c.State == RegistrationState.Active).Sum(c => c.Count);

        var arrivals = await TravelAsync(db, eventId, ReplyFieldKeys.ArrivalAt, ReplyFieldKeys.ArrivalStation, ReplyFieldKeys.ArrivalPickup, ct);
        var departures = await TravelAsync(db, eventId, ReplyFieldKeys.DepartureAt, ReplyFieldKeys.DepartureStation, ReplyFieldKeys.DepartureDropoff, ct);
        var lodging = await LodgingAsync(db, eventId, ct);

        var diets = await ActiveAnswers(db, eventId, [ReplyFieldKeys.Diet])
            .GroupBy(a => a.Value)
            .Select(g => new DietCount(g.Key, g.Count())).ToListAsync(ct);
        var otherDiets = await (
            from d in ActiveAnswers(db, eventId, [ReplyFieldKeys.Diet])
            where d.Value == ReplyFieldKeys.DietOther
            join t in db.RegistrationAnswers on d.RegistrationId equals t.RegistrationId
            where t.FieldKey == ReplyFieldKeys.DietDetail && !t.IsProtected
            select t.Value).ToListAsync(ct);

        var json = await db.ReplyForms.Where(f => f.EventId == eventId).Select(f => f.DefinitionJson).FirstOrDefaultAsync(ct);
        return Build(zone, categories, counts, new Logistics(confirmed, arrivals, departures, lodging, diets, otherDiets), ReplyFormDefinition.Parse(json));
    }

    /// <summary>The unprotected answers to <paramref name="keys"/> of the event's active registrations.</summary>
    private static IQueryable<RegistrationAnswer> ActiveAnswers(EventsDbContext db, int eventId, IReadOnlyList<string> keys) =>
        from a in db.RegistrationAnswers.AsNoTracking()
        where a.EventId == eventId && !a.IsProtected && keys.Contains(a.FieldKey)
        join r in db.Registrations on a.RegistrationId equals r.Id
        where r.State == RegistrationState.Active
        select a;

    /// <summary>Arrivals (or departures): per registration its time, station and 接站 answer, then counted by hour, station and 接站.</summary>
    private static Task<List<TravelCount>> TravelAsync(EventsDbContext db, int eventId, string atKey, string stationKey, string transferKey, CancellationToken ct) =>
        ActiveAnswers(db, eventId, [atKey, stationKey, transferKey])
            .GroupBy(a => a.RegistrationId)
            .Select(g => new
            {
                At = g.Max(a => a.FieldKey == atKey ? a.Value : null),
                Station = g.Max(a => a.FieldKey == stationKey ? a.Value : null),
                Transfer = g.Max(a => a.FieldKey == transferKey ? a.Value : null),
            })
            .Where(p => p.At != null)
            .GroupBy(p => new { Hour = p.At!.Substring(0, HourPrefixLength), p.Station, p.Transfer })
            .Select(g => new TravelCount(g.Key.Hour, g.Key.Station, g.Key.Transfer, g.Count()))
            .ToListAsync(ct);

    /// <summary>Lodging: per registration that wants it its hotel, check-in, nights, arrival and departure dates, then counted by those.</summary>
    private static Task<List<LodgingCount>> LodgingAsync(EventsDbContext db, int eventId, CancellationToken ct) =>
        ActiveAnswers(db, eventId,
            [ReplyFieldKeys.Lodging, ReplyFieldKeys.Hotel, ReplyFieldKeys.CheckIn, ReplyFieldKeys.Nights, ReplyFieldKeys.ArrivalAt, ReplyFieldKeys.DepartureAt])
            .GroupBy(a => a.RegistrationId)
            .Select(g => new
            {
                Lodging = g.Max(a => a.FieldKey == ReplyFieldKeys.Lodging ? a.Value : null),
                Hotel = g.Max(a => a.FieldKey == ReplyFieldKeys.Hotel ? a.Value : null),
                CheckIn = g.Max(a => a.FieldKey == ReplyFieldKeys.CheckIn ? a.Value : null),
                Nights = g.Max(a => a.FieldKey == ReplyFieldKeys.Nights ? a.Value : null),
                ArrivalAt = g.Max(a => a.FieldKey == ReplyFieldKeys.ArrivalAt ? a.Value : null),
                DepartureAt = g.Max(a => a.FieldKey == ReplyFieldKeys.DepartureAt ? a.Value : null),
            })
            .Where(p => p.Lodging == "true" && p.Hotel != null)
            .GroupBy(p => new
            {
                p.Hotel,
                p.CheckIn,
                p.Nights,
                Arrival = p.ArrivalAt!.Substring(0, DatePrefixLength),
                Departure = p.DepartureAt!.Substring(0, DatePrefixLength),
            })
            .Select(g => new LodgingCount(g.Key.Hotel!, g.Key.CheckIn, g.Key.Nights, g.Key.Arrival, g.Key.Departure, g.Count()))
            .ToListAsync(ct);
}
