using System.Globalization;
using Events.Core.Attendees.Forms;

namespace Events.Core.Attendees.Dashboard;

/// <summary>One category's registrations by state; <see cref="CategoryId"/> null for registrations without a category.</summary>
public sealed record CategoryStateRow(int? CategoryId, string? Name, string? NameEn, int Active, int Pending, int Waiting, int Refused, int Cancelled)
{
    public int Open => Active + Pending + Waiting;

    public string? Display(bool english) => english && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : Name;
}

/// <summary>
/// Arrivals (or departures) on one day at one station or airport within one hour (<see cref="Hour"/> 0–23, the
/// event's clock): how many people, and how many of them want to be met (接站) or taken (送站).
/// <see cref="Station"/> is null when the registrant gave a time but no station.
/// </summary>
public sealed record TravelRow(DateOnly Day, string? Station, int Hour, int People, int Transfer);

/// <summary>Guests sleeping in one hotel on one night (the night of <see cref="Night"/> to the next day).</summary>
public sealed record RoomNightRow(string HotelKey, string Hotel, string? HotelEn, DateOnly Night, int Guests)
{
    public string Display(bool english) => english && !string.IsNullOrWhiteSpace(HotelEn) ? HotelEn! : Hotel;
}

/// <summary>People with one diet; <see cref="Key"/> null for registrants who gave none.</summary>
public sealed record DietRow(string? Key, string? Label, string? LabelEn, int People)
{
    public string? Display(bool english) => english && !string.IsNullOrWhiteSpace(LabelEn) ? LabelEn : Label;
}

/// <summary>
/// The organizer's dashboard of one event: counts by category and state over every registration, and the logistics
/// read from the 回执 answers of the confirmed (active) registrations: arrivals and departures by day, station and
/// hour, room nights by hotel and night, diets. Times are the event's clock, as registrants enter them.
/// </summary>
public sealed record RegistrationDashboard(
    string TimeZoneId,
    IReadOnlyList<CategoryStateRow> Categories,
    int Confirmed,
    IReadOnlyList<TravelRow> Arrivals,
    int ArrivalsUnanswered,
    IReadOnlyList<TravelRow> Departures,
    int DeparturesUnanswered,
    IReadOnlyList<RoomNightRow> RoomNights,
    int LodgingGuests,
    IReadOnlyList<DietRow> Diets,
    IReadOnlyList<string> OtherDiets)
{
    public int TotalRoomNights => RoomNights.Sum(r => r.Guests);
}

/// <summary>
/// Builds the <see cref="RegistrationDashboard"/> from counts the database grouped: registrations by category and
/// state, and the active registrations' 回执 answers grouped by the values each table needs (see
/// <see cref="Logistics"/>). Here the groups are merged where SQL cannot (stations typed with extra spaces, nights
/// spanning several dates) and put in the form's order.
/// </summary>
public static class RegistrationDashboardBuilder
{
    /// <summary>The answers the dashboard reads (none of them protected).</summary>
    public static readonly IReadOnlyList<string> FieldKeys =
    [
        ReplyFieldKeys.ArrivalAt, ReplyFieldKeys.ArrivalStation, ReplyFieldKeys.ArrivalPickup,
        ReplyFieldKeys.DepartureAt, ReplyFieldKeys.DepartureStation, ReplyFieldKeys.DepartureDropoff,
        ReplyFieldKeys.Lodging, ReplyFieldKeys.Hotel, ReplyFieldKeys.CheckIn, ReplyFieldKeys.Nights,
        ReplyFieldKeys.Diet, ReplyFieldKeys.DietDetail,
    ];

    /// <summary>The length of the hour prefix of a stored date-time answer: yyyy-MM-ddTHH.</summary>
    public const int HourPrefixLength = 13;

    /// <summary>The length of the date prefix of a stored date-time answer: yyyy-MM-dd.</summary>
    public const int DatePrefixLength = 10;

