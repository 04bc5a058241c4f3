using Events.Core.Common;

namespace Events.Core.Program;

/// <summary>A block of the program in one room (场次). Times are stored in UTC and shown in the event's time zone.</summary>
public class Session : IConcurrencyVersioned
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public SessionKind Kind { get; set; }
    public required string Title { get; set; }

    /// <summary>Optional English title, shown when the reader has chosen English.</summary>
    public string? TitleEn { get; set; }
    public DateTimeOffset Start { get; set; }
    public DateTimeOffset End { get; set; }
    public int? RoomId { get; set; }
    public Room? Room { get; set; }
    public List<SessionChair> Chairs { get; set; } = [];
    public List<SessionItem> Items { get; set; } = [];

    /// <summary>The organizer chose this session for session check-in (分会场签到); the check-in desk offers only such sessions and refuses scans for others.</summary>
    public bool TakesCheckIn { get; set; }
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

public class SessionChair
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public int PersonId { get; set; }
    public People.Person? Person { get; set; }
    public int Order { get; set; }
}
