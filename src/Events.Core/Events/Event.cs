using Events.Core.Common;

namespace Events.Core.Events;

public class Event : IConcurrencyVersioned
{
    public const string DefaultTimeZone = "Asia/Shanghai";

    public int Id { get; set; }
    public required string Slug { get; set; }
    public EventKind Kind { get; set; }
    public int? SeriesId { get; set; }
    public EventSeries? Series { get; set; }

    /// <summary>第N届.</summary>
    public int? Edition { get; set; }
    public required string Title { get; set; }

    /// <summary>Optional English title, shown when the reader has chosen English.</summary>
    public string? TitleEn { get; set; }
    public string? Theme { get; set; }
    public string? Description { get; set; }

    /// <summary>Calendar dates in the event's own time zone.</summary>
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public string TimeZoneId { get; set; } = DefaultTimeZone;

    public string? City { get; set; }
    public string? Venue { get; set; }
    public int? ParentEventId { get; set; }
    public Event? ParentEvent { get; set; }
    public List<Event> SubForums { get; set; } = [];
    public int? ExpectedAttendance { get; set; }

    /// <summary>The event's logo as printed on its badges: a PNG or JPEG re-encoded into the file store folder <c>event-logos</c>, never under the web root; null prints the title's first character.</summary>
    public string? LogoFile { get; set; }
    public EventStatus Status { get; set; } = EventStatus.Draft;

    public List<EventUnit> Units { get; set; } = [];
    public List<EventParticipant> Participants { get; set; } = [];
    public List<EventStaff> Staff { get; set; } = [];

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public bool IsPublic => Status == EventStatus.Published;
}
