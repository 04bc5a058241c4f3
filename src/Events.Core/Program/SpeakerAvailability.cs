namespace Events.Core.Program;

/// <summary>
/// A time a person can take part in an event's program, entered by the organizers or by the person. Stored in UTC for the
/// top-level event (its sub-forums share it); a person with none entered is taken to be free throughout.
/// </summary>
public class SpeakerAvailability
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public int PersonId { get; set; }
    public DateTimeOffset Start { get; set; }
    public DateTimeOffset End { get; set; }
}
