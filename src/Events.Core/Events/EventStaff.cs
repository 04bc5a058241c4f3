namespace Events.Core.Events;

/// <summary>A user account that may organize one event.</summary>
public class EventStaff
{
    public int EventId { get; set; }
    public required string UserId { get; set; }
}
