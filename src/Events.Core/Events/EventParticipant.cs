using Events.Core.People;

namespace Events.Core.Events;

/// <summary>A person's part in an event (chair, address, keynote …) before the program places it in a session.</summary>
public class EventParticipant
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public Event? Event { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public ParticipantRole Role { get; set; }
    public string? Topic { get; set; }
    public int Order { get; set; }
}
