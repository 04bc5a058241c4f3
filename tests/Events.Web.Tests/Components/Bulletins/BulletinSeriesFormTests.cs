using AngleSharp.Dom;
using Bunit;
using Events.Core.Bulletins;
using Events.Core.Validation;
using Events.Web.Components.Pages.Bulletins;
using Events.Web.Tests.Infrastructure;
using MudBlazor;

namespace Events.Web.Tests.Components.Bulletins;

public class BulletinSeriesFormTests : ComponentTestBase
{
    private readonly IRenderedComponent<MudPopoverProvider> popovers;
    private readonly List<BulletinSeriesInput> saved = [];

    public BulletinSeriesFormTests() => popovers = RenderPopoverProvider();

    [Fact]
    public void Save_when_required_fields_are_empty_then_Chinese_messages_show_and_nothing_is_saved()
    {
        var cut = RenderForm(new BulletinSeriesInput());

        cut.Find("[data-testid=series-save]").Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("必填。", ErrorTextNextTo(cut, "series-name"));
            Assert.Equal("必填。", ErrorTextNextTo(cut, "series-publisher"));
        });
        Assert.Empty(saved);
    }

    [Fact]
    public void Save_when_the_masthead_colour_is_not_hex_then_the_colour_field_says_how_to_write_it()
    {
        var cut = RenderForm(new BulletinSeriesInput { Name = "浦江创新观察", Publisher = "上海浦江创新论坛中心" });

        cut.Find("[data-testid=series-color]").Change("red; background: url(x)");
        cut.Find("[data-testid=series-next-in-year]").Change("0");
        cut.Find("[data-testid=series-save]").Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("颜色请写成 #RRGGBB，例如 #C00000。", ErrorTextNextTo(cut, "series-color"));
            Assert.NotNull(ErrorTextNextTo(cut, "series-next-in-year"));
        });
        Assert.Null(ErrorTextNextTo(cut, "series-name"));
        Assert.Empty(saved);
    }

    [Fact]
    public void Save_when_the_form_is_valid_then_it_is_handed_over_and_server_messages_are_shown()
    {
        var cut = RenderForm(new BulletinSeriesInput { Name = "浦江创新观察", Publisher = "上海浦江创新论坛中心" },
            [new RuleViolation(nameof(BulletinSeriesInput.Name), "BulletinSeriesNameTaken")]);

        cut.Find("[data-testid=series-color]").Change("#a00000");
        cut.Find("[data-testid=series-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("已有同名的简报系列。", ErrorTextNextTo(cut, "series-name")));
        var input = Assert.Single(saved);
        Assert.Equal("#a00000", input.MastheadColor);
    }

    private IRenderedComponent<BulletinSeriesForm> RenderForm(BulletinSeriesInput model, IReadOnlyList<RuleViolation>? serverAnswer = null) =>
        Render<BulletinSeriesForm>(p =>
        {
            p.Add(x => x.Model, model);
            p.Add(x => x.OnSave, input =>
            {
                saved.Add(input);
                return Task.FromResult(serverAnswer ?? []);
            });
        });

    private static string? ErrorTextNextTo(IRenderedComponent<BulletinSeriesForm> cut, string testId) =>
        (cut.Find($"[data-testid={testId}]").Closest(".mud-input-control")
            ?? throw new InvalidOperationException($"No MudBlazor input control around {testId}."))
        .QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();
}
