using AngleSharp.Dom;
using Bunit;
using Events.Core.Common;
using Events.Core.Events;
using Events.Core.Validation;
using Events.Web.Components.Pages.Events;
using Events.Web.Tests.Infrastructure;
using MudBlazor;

namespace Events.Web.Tests.Components;

public class EventFormTests : ComponentTestBase
{
    private readonly IRenderedComponent<MudPopoverProvider> popovers;
    private readonly List<EventInput> submitted = [];

    public EventFormTests() => popovers = RenderPopoverProvider();

    [Fact]
    public void Save_when_the_core_rejects_an_empty_form_then_Chinese_messages_show_next_to_title_and_slug()
    {
        var model = new EventInput();
        var cut = RenderForm(model, input => Task.FromResult(SaveResult.Invalid(input.Validate())));
        Assert.Empty(cut.FindAll("[data-testid=form-errors]"));
        Assert.Null(ErrorTextNextTo(cut, "event-title"));

        Click(cut, "event-save");

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("请修正标出的错误后再保存。", cut.Find("[data-testid=form-errors]").TextContent.Trim());
            Assert.Equal("必填。", ErrorTextNextTo(cut, "event-title"));
            Assert.Equal("必填。", ErrorTextNextTo(cut, "event-slug"));
            Assert.Equal("必填。", ErrorTextNextTo(cut, "event-start"));
            Assert.Equal("true", cut.Find("[data-testid=event-title]").GetAttribute("aria-invalid"));
        });
        Assert.Same(model, Assert.Single(submitted));
    }

    [Fact]
    public void Save_when_the_slug_breaks_the_format_rule_then_only_the_slug_shows_the_format_message()
    {
        var cut = RenderForm(new EventInput
        {
            StartDate = new DateOnly(2026, 5, 20),
            EndDate = new DateOnly(2026, 5, 21),
        }, input => Task.FromResult(SaveResult.Invalid(input.Validate())));

        cut.Find("[data-testid=event-title]").Change("第七届区域创新研讨会");
        cut.Find("[data-testid=event-slug]").Change("Regional Symposium");
        Click(cut, "event-save");

        cut.WaitForAssertion(() => Assert.Equal("只能使用小写字母、数字和连字符。", ErrorTextNextTo(cut, "event-slug")));
        Assert.Null(ErrorTextNextTo(cut, "event-title"));
        var input = Assert.Single(submitted);
        Assert.Equal("第七届区域创新研讨会", input.Title);
        Assert.Equal("Regional Symposium", input.Slug);
    }

    [Fact]
    public void Save_when_someone_else_saved_first_then_the_conflict_alert_shows_and_the_typed_title_stays()
    {
        var model = new EventInput { Title = "区域创新研讨会" };
        var cut = RenderForm(model, _ => Task.FromResult(SaveResult.Conflict));
        Assert.Empty(cut.FindAll("[data-testid=conflict-alert]"));

        cut.Find("[data-testid=event-title]").Change("第七届区域创新研讨会（修订）");
        Click(cut, "event-save");

        cut.WaitForAssertion(() => Assert.Contains("其他人已修改并保存了此记录", cut.Find("[data-testid=conflict-alert]").TextContent));
        Assert.Equal("第七届区域创新研讨会（修订）", cut.Find("[data-testid=event-title]").GetAttribute("value"));
        Assert.Equal("第七届区域创新研讨会（修订）", model.Title);
        Assert.Empty(cut.FindAll("[data-testid=form-errors]"));
    }

    [Fact]
    public void Conflict_alert_when_reload_is_clicked_then_OnReload_is_invoked()
    {
        var reloads = 0;
        var cut = Render<EventForm>(p => p
            .Add(x => x.Model, new EventInput())
            .Add(x => x.OnSubmit, _ => Task.FromResult(SaveResult.Conflict))
            .Add(x => x.OnReload, () => reloads++));
        Click(cut, "event-save");

        cut.WaitForElement("[data-testid=conflict-alert] button").Click();

        Assert.Equal(1, reloads);
    }

    [Fact]
    public void Save_when_the_result_is_saved_then_OnSaved_gets_the_id()
    {
        int? savedId = null;
        var cut = RenderForm(new EventInput(), _ => Task.FromResult(SaveResult.Saved(42)), id => savedId = id);

        Click(cut, "event-save");

        cut.WaitForAssertion(() => Assert.Equal(42, savedId));
        Assert.Empty(cut.FindAll("[data-testid=form-errors]"));
        Assert.Empty(cut.FindAll("[data-testid=conflict-alert]"));
    }

    [Fact]
    public void Save_when_a_rejected_form_is_fixed_and_saved_then_the_error_messages_go_away()
    {
        var results = new Queue<SaveResult>([
            SaveResult.Invalid([new RuleViolation(nameof(EventInput.Slug), "SlugTaken")]),
            SaveResult.Saved(7),
        ]);
        var cut = RenderForm(new EventInput(), _ => Task.FromResult(results.Dequeue()));
        Click(cut, "event-save");
        cut.WaitForAssertion(() => Assert.Equal("该网址标识已被其他活动使用。", ErrorTextNextTo(cut, "event-slug")));

        Click(cut, "event-save");

        cut.WaitForAssertion(() =>
        {
            Assert.Null(ErrorTextNextTo(cut, "event-slug"));
            Assert.Empty(cut.FindAll("[data-testid=form-errors]"));
        });
    }

    [Fact]
    public void Save_when_the_event_no_longer_exists_then_the_title_says_it_was_deleted()
    {
        var cut = RenderForm(new EventInput { Id = 5 }, _ => Task.FromResult(SaveResult.NotFound));

        Click(cut, "event-save");

        cut.WaitForAssertion(() => Assert.Equal("该记录已被删除。", ErrorTextNextTo(cut, "event-title")));
    }

    [Fact]
    public void Save_when_units_repeat_then_the_units_section_shows_the_duplicate_message()
    {
        var model = new EventInput();
        var cut = RenderForm(model, input => Task.FromResult(SaveResult.Invalid(input.Validate())));
        model.Units[OrganizerRole.Host].AddRange([3, 3]);

        Click(cut, "event-save");

        cut.WaitForAssertion(() => Assert.Contains("同一单位在同一角色中重复。", cut.Markup));
    }

    [Fact]
    public async Task Save_button_while_the_save_is_running_then_is_disabled_until_it_finishes()
    {
        var pending = new TaskCompletionSource<SaveResult>();
        int? savedId = null;
        var cut = RenderForm(new EventInput(), _ => pending.Task, id => savedId = id);

        Click(cut, "event-save");

        Assert.True(cut.Find("[data-testid=event-save]").HasAttribute("disabled"));
        Assert.Null(savedId);

        await cut.InvokeAsync(() => pending.SetResult(SaveResult.Saved(3)));

        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=event-save]").HasAttribute("disabled")));
        Assert.Equal(3, savedId);
        Assert.Single(submitted);
    }

    [Fact]
    public void Kind_select_when_opened_then_lists_every_event_kind_by_its_Chinese_label()
    {
        var model = new EventInput();
        var cut = RenderForm(model, _ => Task.FromResult(SaveResult.Saved(1)));
        Assert.Equal("学术研讨会", cut.Find("[data-testid=event-kind]").TextContent.Trim());

        OpenSelect(cut, "event-kind");

        var options = popovers.WaitForElements(".mud-popover-open [role=option]");
        Assert.Equal(["学术研讨会", "论坛", "分论坛", "沙龙", "工作坊"], options.Select(o => o.TextContent.Trim()));
    }

    [Fact]
    public void Kind_select_when_a_Chinese_label_is_picked_then_the_model_gets_that_kind()
    {
        var model = new EventInput();
        var cut = RenderForm(model, _ => Task.FromResult(SaveResult.Saved(1)));
        OpenSelect(cut, "event-kind");

        popovers.WaitForElements(".mud-popover-open [role=option]").Single(o => o.TextContent.Trim() == "分论坛").Click();

        cut.WaitForAssertion(() => Assert.Equal(EventKind.SubForum, model.Kind));
        cut.WaitForAssertion(() => Assert.Equal("分论坛", cut.Find("[data-testid=event-kind]").TextContent.Trim()));
    }

    [Fact]
    public void Status_select_when_opened_then_lists_the_statuses_in_Chinese()
    {
        var cut = RenderForm(new EventInput(), _ => Task.FromResult(SaveResult.Saved(1)));

        OpenSelect(cut, "event-status");

        var options = popovers.WaitForElements(".mud-popover-open [role=option]");
        Assert.Equal(["草稿", "已发布", "已归档"], options.Select(o => o.TextContent.Trim()));
    }

    [Fact]
    public void Form_when_rendered_then_has_one_Chinese_unit_list_per_organizer_role_in_printed_order()
    {
        var cut = RenderForm(new EventInput(), _ => Task.FromResult(SaveResult.Saved(1)));

        var headings = cut.FindAll("[data-testid^=units-] h3").Select(h => h.TextContent.Trim());

        Assert.Equal(["指导单位", "主办单位", "承办单位", "协办单位", "支持单位"], headings);
    }

    [Fact]
    public void Title_when_typed_and_then_cleared_then_the_required_message_is_Chinese()
    {
        var cut = RenderForm(new EventInput(), _ => Task.FromResult(SaveResult.Saved(1)));

        cut.Find("[data-testid=event-title]").Change("x");
        cut.Find("[data-testid=event-title]").Change("");
        cut.Find("[data-testid=event-title]").Blur();

        cut.WaitForAssertion(() => Assert.Equal("必填。", ErrorTextNextTo(cut, "event-title")));
    }

    private IRenderedComponent<EventForm> RenderForm(EventInput model, Func<EventInput, Task<SaveResult>> onSubmit, Action<int>? onSaved = null) =>
        Render<EventForm>(p =>
        {
            p.Add(x => x.Model, model);
            p.Add(x => x.OnSubmit, input =>
            {
                submitted.Add(input);
                return onSubmit(input);
            });
            if (onSaved is not null) p.Add(x => x.OnSaved, onSaved);
        });

    private static void Click(IRenderedComponent<EventForm> cut, string testId) => cut.Find($"[data-testid={testId}]").Click();

    private static void OpenSelect(IRenderedComponent<EventForm> cut, string testId) =>
        InputControl(cut, testId).MouseDown();

    private static IElement InputControl(IRenderedComponent<EventForm> cut, string testId) =>
        cut.Find($"[data-testid={testId}]").Closest(".mud-input-control")
        ?? throw new InvalidOperationException($"No MudBlazor input control around {testId}.");

    /// <summary>The helper line MudBlazor shows under a field when it is in error, or null when the field is fine.</summary>
    private static string? ErrorTextNextTo(IRenderedComponent<EventForm> cut, string testId) =>
        InputControl(cut, testId).QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();
}
