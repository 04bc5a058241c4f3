using AngleSharp.Dom;
using Bunit;
using Events.Core.Events;
using Events.Core.Mail;
using Events.Infrastructure.Mail;
using Events.Web.Components.Pages.Mail;
using Events.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Events.Web.Tests.Components.Mail;

public class MailTemplateEditorTests : ComponentTestBase
{
    private const string DefaultStaffAddedSubject = "您已被添加为“{{eventTitle}}”的组织人员";
    private const string ValidBody = "{{name}}老师：\n\n欢迎加入“{{eventTitle}}”（{{eventDates}}）的会务组。\n\n请登录：{{manageLink}}";

    private readonly IRenderedComponent<MudPopoverProvider> popovers;
    private readonly int eventId;

    public MailTemplateEditorTests()
    {
        popovers = RenderPopoverProvider();
        using var db = CreateDbContext();
        var ev = new Event { Title = "第七届区域创新研讨会", Slug = "regional-innovation-7", StartDate = new DateOnly(2026, 5, 20), EndDate = new DateOnly(2026, 5, 21) };
        db.Events.Add(ev);
        db.SaveChanges();
        eventId = ev.Id;
    }

    private MailTemplateStore Store => Services.GetRequiredService<MailTemplateStore>();

    [Fact]
    public void Editor_when_the_event_has_no_override_then_shows_the_built_in_Chinese_StaffAdded_text_and_its_placeholder_chips()
    {
        var cut = RenderEditor();

        cut.WaitForAssertion(() => Assert.Equal(DefaultStaffAddedSubject, Subject(cut)));
        var body = Body(cut);
        Assert.StartsWith("{{name}}，您好：", body);
        Assert.Contains("您已被添加到“{{eventTitle}}”（{{eventDates}}）的组织人员名单", body);
        Assert.Contains("组织人员添加通知", cut.Find("[data-testid=template-key]").TextContent);
        Assert.Contains("中文", cut.Find("[data-testid=template-culture]").TextContent);
        Assert.Equal(
            ["{{name}}", "{{eventTitle}}", "{{eventDates}}", "{{eventLink}}", "{{manageLink}}"],
            cut.FindAll(".mud-chip").Select(c => c.TextContent.Trim()));
        Assert.Contains("当前为系统默认文本，保存后即成为本活动的自定义文本。", cut.Markup);
        Assert.DoesNotContain("本活动使用自定义文本。", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=template-error]"));
    }

    [Fact]
    public async Task Save_when_the_body_uses_an_unknown_placeholder_then_the_Chinese_error_names_it_and_nothing_is_saved()
    {
        var cut = RenderEditor();
        cut.WaitForAssertion(() => Assert.Equal(DefaultStaffAddedSubject, Subject(cut)));

        BodyField(cut).Input("{{name}}您好，请致电 {{speakerPhone}} 确认。");
        Click(cut, "template-save");

        cut.WaitForAssertion(() => Assert.Equal(
            "未保存：模板中有无法识别的占位符 {{speakerPhone}}。请只使用上方列出的占位符。",
            cut.Find("[data-testid=template-error]").TextContent.Trim()));
        Assert.Null(await Store.GetOverrideAsync(eventId, MailTemplateKeys.StaffAdded, "zh-CN"));
        Assert.DoesNotContain("本活动使用自定义文本。", cut.Markup);
        Assert.Equal("{{name}}您好，请致电 {{speakerPhone}} 确认。", Body(cut));
    }

    [Fact]
    public async Task Save_when_the_text_has_a_stray_double_brace_then_it_is_refused_and_nothing_is_saved()
    {
        var cut = RenderEditor();
        cut.WaitForAssertion(() => Assert.Equal(DefaultStaffAddedSubject, Subject(cut)));

        SubjectField(cut).Input("欢迎加入 {{eventTitle");
        Click(cut, "template-save");

        cut.WaitForAssertion(() => Assert.Equal(
            "未保存：模板中有无法识别的占位符 {{…}}。请只使用上方列出的占位符。",
            cut.Find("[data-testid=template-error]").TextContent.Trim()));
        Assert.Null(await Store.GetOverrideAsync(eventId, MailTemplateKeys.StaffAdded, "zh-CN"));
    }

