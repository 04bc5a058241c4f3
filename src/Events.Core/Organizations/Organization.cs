using Events.Core.Common;

namespace Events.Core.Organizations;

public class Organization : IConcurrencyVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? ShortName { get; set; }
    public string? NameEn { get; set; }
    public OrganizationKind Kind { get; set; } = OrganizationKind.Other;

    /// <summary>A committee inside a society points at the society.</summary>
    public int? ParentId { get; set; }
    public Organization? Parent { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
