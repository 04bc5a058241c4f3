using System.Globalization;

namespace Events.Core.Attendees.Forms;

/// <summary>
/// A typed reader over one registration's 回执 answers (<see cref="RegistrationAnswer"/> rows), for the dashboard,
/// exports and lists. Values are in the invariant form the rows store; protected values (mobile, ID number) are only
/// present when the caller unprotected them (see the Infrastructure <c>ReplyAnswerProtector</c>).
/// </summary>
public sealed class RegistrationAnswers
{
    private readonly IReadOnlyDictionary<string, string?> values;

    public RegistrationAnswers(IReadOnlyDictionary<string, string?> values) => this.values = values;

    /// <summary>
    /// The answers of one registration's rows. Protected rows are read through <paramref name="unprotect"/> when given
    /// (it returns null for what it cannot read); without it they read as absent.
    /// </summary>
    public static RegistrationAnswers From(IEnumerable<RegistrationAnswer> rows, Func<string, string?>? unprotect = null) =>
        new(rows.ToDictionary(r => r.FieldKey, r => r.IsProtected ? (r.Value is null || unprotect is null ? null : unprotect(r.Value)) : r.Value, StringComparer.Ordinal));

    public static readonly RegistrationAnswers Empty = new(new Dictionary<string, string?>());

    public IReadOnlyDictionary<string, string?> Values => values;

    public string? Text(string key) => values.TryGetValue(key, out var v) && !string.IsNullOrEmpty(v) ? v : null;

    public DateOnly? Date(string key) =>
        Text(key) is { } v && DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public DateTime? DateTime(string key) =>
        Text(key) is { } v && System.DateTime.TryParseExact(v, "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public decimal? Number(string key) =>
        Text(key) is { } v && decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;

    public bool? YesNo(string key) => Text(key) switch { "true" => true, "false" => false, _ => null };

    /// <summary>The option keys chosen (one for a single choice).</summary>
    public IReadOnlyList<string> Choices(string key) =>
        Text(key) is { } v ? v.Split(RegistrationAnswer.ChoiceSeparator, StringSplitOptions.RemoveEmptyEntries) : [];

    public string? Gender => Text(ReplyFieldKeys.Gender);
    public string? Ethnicity => Text(ReplyFieldKeys.Ethnicity);
    public string? Employer => Text(ReplyFieldKeys.Employer);
    public string? Position => Text(ReplyFieldKeys.Position);
    public string? Mobile => Text(ReplyFieldKeys.Mobile);
    public string? IdType => Text(ReplyFieldKeys.IdType);
    public string? IdNumber => Text(ReplyFieldKeys.IdNumber);

    /// <summary>Local date and time of arrival as entered (the event's own clock).</summary>
    public DateTime? ArrivalAt => DateTime(ReplyFieldKeys.ArrivalAt);
    public DateOnly? ArrivalDay => ArrivalAt is { } a ? DateOnly.FromDateTime(a) : null;
    public string? ArrivalTrain => Text(ReplyFieldKeys.ArrivalTrain);
    public string? ArrivalStation => Text(ReplyFieldKeys.ArrivalStation);
    public bool? ArrivalPickup => YesNo(ReplyFieldKeys.ArrivalPickup);

    public DateTime? DepartureAt => DateTime(ReplyFieldKeys.DepartureAt);
    public DateOnly? DepartureDay => DepartureAt is { } a ? DateOnly.FromDateTime(a) : null;
    public string? DepartureTrain => Text(ReplyFieldKeys.DepartureTrain);
    public string? DepartureStation => Text(ReplyFieldKeys.DepartureStation);
    public bool? DepartureDropoff => YesNo(ReplyFieldKeys.DepartureDropoff);

    public bool? Lodging => YesNo(ReplyFieldKeys.Lodging);

    /// <summary>The hotel's option key in the event's form.</summary>
    public string? Hotel => Text(ReplyFieldKeys.Hotel);
    public string? RoomType => Text(ReplyFieldKeys.RoomType);
    public string? SharedWith => Text(ReplyFieldKeys.SharedWith);
    public DateOnly? CheckIn => Date(ReplyFieldKeys.CheckIn);
    public int? Nights => Number(ReplyFieldKeys.Nights) is { } n && n >= 0 && n <= 366 ? (int)n : null;

    /// <summary>
    /// The nights (each by its date) the registrant sleeps in <see cref="Hotel"/>: from the check-in date (else the
    /// arrival day) for <see cref="Nights"/> nights (else until the departure day). Empty when lodging is not wanted.
    /// </summary>
    public IReadOnlyList<DateOnly> RoomNights
    {
        get
        {
            if (Lodging != true || Hotel is null) return [];
            var first = CheckIn ?? ArrivalDay;
            if (first is null) return [];
            var count = Nights ?? (DepartureDay is { } dep ? dep.DayNumber - first.Value.DayNumber : 0);
            return Enumerable.Range(0, Math.Max(0, count)).Select(i => first.Value.AddDays(i)).ToList();
        }
    }

    public string? Diet => Text(ReplyFieldKeys.Diet);
    public string? DietDetail => Text(ReplyFieldKeys.DietDetail);
    public bool? Companions => YesNo(ReplyFieldKeys.Companions);
    public int? CompanionCount => Number(ReplyFieldKeys.CompanionCount) is { } n && n >= 0 && n <= 1000 ? (int)n : null;
    public string? CompanionNames => Text(ReplyFieldKeys.CompanionNames);
}
