using AngleSharp.Dom;
using Bunit;
using Events.Core.Attendees;
using Events.Core.Attendees.Forms;
using Events.Core.Validation;
using Events.Web.Components.Pages.Attendees;
using Events.Web.Tests.Infrastructure;

namespace Events.Web.Tests.Components.Attendees;

/// <summary>The registration form with categories and a 回执: live conditions, messages next to fields, nothing typed lost.</summary>
public class ReplyFormTests : ComponentTestBase
{
    private readonly List<RegistrationInput> submitted = [];

    /// <summary>住宿 yes/no; the hotel shows and is required only when it is wanted; a mobile and an employer always.</summary>
    private static ReplyFormDefinition Form() => new()
    {
        Fields =
        [
            new ReplyField { Key = "employer", Type = ReplyFieldType.Text, Label = "单位", LabelEn = "Employer", Help = "请填写全称", HelpEn = "Full name" },
            new ReplyField { Key = "mobile", Type = ReplyFieldType.Text, Label = "手机", LabelEn = "Mobile", Required = true, Format = ReplyFieldFormat.MainlandMobile },
            new ReplyField { Key = "lodging", Type = ReplyFieldType.YesNo, Label = "需要住宿", LabelEn = "Accommodation wanted" },
            new ReplyField
            {
                Key = "hotel_name", Type = ReplyFieldType.Text, Label = "酒店", LabelEn = "Hotel",
                ShowWhen = new ReplyCondition { FieldKey = "lodging", Values = ["true"] },
                RequireWhen = new ReplyCondition { FieldKey = "lodging", Values = ["true"] },
            },
            new ReplyField
            {
                Key = "diet", Type = ReplyFieldType.MultipleChoice, Label = "饮食", LabelEn = "Diet",
                Options = [new ReplyOption { Key = "halal", Label = "清真", LabelEn = "Halal" }, new ReplyOption { Key = "vegetarian", Label = "素食", LabelEn = "Vegetarian" }],
            },
        ],
    };

    private static RegistrationInput Filled() => new()
    {
        Name = "欧阳明月", Organization = "中国科学院高能物理研究所", Title = "研究员", Email = "ouyang@example.cn",
    };

