using AngleSharp.Dom;
using Bunit;
using Events.Core.Events;
using Events.Core.Mail;
using Events.Core.People;
using Events.Infrastructure.Mail;
using Events.Web.Components.Pages.Mail;
using Events.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Events.Web.Tests.Components.Mail;

public class EventOutboxTests : ComponentTestBase
{
    private readonly IRenderedComponent<MudPopoverProvider> popovers;
    private readonly int eventId;
    private readonly int otherEventId;

    public EventOutboxTests()
    {
        popovers = RenderPopoverProvider();
        using var db = CreateDbContext();
        var ev = new Event { Title = "第七届区域创新研讨会", Slug = "regional-innovation-7", StartDate = new DateOnly(2026, 5, 20), EndDate = new DateOnly(2026, 5, 21) };
        var other = new Event { Title = "智慧城市论坛", Slug = "smart-city-forum", StartDate = new DateOnly(2026, 6, 1), EndDate = new DateOnly(2026, 6, 1) };
        db.Events.AddRange(ev, other);
        db.SaveChanges();
        eventId = ev.Id;
        otherEventId = other.Id;
    }

    [Fact]
    public void Outbox_when_opened_then_lists_only_this_events_mail_newest_first_with_Chinese_state_labels()
    {
        var first = Enqueue(eventId, "第一封");
        Enqueue(otherEventId, "别的活动的邮件");
        var second = Enqueue(eventId, "第二封");
        Enqueue(eventId, "第三封");
        SetState(first, OutboxState.Sent);
        SetState(second, OutboxState.Failed, attempts: 6, lastError: "550 mailbox unavailable");

        var cut = RenderOutbox();

        cut.WaitForAssertion(() => Assert.Equal(
            [SubjectFor("第三封"), SubjectFor("第二封"), SubjectFor("第一封")],
            Rows(cut).Select(SubjectOf)));
        Assert.Equal(["待发送", "发送失败", "已发送"], Rows(cut).Select(StateOf));
        Assert.DoesNotContain("别的活动的邮件", cut.Markup);
        Assert.Contains("550 mailbox unavailable", Row(cut, "第二封").TextContent);
        Assert.Contains("张三 <zhangsan@example.org>", Row(cut, "第三封").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=held-batch]"));
    }

    [Fact]
    public void Outbox_when_the_event_has_no_mail_then_says_so_in_Chinese()
    {
        Enqueue(otherEventId, "别的活动的邮件");

        var cut = RenderOutbox();

        cut.WaitForAssertion(() => Assert.Contains("没有邮件。", cut.Markup));
        Assert.Empty(Rows(cut));
    }

    [Fact]
    public void State_filter_when_Failed_is_picked_then_only_failed_mail_is_listed()
    {
        var failed = Enqueue(eventId, "失败的邮件");
        var sent = Enqueue(eventId, "已发的邮件");
        Enqueue(eventId, "待发的邮件");
        SetState(failed, OutboxState.Failed, attempts: 6, lastError: "timeout");
        SetState(sent, OutboxState.Sent);
        var cut = RenderOutbox();
        cut.WaitForAssertion(() => Assert.Equal(3, Rows(cut).Count));

        OpenSelect(cut, "state-filter");
        var options = popovers.WaitForElements(".mud-popover-open [role=option]");
        Assert.Equal(["待审核", "待发送", "发送中", "已发送", "发送失败", "已取消"], options.Select(o => o.TextContent.Trim()));
        options.Single(o => o.TextContent.Trim() == "发送失败").Click();

        cut.WaitForAssertion(() => Assert.Equal([SubjectFor("失败的邮件")], Rows(cut).Select(SubjectOf)));
        Assert.Equal("发送失败", StateOf(Rows(cut)[0]));
        Assert.Contains("发送失败", cut.Find("[data-testid=state-filter]").TextContent);
    }

