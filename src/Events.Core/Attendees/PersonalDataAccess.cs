namespace Events.Core.Attendees;

/// <summary>
/// One export (or full view) of registrants' personal data — mobile and ID numbers — kept for PIPL accountability:
/// who, when, which event and what was exported.
/// </summary>
public class PersonalDataAccess
{
    public long Id { get; set; }
    public int EventId { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>What was taken, e.g. "attendees.xlsx" or "registration 42".</summary>
    public required string What { get; set; }

    /// <summary>How many registrations' personal data it contained.</summary>
    public int Count { get; set; }
}
