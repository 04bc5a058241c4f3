using Events.Core.Papers;

namespace Events.Core.Tests.Papers;

public class AuthorRulesTests
{
    private static AuthorInput Author(string name, string? email = null, bool corresponding = false, bool presenter = false, string affiliation = "四川大学") =>
        new() { Name = name, Email = email, IsCorresponding = corresponding, IsPresenter = presenter, Affiliation = affiliation };

    [Fact]
    public void One_author_who_corresponds_and_presents_is_enough()
    {
        Assert.Empty(AuthorRules.Check([Author("王冰", "wang@example.cn", true, true)]));
    }

    [Fact]
    public void An_empty_byline_is_refused()
    {
        Assert.Equal("NoAuthors", Assert.Single(AuthorRules.Check([])).Code);
    }

    [Fact]
    public void Without_a_corresponding_author_the_byline_is_refused()
    {
        var errors = AuthorRules.Check([Author("王冰", "wang@example.cn", presenter: true), Author("李梅")]);
        Assert.Contains(errors, e => e.Field == AuthorRules.CorrespondingField && e.Code == "NoCorrespondingAuthor");
    }

    [Fact]
    public void Without_a_presenter_the_byline_is_refused()
    {
        var errors = AuthorRules.Check([Author("王冰", "wang@example.cn", corresponding: true)]);
        Assert.Contains(errors, e => e.Field == AuthorRules.PresenterField && e.Code == "NoPresenter");
    }

    [Fact]
    public void Co_corresponding_authors_are_allowed_when_each_has_an_email()
    {
        var errors = AuthorRules.Check([Author("王冰", "wang@example.cn", true, true), Author("李梅", "li@example.cn", true)]);
        Assert.Empty(errors);
    }

    [Fact]
    public void A_corresponding_author_without_an_email_is_refused_on_their_line()
    {
        var errors = AuthorRules.Check([Author("王冰", "wang@example.cn", true, true), Author("李梅", corresponding: true)]);
        Assert.Contains(errors, e => e.Field == "Authors[1].Email" && e.Code == "CorrespondingNeedsEmail");
    }

    [Fact]
    public void A_co_author_without_an_email_is_fine()
    {
        Assert.Empty(AuthorRules.Check([Author("王冰", "wang@example.cn", true, true), Author("李梅")]));
    }

    [Fact]
    public void Every_author_needs_a_name_and_an_affiliation()
    {
        var errors = AuthorRules.Check([Author("王冰", "wang@example.cn", true, true), Author(" ", affiliation: "")]);
        Assert.Contains(errors, e => e.Field == "Authors[1].Name" && e.Code == "Required");
        Assert.Contains(errors, e => e.Field == "Authors[1].Affiliation" && e.Code == "Required");
    }

    [Fact]
    public void The_same_email_twice_is_refused_whatever_its_case()
    {
        var errors = AuthorRules.Check([Author("王冰", "wang@example.cn", true, true), Author("王冰二", "WANG@example.cn")]);
        Assert.Contains(errors, e => e.Field == "Authors[1].Email" && e.Code == "DuplicateAuthorEmail");
    }

    [Fact]
    public void A_malformed_email_is_refused()
    {
        var errors = AuthorRules.Check([Author("王冰", "王冰 <wang@example.cn>", true, true)]);
        Assert.Contains(errors, e => e.Field == "Authors[0].Email" && e.Code == "EmailFormat");
    }

    [Fact]
    public void More_than_the_maximum_number_of_authors_is_refused()
    {
        var many = Enumerable.Range(0, SubmissionInput.MaxAuthors + 1).Select(i => Author($"作者{i}", $"a{i}@example.cn", i == 0, i == 0)).ToList();
        Assert.Contains(AuthorRules.Check(many), e => e.Code == "TooManyAuthors");
    }

    [Fact]
    public void Moving_an_author_swaps_neighbours_and_ignores_moves_past_either_end()
    {
        var list = new List<AuthorInput> { Author("甲"), Author("乙"), Author("丙") };
        AuthorRules.Move(list, 2, -1);
        Assert.Equal(["甲", "丙", "乙"], list.Select(a => a.Name));
        AuthorRules.Move(list, 0, -1);
        AuthorRules.Move(list, 2, 1);
        Assert.Equal(["甲", "丙", "乙"], list.Select(a => a.Name));
    }

    [Fact]
    public void Adding_myself_to_an_empty_byline_makes_me_corresponding_author_and_presenter()
    {
        var list = new List<AuthorInput>();
        AuthorRules.AddSelf(list, "王冰", "四川大学", "wang@example.cn");
        var me = Assert.Single(list);
        Assert.True(me.IsCorresponding && me.IsPresenter);
        Assert.Empty(AuthorRules.Check(list));
    }

    [Fact]
    public void Adding_myself_when_my_email_is_listed_fills_that_line_instead_of_adding_another()
    {
        var list = new List<AuthorInput> { Author("甲", "a@example.cn", true, true), new() { Email = "Wang@Example.cn" } };
        AuthorRules.AddSelf(list, "王冰", "四川大学", "wang@example.cn");
        Assert.Equal(2, list.Count);
        Assert.Equal(("王冰", "四川大学"), (list[1].Name, list[1].Affiliation));
        Assert.False(list[1].IsCorresponding);
    }
}