    [Fact]
    public void Retry_when_clicked_on_a_failed_message_then_it_is_pending_again_with_no_attempts()
    {
        var failed = Enqueue(eventId, "失败的邮件");
        var pending = Enqueue(eventId, "待发的邮件");
        SetState(failed, OutboxState.Failed, attempts: 6, lastError: "550 mailbox unavailable", nextAttempt: DateTimeOffset.UtcNow.AddHours(1));
        var cut = RenderOutbox();
        cut.WaitForAssertion(() => Assert.Equal(2, Rows(cut).Count));
        Assert.Single(cut.FindAll("[data-testid=retry]"));
        Assert.Empty(Row(cut, "待发的邮件").QuerySelectorAll("[data-testid=retry]"));

        Row(cut, "失败的邮件").QuerySelector("[data-testid=retry]")!.Click();

        cut.WaitForAssertion(() => Assert.Equal("待发送", StateOf(Row(cut, "失败的邮件"))));
        Assert.Empty(cut.FindAll("[data-testid=retry]"));
        using var db = CreateDbContext();
        var message = db.OutboxMessages.Single(m => m.Id == failed);
        Assert.Equal(OutboxState.Pending, message.State);
        Assert.Equal(0, message.Attempts);
        Assert.True(message.NextAttemptAt <= DateTimeOffset.UtcNow, "a retried message is due at once");
        Assert.Equal(OutboxState.Pending, db.OutboxMessages.Single(m => m.Id == pending).State);
    }

    [Fact]
    public void Cancel_when_clicked_on_a_pending_message_then_only_that_message_is_cancelled()
    {
        var keep = Enqueue(eventId, "保留的邮件");
        var drop = Enqueue(eventId, "取消的邮件");
        var cut = RenderOutbox();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=cancel]").Count));

        Row(cut, "取消的邮件").QuerySelector("[data-testid=cancel]")!.Click();

