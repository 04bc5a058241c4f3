using Events.Core.Organizations;

namespace Events.Core.Events;

/// <summary>An organization in one of an event's unit lists (主办单位 …), in its printed order.</summary>
public class EventUnit
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public int OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public OrganizerRole Role { get; set; }
    public int Order { get; set; }
}
