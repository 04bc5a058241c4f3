using AngleSharp.Dom;
using Bunit;
using Events.Core.Attendees;
using Events.Core.Validation;
using Events.Web.Components.Pages.Attendees;
using Events.Web.Tests.Infrastructure;

namespace Events.Web.Tests.Components.Attendees;

public class RegistrationFormTests : ComponentTestBase
{
    private readonly List<RegistrationInput> submitted = [];

    [Fact]
    public void Submit_when_the_form_is_empty_then_Chinese_messages_show_at_each_required_field_and_nothing_is_sent()
    {
        var cut = RenderForm(new RegistrationInput(), _ => Task.FromResult<IReadOnlyList<RuleViolation>>([]));

        Click(cut, "reg-submit");

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("请修正标出的错误后再保存。", cut.Find("[data-testid=form-errors]").TextContent.Trim());
            Assert.Equal("必填。", ErrorTextNextTo(cut, "reg-name"));
            Assert.Equal("必填。", ErrorTextNextTo(cut, "reg-organization"));
            Assert.Equal("必填。", ErrorTextNextTo(cut, "reg-title"));
            Assert.Equal("必填。", ErrorTextNextTo(cut, "reg-email"));
        });
        Assert.Null(ErrorTextNextTo(cut, "reg-phone"));
        Assert.Empty(submitted);
    }

    [Fact]
    public void Submit_when_the_email_and_phone_are_malformed_then_only_those_fields_show_their_Chinese_messages()
    {
        var cut = RenderForm(new RegistrationInput(), _ => Task.FromResult<IReadOnlyList<RuleViolation>>([]));
        cut.Find("[data-testid=reg-name]").Change("王冰");
        cut.Find("[data-testid=reg-organization]").Change("四川省科学技术发展战略研究院");
        cut.Find("[data-testid=reg-title]").Change("研究员");
        cut.Find("[data-testid=reg-email]").Change("王冰 <wangbing@example.cn>");
        cut.Find("[data-testid=reg-phone]").Change("电话待定");

        Click(cut, "reg-submit");

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("邮箱格式不正确。", ErrorTextNextTo(cut, "reg-email"));
            Assert.Equal("电话号码格式不正确。", ErrorTextNextTo(cut, "reg-phone"));
        });
        Assert.Null(ErrorTextNextTo(cut, "reg-name"));
        Assert.Empty(submitted);
    }

    [Fact]
    public void Submit_when_the_form_is_valid_then_it_is_sent_and_the_servers_violations_are_shown()
    {
        var model = new RegistrationInput { Name = "王冰", Organization = "某研究院", Title = "研究员", Email = "wangbing@example.cn" };
        var cut = RenderForm(model, _ => Task.FromResult<IReadOnlyList<RuleViolation>>([new RuleViolation(nameof(RegistrationInput.Organization), "TooLong")]));

        Click(cut, "reg-submit");

        cut.WaitForAssertion(() => Assert.Equal("内容过长。", ErrorTextNextTo(cut, "reg-organization")));
        Assert.Same(model, Assert.Single(submitted));
    }

    [Fact]
    public void Fields_show_their_Chinese_labels_and_the_prefilled_values()
    {
        var cut = RenderForm(new RegistrationInput { Name = "王冰", Email = "wangbing@example.cn" }, _ => Task.FromResult<IReadOnlyList<RuleViolation>>([]));

        Assert.Equal("王冰", cut.Find("[data-testid=reg-name]").GetAttribute("value"));
        Assert.Equal("wangbing@example.cn", cut.Find("[data-testid=reg-email]").GetAttribute("value"));
        var labels = cut.FindAll("label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Contains("职务/职称", labels);
        Assert.Contains("电话（选填）", labels);
    }

    private IRenderedComponent<RegistrationForm> RenderForm(RegistrationInput model, Func<RegistrationInput, Task<IReadOnlyList<RuleViolation>>> onSubmit) =>
        Render<RegistrationForm>(p => p
            .Add(x => x.Model, model)
            .Add(x => x.OnSubmit, input =>
            {
                submitted.Add(input);
                return onSubmit(input);
            }));

    private static void Click(IRenderedComponent<RegistrationForm> cut, string testId) => cut.Find($"[data-testid={testId}]").Click();

    /// <summary>The helper line MudBlazor shows under a field when it is in error, or null when the field is fine.</summary>
    private static string? ErrorTextNextTo(IRenderedComponent<RegistrationForm> cut, string testId) =>
        (cut.Find($"[data-testid={testId}]").Closest(".mud-input-control") ?? throw new InvalidOperationException(testId))
            .QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();
}
