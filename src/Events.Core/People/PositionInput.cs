namespace Events.Core.People;

public sealed class PositionInput
{
    public int? OrganizationId { get; set; }
    public string Title { get; set; } = "";
}
