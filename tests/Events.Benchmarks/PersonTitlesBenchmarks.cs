using BenchmarkDotNet.Attributes;
using Events.Core.Organizations;
using Events.Core.People;

namespace Events.Benchmarks;

/// <summary>
/// PersonTitles.Format runs once per speaker on every program page and printout,
/// so it is measured for one speaker and for a list of 1,000.
/// </summary>
[MemoryDiagnoser]
public class PersonTitlesBenchmarks
{
    private static readonly Organization[] Organizations =
    [
        new() { Id = 1, Name = "四川省委省政府决策咨询委员会" },
        new() { Id = 2, Name = "四川省科学学与科技政策研究会" },
        new() { Id = 3, Name = "西南交通大学" },
        new() { Id = 4, Name = "四川省科学技术厅" },
        new() { Id = 5, Name = "四川大学" },
        new() { Id = 6, Name = "中国科学院成都文献情报中心" },
    ];

    private static readonly string[] Titles = ["委员", "会长", "教授", "博士生导师", "党组成员", "副厅长", "研究员", "主任"];

    private List<Position> speaker = [];
    private List<Person> people = [];

    [GlobalSetup]
    public void Setup()
    {
        // 陈光's three positions plus a second title at the same university (the name is not repeated).
        speaker =
        [
            At(Organizations[0], "委员", 0),
            At(Organizations[1], "会长", 1),
            At(Organizations[2], "教授", 2),
            At(Organizations[2], "博士生导师", 3),
        ];

        // 1,000 people with 1 to 6 positions each (about 3.5 on average), a sixth of them bare titles; fixed seed.
        var random = new Random(20251121);
        people = Enumerable.Range(0, 1_000).Select(i => new Person
        {
            Id = i + 1,
            Name = $"嘉宾{i + 1}",
            Positions = Enumerable.Range(0, random.Next(1, 7))
                .Select(order =>
                {
                    var organizationIndex = random.Next(Organizations.Length + 1);
                    var organization = organizationIndex < Organizations.Length ? Organizations[organizationIndex] : null;
                    return At(organization, Titles[random.Next(Titles.Length)], order);
                })
                .Reverse() // stored out of order, as rows may come back from the database
                .ToList(),
        }).ToList();
    }

    [Benchmark]
    public string OneSpeakerWithFourPositions() => PersonTitles.Format(speaker);

    [Benchmark]
    public int ThousandPeople()
    {
        var totalLength = 0;
        foreach (var person in people)
        {
            totalLength += PersonTitles.Format(person.Positions).Length;
        }
        return totalLength;
    }

    private static Position At(Organization? organization, string title, int order) =>
        new() { Organization = organization, OrganizationId = organization?.Id, Title = title, Order = order };
}
