using System.Text.RegularExpressions;
using Events.Core.Validation;

namespace Events.Core.Events;

/// <summary>What an organizer edits on the event form.</summary>
public sealed partial class EventInput
{
    public int? Id { get; set; }
    public string Slug { get; set; } = "";
    public EventKind Kind { get; set; } = EventKind.Symposium;
    public int? SeriesId { get; set; }
    public int? Edition { get; set; }
    public string Title { get; set; } = "";
    public string? TitleEn { get; set; }
    public string? Theme { get; set; }
    public string? Description { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string TimeZoneId { get; set; } = Event.DefaultTimeZone;
    public string? City { get; set; }
    public string? Venue { get; set; }
    public int? ParentEventId { get; set; }
    public int? ExpectedAttendance { get; set; }
    public EventStatus Status { get; set; } = EventStatus.Draft;

    /// <summary>Organization ids per role, in printed order.</summary>
    public Dictionary<OrganizerRole, List<int>> Units { get; set; } =
        Enum.GetValues<OrganizerRole>().ToDictionary(r => r, _ => new List<int>());

    public Guid ConcurrencyStamp { get; set; }

    public IReadOnlyList<RuleViolation> Validate()
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(Title)) errors.Add(new(nameof(Title), "Required"));

        if (string.IsNullOrWhiteSpace(Slug)) errors.Add(new(nameof(Slug), "Required"));
        else if (!SlugPattern().IsMatch(Slug)) errors.Add(new(nameof(Slug), "SlugFormat"));

        FieldLimits.Check(errors, nameof(Title), Title, FieldLimits.Title);
        FieldLimits.Check(errors, nameof(TitleEn), TitleEn, FieldLimits.TitleEn);
        FieldLimits.Check(errors, nameof(Slug), Slug, FieldLimits.Slug);
        FieldLimits.Check(errors, nameof(Theme), Theme, FieldLimits.Theme);
        FieldLimits.Check(errors, nameof(Description), Description, FieldLimits.Description);
        FieldLimits.Check(errors, nameof(City), City, FieldLimits.City);
        FieldLimits.Check(errors, nameof(Venue), Venue, FieldLimits.Venue);

        if (StartDate is null) errors.Add(new(nameof(StartDate), "Required"));
        if (EndDate is null) errors.Add(new(nameof(EndDate), "Required"));
        if (StartDate is { } s && EndDate is { } e && e < s) errors.Add(new(nameof(EndDate), "EndBeforeStart"));

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId ?? "", out _)) errors.Add(new(nameof(TimeZoneId), "UnknownTimeZone"));

        if (Edition is <= 0) errors.Add(new(nameof(Edition), "MustBePositive"));
        if (ExpectedAttendance is < 0) errors.Add(new(nameof(ExpectedAttendance), "MustNotBeNegative"));

        if (Kind == EventKind.SubForum && ParentEventId is null) errors.Add(new(nameof(ParentEventId), "SubForumNeedsParent"));
        if (ParentEventId is not null && ParentEventId == Id) errors.Add(new(nameof(ParentEventId), "ParentIsSelf"));

        if (Units.Values.Any(ids => ids.Count != ids.Distinct().Count())) errors.Add(new(nameof(Units), "DuplicateUnit"));
        return errors;
    }

    public static EventInput From(Event e) => new()
    {
        Id = e.Id,
        Slug = e.Slug,
        Kind = e.Kind,
        SeriesId = e.SeriesId,
        Edition = e.Edition,
        Title = e.Title,
        TitleEn = e.TitleEn,
        Theme = e.Theme,
        Description = e.Description,
        StartDate = e.StartDate,
        EndDate = e.EndDate,
        TimeZoneId = e.TimeZoneId,
        City = e.City,
        Venue = e.Venue,
        ParentEventId = e.ParentEventId,
        ExpectedAttendance = e.ExpectedAttendance,
        Status = e.Status,
        Units = Enum.GetValues<OrganizerRole>().ToDictionary(
            r => r,
            r => e.Units.Where(u => u.Role == r).OrderBy(u => u.Order).Select(u => u.OrganizationId).ToList()),
        ConcurrencyStamp = e.ConcurrencyStamp,
    };

    /// <summary>Copies the edited values onto the entity; the unit lists are replaced in their new order.</summary>
    public void ApplyTo(Event e)
    {
        e.Slug = Slug.Trim();
        e.Kind = Kind;
        e.SeriesId = SeriesId;
        e.Edition = Edition;
        e.Title = Title.Trim();
        e.TitleEn = Blank(TitleEn);
        e.Theme = Blank(Theme);
        e.Description = Blank(Description);
        e.StartDate = StartDate ?? e.StartDate;
        e.EndDate = EndDate ?? e.EndDate;
        e.TimeZoneId = TimeZoneId;
        e.City = Blank(City);
        e.Venue = Blank(Venue);
        e.ParentEventId = ParentEventId;
        e.ExpectedAttendance = ExpectedAttendance;
        e.Status = Status;

        var wanted = Units.SelectMany(kv => kv.Value.Select((orgId, i) => (Role: kv.Key, OrgId: orgId, Order: i))).ToList();
        e.Units.RemoveAll(u => !wanted.Any(w => w.Role == u.Role && w.OrgId == u.OrganizationId));
        foreach (var w in wanted)
        {
            var unit = e.Units.FirstOrDefault(u => u.Role == w.Role && u.OrganizationId == w.OrgId);
            if (unit is null) e.Units.Add(new EventUnit { Role = w.Role, OrganizationId = w.OrgId, Order = w.Order });
            else unit.Order = w.Order;
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*\\z")]
    private static partial Regex SlugPattern();
}