    /// <summary>A category's name in both languages (null key: no category).</summary>
    public sealed record CategoryName(int Id, string Name, string? NameEn, int SortOrder);

    public sealed record StateCount(int? CategoryId, RegistrationState State, int Count);

    /// <summary>
    /// Active registrations that arrive (or leave) in one hour, <paramref name="Hour"/> being the stored date-time's
    /// first <see cref="HourPrefixLength"/> characters (yyyy-MM-ddTHH), at one station as typed, with one answer to
    /// 接站 (送站) as stored ("true", "false" or null).
    /// </summary>
    public sealed record TravelCount(string? Hour, string? Station, string? Transfer, int People);

    /// <summary>
    /// Active registrations that want lodging in one hotel (option key) with the same stored check-in date, nights,
    /// and arrival and departure dates (the date-times' first <see cref="DatePrefixLength"/> characters).
    /// </summary>
    public sealed record LodgingCount(string Hotel, string? CheckIn, string? Nights, string? ArrivalDay, string? DepartureDay, int Guests);

    /// <summary>Active registrations with one stored diet answer (option key).</summary>
    public sealed record DietCount(string? Diet, int People);

    /// <summary>
    /// The logistics of the <paramref name="Confirmed"/> active registrations as the database counted them; the
    /// registrations without an answer are not in the groups (they are the confirmed ones missing from them).
    /// </summary>
    public sealed record Logistics(
        int Confirmed,
        IReadOnlyList<TravelCount> Arrivals,
        IReadOnlyList<TravelCount> Departures,
        IReadOnlyList<LodgingCount> Lodging,
        IReadOnlyList<DietCount> Diets,
        IReadOnlyList<string?> OtherDiets);

    public static RegistrationDashboard Build(
        string timeZoneId,
        IReadOnlyList<CategoryName> categories,
        IReadOnlyList<StateCount> counts,
        Logistics logistics,
        ReplyFormDefinition form)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(logistics);
        ArgumentNullException.ThrowIfNull(form);

        var categoryRows = new List<CategoryStateRow>();
        foreach (var c in categories.OrderBy(c => c.SortOrder).ThenBy(c => c.Id))
        {
            categoryRows.Add(Row(c.Id, c.Name, c.NameEn, counts.Where(n => n.CategoryId == c.Id)));
        }
        var known = categories.Select(c => c.Id).ToHashSet();
        var without = counts.Where(n => n.CategoryId is not { } id || !known.Contains(id)).ToList();
        if (without.Count > 0 || categoryRows.Count == 0) categoryRows.Add(Row(null, null, null, without));

        var confirmed = logistics.Confirmed;
        var (arrivals, noArrival) = Travel(logistics.Arrivals, confirmed);
        var (departures, noDeparture) = Travel(logistics.Departures, confirmed);

