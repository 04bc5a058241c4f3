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

/// <summary>Builds the <see cref="RegistrationDashboard"/> from counted registrations and the active ones' answers.</summary>
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

    /// <summary>A category's name in both languages (null key: no category).</summary>
    public sealed record CategoryName(int Id, string Name, string? NameEn, int SortOrder);

    public sealed record StateCount(int? CategoryId, RegistrationState State, int Count);

    public static RegistrationDashboard Build(
        string timeZoneId,
        IReadOnlyList<CategoryName> categories,
        IReadOnlyList<StateCount> counts,
        IReadOnlyList<RegistrationAnswers> confirmed,
        ReplyFormDefinition form)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(confirmed);
        ArgumentNullException.ThrowIfNull(form);

        var categoryRows = new List<CategoryStateRow>();
        foreach (var c in categories.OrderBy(c => c.SortOrder).ThenBy(c => c.Id))
        {
            categoryRows.Add(Row(c.Id, c.Name, c.NameEn, counts.Where(n => n.CategoryId == c.Id)));
        }
        var known = categories.Select(c => c.Id).ToHashSet();
        var without = counts.Where(n => n.CategoryId is not { } id || !known.Contains(id)).ToList();
        if (without.Count > 0 || categoryRows.Count == 0) categoryRows.Add(Row(null, null, null, without));

        var (arrivals, noArrival) = Travel(confirmed, a => a.ArrivalAt, a => a.ArrivalStation, a => a.ArrivalPickup);
        var (departures, noDeparture) = Travel(confirmed, a => a.DepartureAt, a => a.DepartureStation, a => a.DepartureDropoff);

        var hotels = form.Find(ReplyFieldKeys.Hotel)?.Options ?? [];
        var nights = new Dictionary<(string Hotel, DateOnly Night), int>();
        var guests = 0;
        foreach (var a in confirmed)
        {
            var list = a.RoomNights;
            if (list.Count == 0) continue;
            guests++;
            foreach (var night in list)
            {
                var key = (a.Hotel!, night);
                nights[key] = nights.GetValueOrDefault(key) + 1;
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
        var byDiet = confirmed.GroupBy(a => a.Diet).ToDictionary(g => g.Key ?? "", g => g.Count());
        foreach (var o in dietOptions)
        {
            if (byDiet.Remove(o.Key, out var n)) diets.Add(new DietRow(o.Key, o.Label, o.LabelEn, n));
        }
        foreach (var (key, n) in byDiet.Where(kv => kv.Key != "").OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            diets.Add(new DietRow(key, key, null, n));
        }
        if (byDiet.TryGetValue("", out var none)) diets.Add(new DietRow(null, null, null, none));
        var others = confirmed.Where(a => a.Diet == ReplyFieldKeys.DietOther && a.DietDetail is not null)
            .Select(a => a.DietDetail!.Trim()).Where(d => d.Length > 0).Order(StringComparer.Ordinal).ToList();

        return new RegistrationDashboard(timeZoneId, categoryRows, confirmed.Count, arrivals, noArrival, departures, noDeparture,
            roomRows, guests, diets, others);
    }

    private static CategoryStateRow Row(int? id, string? name, string? nameEn, IEnumerable<StateCount> counts)
    {
        int Of(RegistrationState s) => counts.Where(c => c.State == s).Sum(c => c.Count);
        return new CategoryStateRow(id, name, nameEn, Of(RegistrationState.Active), Of(RegistrationState.PendingApproval),
            Of(RegistrationState.Waiting), Of(RegistrationState.Refused), Of(RegistrationState.Cancelled));
    }

    private static (IReadOnlyList<TravelRow> Rows, int Unanswered) Travel(
        IReadOnlyList<RegistrationAnswers> answers, Func<RegistrationAnswers, DateTime?> at, Func<RegistrationAnswers, string?> station,
        Func<RegistrationAnswers, bool?> transfer)
    {
        var buckets = new Dictionary<(DateOnly Day, string? Station, int Hour), (int People, int Transfer)>();
        var unanswered = 0;
        foreach (var a in answers)
        {
            if (at(a) is not { } when)
            {
                unanswered++;
                continue;
            }
            var key = (DateOnly.FromDateTime(when), Station(station(a)), when.Hour);
            var (people, wanted) = buckets.GetValueOrDefault(key);
            buckets[key] = (people + 1, wanted + (transfer(a) == true ? 1 : 0));
        }
        var rows = buckets
            .Select(kv => new TravelRow(kv.Key.Day, kv.Key.Station, kv.Key.Hour, kv.Value.People, kv.Value.Transfer))
            .OrderBy(r => r.Day).ThenBy(r => r.Station is null).ThenBy(r => r.Station, StringComparer.Ordinal).ThenBy(r => r.Hour)
            .ToList();
        return (rows, unanswered);
    }

    /// <summary>A station as typed, trimmed, with inner runs of spaces (also full-width ones) made one; null when blank.</summary>
    public static string? Station(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        return string.Join(' ', typed.Split([' ', '\u3000', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }
}
