using Events.Core.Organizations;
using Events.Core.People;

namespace Events.Core.Tests.People;

public class PersonTitlesTests
{
    private static readonly Organization DecisionCommittee = new() { Id = 1, Name = "四川省委省政府决策咨询委员会" };
    private static readonly Organization ScienceSociety = new() { Id = 2, Name = "四川省科学学与科技政策研究会" };
    private static readonly Organization Swjtu = new() { Id = 3, Name = "西南交通大学" };
    private static readonly Organization ScienceDepartment = new() { Id = 4, Name = "四川省科学技术厅" };

    private static Position At(Organization? org, string title, int order) =>
        new() { Organization = org, OrganizationId = org?.Id, Title = title, Order = order };

    [Fact]
    public void Format_when_person_has_no_positions_then_empty()
    {
        Assert.Equal("", PersonTitles.Format([]));
    }

    [Fact]
    public void Format_prints_the_Chen_Guang_example_joined_with_the_enumeration_comma()
    {
        Position[] positions =
        [
            At(DecisionCommittee, "委员", 0),
            At(ScienceSociety, "会长", 1),
            At(Swjtu, "教授", 2),
        ];

        Assert.Equal("四川省委省政府决策咨询委员会委员、四川省科学学与科技政策研究会会长、西南交通大学教授", PersonTitles.Format(positions));
    }

    [Fact]
    public void Format_follows_Order_not_list_position()
    {
        Position[] positions =
        [
            At(Swjtu, "教授", 2),
            At(DecisionCommittee, "委员", 0),
            At(ScienceSociety, "会长", 1),
        ];

        Assert.Equal("四川省委省政府决策咨询委员会委员、四川省科学学与科技政策研究会会长、西南交通大学教授", PersonTitles.Format(positions));
    }

    [Fact]
    public void Format_when_title_has_no_organization_then_prints_the_title_alone()
    {
        Assert.Equal("研究员", PersonTitles.Format([At(null, "研究员", 0)]));
    }

    [Fact]
    public void Format_when_bare_title_follows_an_organization_title_then_both_are_printed()
    {
        Position[] positions = [At(Swjtu, "教授", 0), At(null, "研究员", 1)];

        Assert.Equal("西南交通大学教授、研究员", PersonTitles.Format(positions));
    }

    [Fact]
    public void Format_when_consecutive_titles_are_at_the_same_organization_then_the_name_is_not_repeated()
    {
        Position[] positions = [At(ScienceDepartment, "党组成员", 0), At(ScienceDepartment, "副厅长", 1)];

        Assert.Equal("四川省科学技术厅党组成员、副厅长", PersonTitles.Format(positions));
    }

    [Fact]
    public void Format_when_the_same_organization_returns_after_another_then_the_name_is_printed_again()
    {
        Position[] positions = [At(Swjtu, "教授", 0), At(ScienceSociety, "会长", 1), At(Swjtu, "博士生导师", 2)];

        Assert.Equal("西南交通大学教授、四川省科学学与科技政策研究会会长、西南交通大学博士生导师", PersonTitles.Format(positions));
    }

    [Fact]
    public void Format_when_two_bare_titles_follow_each_other_then_both_are_printed()
    {
        Position[] positions = [At(null, "研究员", 0), At(null, "博士生导师", 1)];

        Assert.Equal("研究员、博士生导师", PersonTitles.Format(positions));
    }

    [Fact]
    public void Format_when_a_bare_title_is_blank_then_it_is_skipped()
    {
        Position[] positions = [At(Swjtu, "教授", 0), At(null, "  ", 1), At(null, "研究员", 2)];

        Assert.Equal("西南交通大学教授、研究员", PersonTitles.Format(positions));
    }

    [Fact]
    public void Format_when_a_title_at_an_organization_is_blank_then_it_is_skipped()
    {
        Position[] positions = [At(Swjtu, "", 0), At(ScienceSociety, "会长", 1)];

        Assert.Equal("四川省科学学与科技政策研究会会长", PersonTitles.Format(positions));
    }

    [Fact]
    public void DisplayTitle_of_a_person_is_the_formatted_positions()
    {
        var person = new Person
        {
            Name = "某某",
            Positions = [At(ScienceDepartment, "副厅长", 1), At(ScienceDepartment, "党组成员", 0), At(null, "研究员", 2)],
        };

        Assert.Equal("四川省科学技术厅党组成员、副厅长、研究员", person.DisplayTitle);
    }
}
