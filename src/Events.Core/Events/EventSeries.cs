using Events.Core.Organizations;

namespace Events.Core.Events;

public class EventSeries
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int? FirstYear { get; set; }
    public int? OrganizationId { get; set; }
    public Organization? Organization { get; set; }
}
