using Bunit;
using Events.Core.Events;
using Events.Core.Organizations;
using Events.Web.Components.Pages.Events;
using Events.Web.Tests.Infrastructure;
using MudBlazor;

namespace Events.Web.Tests.Components;

public class UnitListEditorTests : ComponentTestBase
{
    private readonly IRenderedComponent<MudPopoverProvider> popovers;
    private readonly Organization society;
    private readonly Organization university;

    public UnitListEditorTests()
    {
        popovers = RenderPopoverProvider();
        var orgs = AddOrganizations("四川省科学技术协会", "西南交通大学");
        society = orgs[0];
        university = orgs[1];
    }

    [Fact]
    public void Unit_list_when_rendered_then_shows_the_Chinese_role_and_the_names_in_printed_order()
    {
        var cut = Render<UnitListEditor>(p => p.Add(x => x.Role, OrganizerRole.Host).Add(x => x.Ids, [university.Id, society.Id]));

        Assert.Equal("主办单位", cut.Find("h3").TextContent.Trim());
        cut.WaitForAssertion(() => Assert.Equal(["1. 西南交通大学", "2. 四川省科学技术协会"], Lines(cut)));
    }

    [Fact]
    public void Move_down_when_clicked_on_the_first_unit_then_the_bound_ids_swap()
    {
        var ids = new List<int> { university.Id, society.Id };
        var cut = Render<UnitListEditor>(p => p.Add(x => x.Role, OrganizerRole.Organizer).Add(x => x.Ids, ids));
        cut.WaitForAssertion(() => Assert.Equal("1. 西南交通大学", Lines(cut)[0]));

        cut.FindAll(".unit-line")[0].QuerySelector("button[aria-label=下移]")!.Click();

        Assert.Equal([society.Id, university.Id], ids);
        Assert.Equal(["1. 四川省科学技术协会", "2. 西南交通大学"], Lines(cut));
    }

    [Fact]
    public void Remove_when_clicked_then_the_unit_leaves_the_bound_ids()
    {
        var ids = new List<int> { university.Id, society.Id };
        var cut = Render<UnitListEditor>(p => p.Add(x => x.Role, OrganizerRole.CoOrganizer).Add(x => x.Ids, ids));
        cut.WaitForAssertion(() => Assert.Equal(2, Lines(cut).Count));

        cut.FindAll(".unit-line")[0].QuerySelector("button[aria-label=移除]")!.Click();

        Assert.Equal([society.Id], ids);
        Assert.Equal(["1. 四川省科学技术协会"], Lines(cut));
    }

    [Fact]
    public void Add_unit_when_an_organization_is_picked_then_it_is_appended_and_a_second_pick_of_it_is_ignored()
    {
        var ids = new List<int> { university.Id };
        var cut = Render<UnitListEditor>(p => p.Add(x => x.Role, OrganizerRole.Supporter).Add(x => x.Ids, ids));

        Pick(cut, "科学技术", "四川省科学技术协会");
        cut.WaitForAssertion(() => Assert.Equal(["1. 西南交通大学", "2. 四川省科学技术协会"], Lines(cut)));

        Pick(cut, "交通", "西南交通大学");

        cut.WaitForAssertion(() => Assert.Empty(popovers.FindAll(".mud-popover-open [role=option]")));
        Assert.Equal([university.Id, society.Id], ids);
        Assert.Equal(["1. 西南交通大学", "2. 四川省科学技术协会"], Lines(cut));
    }

    [Fact]
    public void Add_unit_when_an_organization_is_picked_then_the_search_box_is_empty_again()
    {
        var cut = Render<UnitListEditor>(p => p.Add(x => x.Role, OrganizerRole.Supporter).Add(x => x.Ids, []));

        Pick(cut, "科学技术", "四川省科学技术协会");

        cut.WaitForAssertion(() => Assert.Equal("1. 四川省科学技术协会", Assert.Single(Lines(cut))));
        cut.WaitForAssertion(() => Assert.Equal("", cut.Find(".mud-autocomplete input").GetAttribute("value")));
    }

    private void Pick(IRenderedComponent<UnitListEditor> cut, string search, string name)
    {
        cut.Find(".mud-autocomplete input").Input(search);
        popovers.WaitForElements(".mud-popover-open [role=option]", TimeSpan.FromSeconds(5))
            .Single(o => o.TextContent.Trim() == name).Click();
    }

    private static List<string> Lines(IRenderedComponent<UnitListEditor> cut) =>
        cut.FindAll(".unit-line p").Select(p => p.TextContent.Trim()).ToList();
}