    [Fact]
    public async Task Save_when_the_edit_is_valid_then_it_becomes_the_events_override_and_the_page_says_so()
    {
        var cut = RenderEditor();
        cut.WaitForAssertion(() => Assert.Equal(DefaultStaffAddedSubject, Subject(cut)));

        SubjectField(cut).Input("欢迎加入“{{eventTitle}}”会务组");
        BodyField(cut).Input(ValidBody);
        Click(cut, "template-save");

        cut.WaitForAssertion(() => Assert.Contains("本活动使用自定义文本。", cut.Markup));
        Assert.DoesNotContain("当前为系统默认文本", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=template-error]"));
        var own = await Store.GetOverrideAsync(eventId, MailTemplateKeys.StaffAdded, "zh-CN");
        Assert.NotNull(own);
        Assert.Equal("欢迎加入“{{eventTitle}}”会务组", own.Subject);
        Assert.Equal(ValidBody, own.Body);
        // The other language keeps the built-in text.
        Assert.Null(await Store.GetOverrideAsync(eventId, MailTemplateKeys.StaffAdded, "en"));
    }

    [Fact]
    public async Task Editor_when_the_event_already_has_an_override_then_loads_it_and_a_second_save_updates_it()
    {
        var saved = await Store.SaveOverrideAsync(TestActors.Admin, eventId, MailTemplateKeys.StaffAdded, "zh-CN",
            new MailTemplate("会务组通知：{{eventTitle}}", ValidBody), null);
        Assert.Equal(TemplateSaveOutcome.Saved, saved.Outcome);

        var cut = RenderEditor();
        cut.WaitForAssertion(() => Assert.Equal("会务组通知：{{eventTitle}}", Subject(cut)));
        Assert.Contains("本活动使用自定义文本。", cut.Markup);

        SubjectField(cut).Input("会务组再次通知：{{eventTitle}}");
        Click(cut, "template-save");

        cut.WaitForAssertion(() =>
        {
            using var db = CreateDbContext();
            var own = Assert.Single(db.MailTemplateOverrides.Where(o => o.EventId == eventId));
            Assert.Equal("会务组再次通知：{{eventTitle}}", own.Subject);
            Assert.NotEqual(saved.Stamp, own.ConcurrencyStamp);
        });
        Assert.Empty(cut.FindAll("[data-testid=conflict-alert]"));
    }

    [Fact]
    public async Task Save_when_clicked_twice_with_a_change_in_between_then_the_second_save_updates_without_a_conflict()
    {
        var cut = RenderEditor();
        cut.WaitForAssertion(() => Assert.Equal(DefaultStaffAddedSubject, Subject(cut)));
        BodyField(cut).Input(ValidBody);
        Click(cut, "template-save");
        cut.WaitForAssertion(() => Assert.Contains("本活动使用自定义文本。", cut.Markup));

        SubjectField(cut).Input("第二稿：{{eventTitle}}");
        Click(cut, "template-save");

        cut.WaitForAssertion(() =>
        {
            using var db = CreateDbContext();
            Assert.Equal("第二稿：{{eventTitle}}", Assert.Single(db.MailTemplateOverrides.Where(o => o.EventId == eventId)).Subject);
        });
        Assert.Empty(cut.FindAll("[data-testid=conflict-alert]"));
        Assert.Equal(ValidBody, (await Store.GetOverrideAsync(eventId, MailTemplateKeys.StaffAdded, "zh-CN"))?.Body);
    }

    [Fact]
    public void Editor_when_its_parameters_are_set_again_for_the_same_event_then_the_typed_text_is_kept()
    {
        var cut = RenderEditor();
        cut.WaitForAssertion(() => Assert.Equal(DefaultStaffAddedSubject, Subject(cut)));
        BodyField(cut).Input(ValidBody);

        // A parent re-render (or a cascading value changing) sets the parameters again; it must not reload over the edit.
        cut.Render(p => p.Add(x => x.EventId, eventId));

        cut.WaitForAssertion(() => Assert.Equal(ValidBody, Body(cut)));
        Assert.Contains("当前为系统默认文本", cut.Markup);
    }

