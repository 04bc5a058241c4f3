namespace Events.Core.Events;

/// <summary>A user account that may organize one event.</summary>
public class EventStaff
{
    public int EventId { get; set; }
    public required string UserId { get; set; }

    /// <summary>
    /// May see registrants' mobile and ID numbers in full and export them (PIPL: only who needs them). Others on the
    /// staff see them masked (138****1234). The event's creator has it; staff who have it grant it.
    /// </summary>
    public bool SeesPersonalData { get; set; }
}