    [Fact]
    public void Choosing_yes_shows_the_conditional_field_as_required_and_choosing_no_hides_it()
    {
        var cut = RenderForm(Filled(), Form(), []);
        Assert.Empty(cut.FindAll("[data-testid=reply-hotel_name]"));

        Choose(cut, "answer-lodging-true");

        cut.WaitForAssertion(() =>
        {
            var hotel = cut.Find("[data-testid=reply-hotel_name]");
            Assert.Equal("true", hotel.GetAttribute("data-required"));
            Assert.Contains("酒店 *", hotel.TextContent);
        });

        Choose(cut, "answer-lodging-false");
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=reply-hotel_name]")));
    }

    [Fact]
    public void Submit_with_a_bad_mobile_and_no_hotel_shows_each_Chinese_message_next_to_its_field_and_keeps_every_answer()
    {
        var model = Filled();
        var cut = RenderForm(model, Form(), []);
        Input(cut, "answer-employer", "中国科学院高能物理研究所加速器中心");
        Input(cut, "answer-mobile", "1381234567");
        Choose(cut, "answer-lodging-true");
        cut.WaitForAssertion(() => cut.Find("[data-testid=reply-hotel_name]"));

        cut.Find("[data-testid=reg-submit]").Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("手机号码格式不正确，应为 11 位中国大陆手机号，如 13812345678。", cut.Find("[data-testid=error-mobile]").TextContent.Trim());
            Assert.Equal("必填。", cut.Find("[data-testid=error-hotel_name]").TextContent.Trim());
        });
        Assert.Empty(cut.FindAll("[data-testid=error-employer]"));
        Assert.Empty(submitted);
        // Nothing typed is lost: the inputs still show it, and so does the model the page sends.
        Assert.Equal("中国科学院高能物理研究所加速器中心", InputOf(cut, "answer-employer").GetAttribute("value"));
        Assert.Equal("1381234567", InputOf(cut, "answer-mobile").GetAttribute("value"));
        Assert.Equal("欧阳明月", cut.Find("[data-testid=reg-name]").GetAttribute("value"));
        Assert.Equal("true", model.Answers["lodging"]);
        var summary = cut.Find("[data-testid=error-summary]").TextContent;
        Assert.Contains("手机：", summary);
        Assert.Contains("酒店：必填。", summary);
    }

    [Fact]
    public void Correcting_the_answers_sends_the_form_with_them_and_the_servers_refusals_show_at_their_fields()
    {
        var model = Filled();
        var cut = RenderForm(model, Form(), [], _ => [new RuleViolation("mobile", ReplyFormRules.MobileFormat), new RuleViolation("diet", ReplyFormRules.UnknownChoice)]);
        Input(cut, "answer-mobile", "138 1234 5678");
        Check(cut, "answer-diet-vegetarian");
        Check(cut, "answer-diet-halal");

        cut.Find("[data-testid=reg-submit]").Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("手机号码格式不正确", cut.Find("[data-testid=error-mobile]").TextContent);
            Assert.Equal("请从给出的选项中选择。", cut.Find("[data-testid=error-diet]").TextContent.Trim());
        });
        var sent = Assert.Single(submitted);
        Assert.Same(model, sent);
        Assert.Equal("138 1234 5678", sent.Answers["mobile"]);
        Assert.Equal("vegetarian|halal".Replace("|", RegistrationAnswer.ChoiceSeparator.ToString()), sent.Answers["diet"]);
        Assert.Equal("138 1234 5678", InputOf(cut, "answer-mobile").GetAttribute("value"));
    }

    [Fact]
    public void Categories_show_fee_early_bird_seats_waiting_and_approval_and_one_must_be_chosen()
    {
        var now = DateTimeOffset.UtcNow;
        RegistrationCategory[] categories =
        [
            new() { Id = 1, EventId = 1, Name = "正式代表", Fee = 1200m, EarlyBirdFee = 800m, EarlyBirdUntil = now.AddDays(10), Capacity = 300, SeatsTaken = 290 },
            new() { Id = 2, EventId = 1, Name = "学生", Fee = 600m, Capacity = 50, SeatsTaken = 50 },
            new() { Id = 3, EventId = 1, Name = "特邀嘉宾", RequiresApproval = true },
        ];
        var cut = RenderForm(Filled(), new ReplyFormDefinition(), categories);

        var first = cut.Find("[data-testid=category-1]").TextContent;
        Assert.Contains("早鸟价 800 元", first);
        Assert.Contains("之后 1,200 元", first);
        Assert.Contains("Asia/Shanghai", first);
        Assert.Contains("剩余名额 10 个", first);
        Assert.Contains("名额已满，可报名候补", cut.Find("[data-testid=category-2]").TextContent);
        Assert.Contains("费用：免费", cut.Find("[data-testid=category-3]").TextContent);
        Assert.Contains("需审核", cut.Find("[data-testid=category-3]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=category-1] [data-testid=category-approval]"));

        cut.Find("[data-testid=reg-submit]").Click();
        cut.WaitForAssertion(() => Assert.Equal("请选择报名类别。", cut.Find("[data-testid=error-category]").TextContent.Trim()));
        Assert.Empty(submitted);

        Choose(cut, "category-3", "input[type=radio]");
        cut.Find("[data-testid=reg-submit]").Click();
        cut.WaitForAssertion(() => Assert.Equal(3, Assert.Single(submitted).CategoryId));
    }

    [Fact]
    public void In_English_labels_help_and_messages_are_English()
    {
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en");
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("en");
        var cut = RenderForm(Filled(), Form(), []);

        Assert.Contains("Accommodation wanted", cut.Markup);
        Assert.Contains("Full name", cut.Markup);
        Input(cut, "answer-mobile", "12345");
        cut.Find("[data-testid=reg-submit]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Not a mainland China mobile number: 11 digits starting with 1, e.g. 13812345678.",
            cut.Find("[data-testid=error-mobile]").TextContent.Trim()));
    }

    [Fact]
    public void Initial_answers_fill_only_what_is_not_answered_yet()
    {
        var model = Filled();
        model.Answers["mobile"] = "13912345678";
        model.SetInitialAnswers([new("mobile", "13800000000"), new("employer", "清华大学")]);

        var cut = RenderForm(model, Form(), []);

        Assert.Equal("13912345678", InputOf(cut, "answer-mobile").GetAttribute("value"));
        Assert.Equal("清华大学", InputOf(cut, "answer-employer").GetAttribute("value"));
    }

    private IRenderedComponent<RegistrationForm> RenderForm(RegistrationInput model, ReplyFormDefinition form, IReadOnlyList<RegistrationCategory> categories,
        Func<RegistrationInput, IReadOnlyList<RuleViolation>>? server = null) =>
        Render<RegistrationForm>(p => p
            .Add(x => x.Model, model)
            .Add(x => x.Form, form)
            .Add(x => x.Categories, categories)
            .Add(x => x.TimeZoneId, "Asia/Shanghai")
            .Add(x => x.OnSubmit, input =>
            {
                submitted.Add(input);
                return Task.FromResult(server?.Invoke(input) ?? []);
            }));

    private static IElement InputOf(IRenderedComponent<RegistrationForm> cut, string testId, string selector = "input")
    {
        var marked = cut.Find($"[data-testid={testId}]");
        return marked.Matches(selector) ? marked : marked.QuerySelector(selector) ?? throw new InvalidOperationException($"No {selector} in {testId}.");
    }

    private static void Input(IRenderedComponent<RegistrationForm> cut, string testId, string value) => InputOf(cut, testId).Change(value);

    /// <summary>Picks a radio button (MudBlazor handles its click or its change, depending on the version).</summary>
    private static void Choose(IRenderedComponent<RegistrationForm> cut, string testId, string selector = "input")
    {
        var input = InputOf(cut, testId, selector);
        try
        {
            input.Click();
        }
        catch (MissingEventHandlerException)
        {
            input.Change(true);
        }
    }

    private static void Check(IRenderedComponent<RegistrationForm> cut, string testId) => InputOf(cut, testId).Change(true);
}
