using Events.Core.Organizations;

namespace Events.Core.People;

/// <summary>One title a person holds, such as 会长 at a society; a bare title like 研究员 has no organization.</summary>
public class Position
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public int? OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public required string Title { get; set; }
    public int Order { get; set; }

    /// <summary>The Chinese reading: the organization runs straight into the title (西南交通大学教授).</summary>
    public string DisplayText => Organization is null ? Title : Organization.Name + Title;
}