        cut.WaitForAssertion(() => Assert.Equal("已取消", StateOf(Row(cut, "取消的邮件"))));
        Assert.Empty(Row(cut, "取消的邮件").QuerySelectorAll("[data-testid=cancel]"));
        Assert.Equal("待发送", StateOf(Row(cut, "保留的邮件")));
        using var db = CreateDbContext();
        Assert.Equal(OutboxState.Cancelled, db.OutboxMessages.Single(m => m.Id == drop).State);
        Assert.Equal(OutboxState.Pending, db.OutboxMessages.Single(m => m.Id == keep).State);
    }

    [Fact]
    public async Task Release_when_clicked_on_a_held_speaker_notice_batch_then_all_its_mail_is_pending_and_other_events_mail_is_untouched()
    {
        AddParticipants(eventId, ("张三", "zhangsan@example.org"), ("李四", "lisi@example.org"), ("王五", "wangwu@example.org"), ("赵六", null));
        var result = await Services.GetRequiredService<SpeakerNotices>().QueueAsync(TestActors.Admin, eventId, "会议地点改为二号楼报告厅。");
        Assert.NotNull(result);
        Assert.Equal(3, result.Queued);
        // Another event's held mail, even in a batch with the same id, is not this page's to release.
        long otherHeld;
        await using (var db = CreateDbContext())
        {
            var message = await Outbox.EnqueueAsync(db, MailTemplateKeys.SpeakerNotice, new MailRecipient("qianqi@example.org", "钱七"),
                SpeakerNoticeValues("别的活动"), otherEventId, heldBatch: result.BatchId);
            await db.SaveChangesAsync();
            otherHeld = message.Id;
        }
        var cut = RenderOutbox();
        var batch = cut.WaitForElement("[data-testid=held-batch]");
        Assert.Single(cut.FindAll("[data-testid=held-batch]"));
        Assert.Contains("嘉宾通知：3 封，尚未发出", batch.TextContent);
        cut.WaitForAssertion(() => Assert.Equal(["待审核", "待审核", "待审核"], Rows(cut).Select(StateOf)));

        cut.Find("[data-testid=release-batch]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=held-batch]")));
        cut.WaitForAssertion(() => Assert.Equal(["待发送", "待发送", "待发送"], Rows(cut).Select(StateOf)));
        await using (var db = CreateDbContext())
        {
            Assert.All(db.OutboxMessages.Where(m => m.EventId == eventId).ToList(), m =>
            {
                Assert.Equal(result.BatchId, m.BatchId);
                Assert.Equal(OutboxState.Pending, m.State);
            });
            Assert.Equal(3, db.OutboxMessages.Count(m => m.EventId == eventId));
            Assert.Equal(OutboxState.Held, db.OutboxMessages.Single(m => m.Id == otherHeld).State);
        }
    }

    [Fact]
    public void Held_batches_when_two_are_waiting_then_each_is_listed_with_its_own_count_and_release_touches_only_one()
    {
        var older = Guid.NewGuid();
        var newer = Guid.NewGuid();
        var olderIds = Enumerable.Range(1, 2).Select(i => EnqueueHeld(eventId, older, $"旧批{i}")).ToList();
        var newerIds = Enumerable.Range(1, 4).Select(i => EnqueueHeld(eventId, newer, $"新批{i}")).ToList();
        var cut = RenderOutbox();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=held-batch]").Count));
        var summaries = cut.FindAll("[data-testid=held-batch]").Select(b => b.TextContent).ToList();
        Assert.Single(summaries, s => s.Contains("嘉宾通知：2 封", StringComparison.Ordinal));
        Assert.Single(summaries, s => s.Contains("嘉宾通知：4 封", StringComparison.Ordinal));

        cut.FindAll("[data-testid=held-batch]").Single(b => b.TextContent.Contains("4 封", StringComparison.Ordinal))
            .QuerySelector("[data-testid=release-batch]")!.Click();

        cut.WaitForAssertion(() => Assert.Contains("嘉宾通知：2 封", Assert.Single(cut.FindAll("[data-testid=held-batch]")).TextContent));
        using var db = CreateDbContext();
        Assert.All(newerIds, id => Assert.Equal(OutboxState.Pending, db.OutboxMessages.Single(m => m.Id == id).State));
        Assert.All(olderIds, id => Assert.Equal(OutboxState.Held, db.OutboxMessages.Single(m => m.Id == id).State));
    }

    [Fact]
    public async Task Outbox_when_mail_is_queued_or_changed_elsewhere_then_the_open_page_shows_it_without_being_asked()
    {
        var cut = RenderOutbox();
        cut.WaitForAssertion(() => Assert.Contains("没有邮件。", cut.Markup));

        // Queued by another feature, in its own context and transaction: the save tells the page.
        var queued = Enqueue(eventId, "新排队的邮件");
        Enqueue(otherEventId, "别的活动的邮件");
        cut.WaitForAssertion(() => Assert.Equal([SubjectFor("新排队的邮件")], Rows(cut).Select(SubjectOf)));
        Assert.Equal("待发送", StateOf(Rows(cut)[0]));

        // Cancelled by another organizer on their own page.
        Assert.True(await Services.GetRequiredService<OutboxAdmin>().CancelAsync(TestActors.Admin, eventId, queued));
        cut.WaitForAssertion(() => Assert.Equal("已取消", StateOf(Row(cut, "新排队的邮件"))));
        Assert.DoesNotContain("别的活动的邮件", cut.Markup);
    }

    [Fact]
    public void Subject_when_clicked_then_the_full_message_is_shown_below_the_list()
    {
        Enqueue(eventId, "第一封");
        var cut = RenderOutbox();
        cut.WaitForAssertion(() => Assert.Single(Rows(cut)));
        Assert.Empty(cut.FindAll("[data-testid=mail-view]"));

        Row(cut, "第一封").QuerySelector("a, .mud-link")!.Click();

        var view = cut.WaitForElement("[data-testid=mail-view]");
        Assert.Contains(SubjectFor("第一封"), view.TextContent);
        Assert.Contains("张三 <zhangsan@example.org>", view.TextContent);
        Assert.Contains("张三，您好：", view.QuerySelector("pre")!.TextContent);
        Assert.Contains("https://events.test/manage/events/", view.QuerySelector("pre")!.TextContent);
    }

    [Fact]
    public void A_message_to_several_people_shows_the_first_and_how_many_in_all_and_every_recipient_on_a_click()
    {
        var id = Enqueue(eventId, "给作者们的信");
        using (var db = CreateDbContext())
        {
            var message = Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.Include(db.OutboxMessages, m => m.Recipients).Single(m => m.Id == id);
            message.Recipients.Add(new OutboxRecipient { Address = "lisi@example.org", DisplayName = "李四" });
            message.Recipients.Add(new OutboxRecipient { Address = "wangwu@example.org" });
            db.SaveChanges();
        }
        Enqueue(eventId, "只给一人的信");
        var cut = RenderOutbox();
        cut.WaitForAssertion(() => Assert.Equal(2, Rows(cut).Count));

        var several = Row(cut, "给作者们的信").QuerySelector("[data-testid=mail-to]")!;
        Assert.Contains("张三 <zhangsan@example.org>", several.TextContent);
        Assert.Equal("等 3 人（展开）", several.QuerySelector("[data-testid=mail-to-more]")!.TextContent.Trim());
        Assert.DoesNotContain("李四", several.TextContent);
        Assert.Null(Row(cut, "只给一人的信").QuerySelector("[data-testid=mail-to-more]"));

        several.QuerySelector("[data-testid=mail-to-more]")!.Click();

        cut.WaitForAssertion(() => Assert.Equal(
            ["张三 <zhangsan@example.org>", "李四 <lisi@example.org>", "wangwu@example.org"],
            Row(cut, "给作者们的信").QuerySelectorAll("[data-testid=mail-to] span").Select(e => e.TextContent.Trim())));
    }

    private Outbox Outbox => Services.GetRequiredService<Outbox>();

    private IRenderedComponent<EventOutbox> RenderOutbox() => Render<EventOutbox>(p => p.Add(x => x.EventId, eventId));

    /// <summary>The subject the built-in Chinese StaffAdded template gives for an event title.</summary>
    private static string SubjectFor(string title) => $"您已被添加为“{title}”的组织人员";

    /// <summary>Queues a StaffAdded mail through the real outbox; the title is put in the subject so rows can be told apart.</summary>
    private long Enqueue(int forEvent, string title)
    {
        using var db = CreateDbContext();
        var message = Outbox.EnqueueAsync(db, MailTemplateKeys.StaffAdded, new MailRecipient("zhangsan@example.org", "张三"),
            new Dictionary<string, string>
            {
                ["name"] = "张三",
                ["eventTitle"] = title,
                ["eventDates"] = "2026年5月20日—21日",
                ["eventLink"] = Outbox.Options.Link($"/events/{forEvent}"),
                ["manageLink"] = Outbox.Options.Link($"/manage/events/{forEvent}/edit"),
            }, forEvent).GetAwaiter().GetResult();
        db.SaveChanges();
        return message.Id;
    }

    private long EnqueueHeld(int forEvent, Guid batch, string name)
    {
        using var db = CreateDbContext();
        var message = Outbox.EnqueueAsync(db, MailTemplateKeys.SpeakerNotice, new MailRecipient($"{Guid.NewGuid():N}@example.org", name),
            SpeakerNoticeValues(name), forEvent, heldBatch: batch).GetAwaiter().GetResult();
        db.SaveChanges();
        return message.Id;
    }

    private static Dictionary<string, string> SpeakerNoticeValues(string name) => new()
    {
        ["name"] = name,
        ["eventTitle"] = "第七届区域创新研讨会",
        ["eventDates"] = "2026年5月20日—21日",
        ["eventLink"] = "https://events.test/events/regional-innovation-7",
        ["message"] = "会议地点改为二号楼报告厅。",
    };

    private void SetState(long id, OutboxState state, int attempts = 1, string? lastError = null, DateTimeOffset? nextAttempt = null)
    {
        using var db = CreateDbContext();
        var message = db.OutboxMessages.Single(m => m.Id == id);
        message.State = state;
        message.Attempts = attempts;
        message.LastError = lastError;
        if (nextAttempt is { } next) message.NextAttemptAt = next;
        if (state == OutboxState.Sent) message.SentAt = DateTimeOffset.UtcNow;
        db.SaveChanges();
    }

    private void AddParticipants(int forEvent, params (string Name, string? Email)[] people)
    {
        using var db = CreateDbContext();
        foreach (var (name, email) in people)
        {
            db.EventParticipants.Add(new EventParticipant { EventId = forEvent, Person = new Person { Name = name, Email = email }, Role = ParticipantRole.Speaker });
        }
        db.SaveChanges();
    }

    /// <summary>The table's message rows (not the "no mail" row).</summary>
    private static List<IElement> Rows(IRenderedComponent<EventOutbox> cut) =>
        cut.FindAll("tbody tr").Where(r => r.QuerySelector("[data-testid=mail-state]") is not null).ToList();

    private static IElement Row(IRenderedComponent<EventOutbox> cut, string title) =>
        Rows(cut).Single(r => SubjectOf(r) == SubjectFor(title));

    private static string SubjectOf(IElement row) => row.QuerySelector("td")!.TextContent.Trim();

    /// <summary>The state label alone, without the error caption shown under it.</summary>
    private static string StateOf(IElement row) =>
        row.QuerySelector("[data-testid=mail-state]")!.ChildNodes
            .Where(n => n.NodeType == NodeType.Text).Select(n => n.TextContent.Trim()).First(t => t.Length > 0);

    private static void OpenSelect(IRenderedComponent<EventOutbox> cut, string testId) =>
        (cut.Find($"[data-testid={testId}]").Closest(".mud-input-control")
            ?? throw new InvalidOperationException($"No MudBlazor input control around {testId}.")).MouseDown();
}
