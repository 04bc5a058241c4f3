using AngleSharp.Dom;
using Bunit;
using Events.Core.Organizations;
using Events.Core.People;
using Events.Web.Components.Pages.People;
using Events.Web.Components.Shared;
using Events.Web.Localization;
using Events.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Events.Web.Tests.Components;

public class PositionsEditorTests : ComponentTestBase
{
    private const string Department = "四川省科学技术厅";
    private const string University = "西南交通大学";

    private readonly IRenderedComponent<MudPopoverProvider> popovers;
    private readonly Organization department;
    private readonly Organization university;

    public PositionsEditorTests()
    {
        popovers = RenderPopoverProvider();
        var orgs = AddOrganizations(Department, University);
        department = orgs[0];
        university = orgs[1];
    }

    [Fact]
    public void Preview_when_two_titles_are_at_the_same_organization_then_the_second_drops_the_repeated_name()
    {
        var positions = new List<PositionInput>
        {
            new() { OrganizationId = department.Id, Title = "党组成员" },
            new() { OrganizationId = department.Id, Title = "副厅长" },
            new() { OrganizationId = university.Id, Title = "兼职教授" },
        };

        var cut = Render<PositionsEditor>(p => p.Add(x => x.Positions, positions));

        cut.WaitForAssertion(() => Assert.Equal(
            "四川省科学技术厅党组成员、副厅长、西南交通大学兼职教授",
            Preview(cut)));
    }

    [Fact]
    public void Add_position_when_clicked_then_an_empty_row_is_appended_to_the_bound_list()
    {
        var positions = new List<PositionInput>();
        var cut = Render<PositionsEditor>(p => p.Add(x => x.Positions, positions));
        Assert.Empty(cut.FindAll("[data-testid=position-row]"));

        cut.Find("[data-testid=position-add]").Click();
        cut.Find("[data-testid=position-add]").Click();

        Assert.Equal(2, cut.FindAll("[data-testid=position-row]").Count);
        Assert.Equal(2, positions.Count);
        Assert.All(positions, p => Assert.Equal("", p.Title));
        Assert.Empty(cut.FindAll("[data-testid=title-preview]"));
    }

    [Fact]
    public void Typing_titles_when_rows_have_no_organization_then_the_bound_list_and_preview_follow_each_keystroke()
    {
        var positions = new List<PositionInput>();
        var cut = Render<PositionsEditor>(p => p.Add(x => x.Positions, positions));
        cut.Find("[data-testid=position-add]").Click();
        cut.Find("[data-testid=position-add]").Click();

        TitleInputs(cut)[0].Input("研究员");
        TitleInputs(cut)[1].Input("博士生导师");

        Assert.Equal(["研究员", "博士生导师"], positions.Select(p => p.Title));
        Assert.Equal("研究员、博士生导师", Preview(cut));
    }

    [Fact]
    public void Move_up_when_clicked_on_the_second_row_then_it_swaps_with_the_first_in_the_bound_list()
    {
        var first = new PositionInput { OrganizationId = department.Id, Title = "党组成员" };
        var second = new PositionInput { OrganizationId = university.Id, Title = "教授" };
        var positions = new List<PositionInput> { first, second };
        var cut = Render<PositionsEditor>(p => p.Add(x => x.Positions, positions));
        cut.WaitForAssertion(() => Assert.Equal(Department, OrganizationInputs(cut)[0].GetAttribute("value")));
        Assert.True(cut.FindAll("[data-testid=position-up]")[0].HasAttribute("disabled"));

        cut.FindAll("[data-testid=position-up]")[1].Click();

        Assert.Equal([second, first], positions);
        Assert.Equal(["教授", "党组成员"], TitleInputs(cut).Select(i => i.GetAttribute("value")));
        cut.WaitForAssertion(() =>
        {
            Assert.Equal([University, Department], OrganizationInputs(cut).Select(i => i.GetAttribute("value")));
            Assert.Equal("西南交通大学教授、四川省科学技术厅党组成员", Preview(cut));
        });
    }

    [Fact]
    public void Remove_when_clicked_on_a_row_then_only_that_position_leaves_the_bound_list()
    {
        var positions = new List<PositionInput>
        {
            new() { OrganizationId = department.Id, Title = "党组成员" },
            new() { Title = "研究员" },
            new() { OrganizationId = university.Id, Title = "教授" },
        };
        var cut = Render<PositionsEditor>(p => p.Add(x => x.Positions, positions));
        cut.WaitForAssertion(() => Assert.Equal(Department, OrganizationInputs(cut)[0].GetAttribute("value")));

        cut.FindAll("[data-testid=position-remove]")[0].Click();

        // The remove finishes in the renderer's own time on a loaded machine: wait for it rather than read at once.
        cut.WaitForAssertion(() => Assert.Equal(["研究员", "教授"], positions.Select(p => p.Title)));
        Assert.Equal(2, cut.FindAll("[data-testid=position-row]").Count);
        Assert.Equal(["研究员", "教授"], TitleInputs(cut).Select(i => i.GetAttribute("value")));
        cut.WaitForAssertion(() =>
        {
            Assert.Equal(["", University], OrganizationInputs(cut).Select(i => i.GetAttribute("value")));
            Assert.Equal("研究员、西南交通大学教授", Preview(cut));
        });
    }

    [Fact]
    public void Picking_an_organization_when_searching_by_part_of_its_name_then_the_row_gets_its_id_and_the_preview_its_name()
    {
        var positions = new List<PositionInput> { new() { Title = "教授" } };
        var cut = Render<PositionsEditor>(p => p.Add(x => x.Positions, positions));

        OrganizationInputs(cut)[0].Input("交通");
        popovers.WaitForElements(".mud-popover-open [role=option]", TimeSpan.FromSeconds(5))
            .Single(o => o.TextContent.Trim() == University).Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Equal(university.Id, positions[0].OrganizationId);
            Assert.Equal("西南交通大学教授", Preview(cut));
        });
    }

    [Fact]
    public void Title_errors_when_the_core_rejects_an_empty_title_then_the_message_shows_on_that_row_only()
    {
        var positions = new List<PositionInput> { new() { Title = "教授" }, new() { Title = "" } };
        var errors = new FormErrors(Services.GetRequiredService<IStringLocalizer<SharedResource>>());
        errors.Set(new PersonInput { Name = "张三", Positions = positions }.Validate());

        var cut = Render<PositionsEditor>(p => p.Add(x => x.Positions, positions).Add(x => x.Errors, errors));

        var rows = cut.FindAll("[data-testid=position-row]");
        Assert.Null(rows[0].QuerySelector(".mud-input-helper-text.mud-input-error"));
        Assert.Equal("必填。", rows[1].QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim());
    }

    /// <summary>The preview line after its label (头衔), as a program would print it.</summary>
    private static string Preview(IRenderedComponent<PositionsEditor> cut)
    {
        var text = cut.Find("[data-testid=title-preview]").TextContent.Trim();
        Assert.StartsWith("头衔", text, StringComparison.Ordinal);
        return text["头衔".Length..].TrimStart(':', '：', ' ');
    }

    private static IReadOnlyList<IElement> TitleInputs(IRenderedComponent<PositionsEditor> cut) =>
        cut.FindAll("[data-testid=position-title]");

    /// <summary>The organization picker's text box in each row.</summary>
    private static IReadOnlyList<IElement> OrganizationInputs(IRenderedComponent<PositionsEditor> cut) =>
        cut.FindAll("[data-testid=position-row] .mud-autocomplete input");
}
