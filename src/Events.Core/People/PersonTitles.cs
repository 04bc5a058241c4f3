namespace Events.Core.People;

public static class PersonTitles
{
    /// <summary>
    /// Positions in their given order, joined with the enumeration comma (、) as Chinese programs print them.
    /// A title at the same organization as the one before it drops the repeated name:
    /// 四川省科学技术厅党组成员、副厅长.
    /// </summary>
    public static string Format(IEnumerable<Position> positions)
    {
        var parts = new List<string>();
        int? previousOrg = null;
        foreach (var p in positions.OrderBy(p => p.Order))
        {
            if (string.IsNullOrWhiteSpace(p.Title)) continue;
            parts.Add(p.OrganizationId is not null && p.OrganizationId == previousOrg ? p.Title : p.DisplayText);
            previousOrg = p.OrganizationId;
        }
        return string.Join("、", parts);
    }
}