    [Fact]
    public void Preview_when_clicked_then_sample_values_replace_every_placeholder_in_subject_and_body()
    {
        var cut = RenderEditor();
        cut.WaitForAssertion(() => Assert.Equal(DefaultStaffAddedSubject, Subject(cut)));
        Assert.Empty(cut.FindAll("[data-testid=template-preview-box]"));

        Click(cut, "template-preview");

        var box = cut.WaitForElement("[data-testid=template-preview-box]");
        var subject = box.QuerySelector("strong")!.TextContent;
        var body = box.QuerySelector("pre")!.TextContent;
        Assert.Equal("您已被添加为“第七届全国区域创新学术研讨会”的组织人员", subject);
        Assert.StartsWith("张三，您好：", body);
        Assert.Contains("（2023年7月29日—30日）", body);
        Assert.Contains("https://events.example.org/manage/events/1/edit", body);
        Assert.DoesNotContain("{{", subject + body);
        Assert.DoesNotContain("}}", subject + body);
    }

    [Fact]
    public void Preview_when_the_text_has_an_unknown_placeholder_then_shows_the_error_instead_of_a_preview()
    {
        var cut = RenderEditor();
        cut.WaitForAssertion(() => Assert.Equal(DefaultStaffAddedSubject, Subject(cut)));

        BodyField(cut).Input("{{name}}：{{speakerPhone}}");
        Click(cut, "template-preview");

        cut.WaitForAssertion(() => Assert.Contains("{{speakerPhone}}", cut.Find("[data-testid=template-error]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=template-preview-box]"));
    }

    [Fact]
    public async Task Save_when_SpeakerNotice_is_picked_then_a_placeholder_only_StaffAdded_has_is_refused()
    {
        var cut = RenderEditor();
        cut.WaitForAssertion(() => Assert.Equal(DefaultStaffAddedSubject, Subject(cut)));

        OpenSelect(cut, "template-key");
        popovers.WaitForElements(".mud-popover-open [role=option]").Single(o => o.TextContent.Trim() == "嘉宾通知").Click();
        cut.WaitForAssertion(() => Assert.Equal("关于“{{eventTitle}}”的通知", Subject(cut)));
        Assert.Contains("{{message}}", cut.FindAll(".mud-chip").Select(c => c.TextContent.Trim()));

        BodyField(cut).Input("{{name}}：{{message}}\n管理：{{manageLink}}");
        Click(cut, "template-save");

        cut.WaitForAssertion(() => Assert.Contains("{{manageLink}}", cut.Find("[data-testid=template-error]").TextContent));
        Assert.Null(await Store.GetOverrideAsync(eventId, MailTemplateKeys.SpeakerNotice, "zh-CN"));
    }

    private IRenderedComponent<MailTemplateEditor> RenderEditor() =>
        Render<MailTemplateEditor>(p => p.Add(x => x.EventId, eventId));

    private static IElement SubjectField(IRenderedComponent<MailTemplateEditor> cut) => cut.Find("[data-testid=template-subject]");

    private static IElement BodyField(IRenderedComponent<MailTemplateEditor> cut) => cut.Find("[data-testid=template-body]");

    private static string? Subject(IRenderedComponent<MailTemplateEditor> cut) => SubjectField(cut).GetAttribute("value");

    private static string Body(IRenderedComponent<MailTemplateEditor> cut)
    {
        var field = BodyField(cut);
        return field.GetAttribute("value") ?? field.TextContent;
    }

    private static void Click(IRenderedComponent<MailTemplateEditor> cut, string testId) => cut.Find($"[data-testid={testId}]").Click();

    private static void OpenSelect(IRenderedComponent<MailTemplateEditor> cut, string testId) =>
        (cut.Find($"[data-testid={testId}]").Closest(".mud-input-control")
            ?? throw new InvalidOperationException($"No MudBlazor input control around {testId}.")).MouseDown();
}
