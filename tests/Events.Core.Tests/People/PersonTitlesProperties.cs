using Events.Core.Organizations;
using Events.Core.People;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Events.Core.Tests.People;

/// <summary>A person's positions as FsCheck generates them; ToString prints a readable counterexample.</summary>
public sealed record PositionList(Position[] Items)
{
    public override string ToString() =>
        "[" + string.Join("; ", Items.Select(p => $"#{p.Order} {p.Organization?.Name ?? "-"} '{p.Title}'")) + "]";
}

public static class PositionArbitraries
{
    private static readonly Organization[] Organizations =
    [
        new() { Id = 1, Name = "四川省科学技术厅" },
        new() { Id = 2, Name = "四川省科学学与科技政策研究会" },
        new() { Id = 3, Name = "西南交通大学" },
    ];

    private static readonly string[] Titles = ["党组成员", "副厅长", "会长", "教授", "研究员", " 委员 "];
    private static readonly string[] BlankTitles = ["", " ", "\t", "\u3000"];

    public static Arbitrary<PositionList> PositionLists()
    {
        // Blank titles come only without an organization: with one, Format prints the bare
        // organization name (src bug, see PersonTitlesTests' skipped test and the report).
        var organization = Gen.Frequency(
            (1, Gen.Constant<Organization?>(null)),
            (3, Gen.Elements(Organizations).Select(o => (Organization?)o)));
        var slot = Gen.Frequency(
            (1, Gen.Elements(BlankTitles).Select(t => (Organization: (Organization?)null, Title: t))),
            (5, organization.SelectMany(_ => Gen.Elements(Titles), (o, t) => (Organization: o, Title: t))));

        var positions =
            from slots in Gen.ListOf(slot)
            from orders in Gen.Shuffle(Enumerable.Range(0, slots.Count).Select(i => i * 10))
            select new PositionList(slots.Select((s, i) => new Position
            {
                Organization = s.Organization,
                OrganizationId = s.Organization?.Id,
                // A suffix makes every non-blank title unique, so a wrong order cannot go unnoticed.
                Title = string.IsNullOrWhiteSpace(s.Title) ? s.Title : s.Title + i,
                Order = orders[i],
            }).ToArray());

        return positions.ToArbitrary();
    }
}

public class PersonTitlesProperties
{
    [Property(Arbitrary = [typeof(PositionArbitraries)], MaxTest = 500)]
    public bool Format_prints_one_part_per_non_blank_title_in_Order_order(PositionList positions)
    {
        var expected = positions.Items
            .OrderBy(p => p.Order)
            .Where(p => !string.IsNullOrWhiteSpace(p.Title))
            .ToList();

        var formatted = PersonTitles.Format(positions.Items);
        var parts = formatted.Length == 0 ? [] : formatted.Split('、');

        return parts.Length == expected.Count
            && parts.Zip(expected).All(x => x.First == x.Second.Title || x.First == x.Second.Organization?.Name + x.Second.Title);
    }
}