        var hotels = form.Find(ReplyFieldKeys.Hotel)?.Options ?? [];
        var nights = new Dictionary<(string Hotel, DateOnly Night), int>();
        var guests = 0;
        foreach (var l in logistics.Lodging)
        {
            if (string.IsNullOrEmpty(l.Hotel)) continue;
            // The same rule as one registration's RoomNights, read from the grouped values.
            var answers = new RegistrationAnswers(new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                [ReplyFieldKeys.Lodging] = "true",
                [ReplyFieldKeys.Hotel] = l.Hotel,
                [ReplyFieldKeys.CheckIn] = l.CheckIn,
                [ReplyFieldKeys.Nights] = l.Nights,
                [ReplyFieldKeys.ArrivalAt] = l.ArrivalDay is null ? null : l.ArrivalDay + "T00:00",
                [ReplyFieldKeys.DepartureAt] = l.DepartureDay is null ? null : l.DepartureDay + "T00:00",
            });
            var list = answers.RoomNights;
            if (list.Count == 0) continue;
            guests += l.Guests;
            foreach (var night in list)
            {
                var key = (l.Hotel, night);
                nights[key] = nights.GetValueOrDefault(key) + l.Guests;
            }
        }
        var hotelOrder = hotels.Select((o, i) => (o.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var roomRows = nights
            .Select(kv =>
            {
                var option = hotels.FirstOrDefault(o => o.Key == kv.Key.Hotel);
                return new RoomNightRow(kv.Key.Hotel, option?.Label ?? kv.Key.Hotel, option?.LabelEn, kv.Key.Night, kv.Value);
            })
            .OrderBy(r => hotelOrder.GetValueOrDefault(r.HotelKey, int.MaxValue)).ThenBy(r => r.HotelKey, StringComparer.Ordinal).ThenBy(r => r.Night)
            .ToList();

        var dietOptions = form.Find(ReplyFieldKeys.Diet)?.Options ?? [];
        var diets = new List<DietRow>();
        var byDiet = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in logistics.Diets.Where(d => !string.IsNullOrEmpty(d.Diet)))
        {
            byDiet[d.Diet!] = byDiet.GetValueOrDefault(d.Diet!) + d.People;
        }
        var none = confirmed - byDiet.Values.Sum();
        foreach (var o in dietOptions)
        {
            if (byDiet.Remove(o.Key, out var n)) diets.Add(new DietRow(o.Key, o.Label, o.LabelEn, n));
        }
        foreach (var (key, n) in byDiet.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            diets.Add(new DietRow(key, key, null, n));
        }
        if (none > 0) diets.Add(new DietRow(null, null, null, none));
        var others = logistics.OtherDiets.Where(d => d is not null).Select(d => d!.Trim()).Where(d => d.Length > 0)
            .Order(StringComparer.Ordinal).ToList();

        return new RegistrationDashboard(timeZoneId, categoryRows, confirmed, arrivals, noArrival, departures, noDeparture,
            roomRows, guests, diets, others);
    }

    private static CategoryStateRow Row(int? id, string? name, string? nameEn, IEnumerable<StateCount> counts)
    {
        int Of(RegistrationState s) => counts.Where(c => c.State == s).Sum(c => c.Count);
        return new CategoryStateRow(id, name, nameEn, Of(RegistrationState.Active), Of(RegistrationState.PendingApproval),
            Of(RegistrationState.Waiting), Of(RegistrationState.Refused), Of(RegistrationState.Cancelled));
    }

    private static (IReadOnlyList<TravelRow> Rows, int Unanswered) Travel(IReadOnlyList<TravelCount> counts, int confirmed)
    {
        var buckets = new Dictionary<(DateOnly Day, string? Station, int Hour), (int People, int Transfer)>();
        var answered = 0;
        foreach (var c in counts)
        {
            if (c.Hour is null
                || !DateTime.TryParseExact(c.Hour, "yyyy-MM-ddTHH", CultureInfo.InvariantCulture, DateTimeStyles.None, out var when))
            {
                continue;
            }
            answered += c.People;
            var key = (DateOnly.FromDateTime(when), Station(c.Station), when.Hour);
            var (people, wanted) = buckets.GetValueOrDefault(key);
            buckets[key] = (people + c.People, wanted + (c.Transfer == "true" ? c.People : 0));
        }
        var rows = buckets
            .Select(kv => new TravelRow(kv.Key.Day, kv.Key.Station, kv.Key.Hour, kv.Value.People, kv.Value.Transfer))
            .OrderBy(r => r.Day).ThenBy(r => r.Station is null).ThenBy(r => r.Station, StringComparer.Ordinal).ThenBy(r => r.Hour)
            .ToList();
        return (rows, Math.Max(0, confirmed - answered));
    }

    /// <summary>A station as typed, trimmed, with inner runs of spaces (also full-width ones) made one; null when blank.</summary>
    public static string? Station(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        return string.Join(' ', typed.Split([' ', '\u3000', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }
}
