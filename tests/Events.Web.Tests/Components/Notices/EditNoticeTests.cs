using Bunit;
using Events.Core.Attendees;
using Events.Core.Attendees.Notices;
using Events.Core.Events;
using Events.Web.Components.Pages.Notices;
using Events.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.Web.Tests.Components.Notices;

public class EditNoticeTests : ComponentTestBase
{
    private int SeedEvent()
    {
        using var db = CreateDbContext();
        var ev = new Event { Slug = "notice-test", Title = "通知测试会", StartDate = new DateOnly(2099, 5, 10), EndDate = new DateOnly(2099, 5, 11), Status = EventStatus.Published };
        db.Events.Add(ev);
        db.SaveChanges();
        return ev.Id;
    }

    [Fact]
    public void A_new_notice_proposes_the_next_round_and_an_empty_title_is_refused_with_nothing_saved()
    {
        var eventId = SeedEvent();
        using (var db = CreateDbContext())
        {
            db.EventNotices.Add(new EventNotice { EventId = eventId, Number = 1, Title = "第一轮", Body = "x", NoticeDate = new DateOnly(2099, 1, 1) });
            db.SaveChanges();
        }
        var cut = Render<EditNotice>(p => p.Add(c => c.EventId, eventId));

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("input[data-testid=notice-number], [data-testid=notice-number] input").GetAttribute("value")));
        Assert.Contains("第二轮通知", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("必填。", cut.Markup, StringComparison.Ordinal);
        cut.Find("[data-testid=notice-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("必填。", cut.Markup, StringComparison.Ordinal));
        using var check = CreateDbContext();
        Assert.Equal(1, check.EventNotices.Count(n => n.EventId == eventId));
    }

    [Fact]
    public void A_released_notice_is_read_only_and_shows_the_recipient_count_of_the_chosen_segment()
    {
        var eventId = SeedEvent();
        int noticeId;
        using (var db = CreateDbContext())
        {
            db.Users.Add(new Events.Infrastructure.Identity.AppUser { Id = "r1", UserName = "r1@example.cn", Email = "r1@example.cn" });
            db.Registrations.Add(new Registration
            {
                EventId = eventId, UserId = "r1", Name = "甲", Organization = "某大学", Title = "教授", Email = "r1@example.cn", RegisteredAt = DateTimeOffset.UtcNow,
            });
            var n = new EventNotice { EventId = eventId, Number = 2, Title = "第二轮通知", Body = "## 一、费用\n\n800 元。", NoticeDate = new DateOnly(2099, 3, 1), ReleasedAt = DateTimeOffset.UtcNow };
            db.EventNotices.Add(n);
            db.SaveChanges();
            noticeId = n.Id;
        }
        var cut = Render<EditNotice>(p => p.Add(c => c.EventId, eventId).Add(c => c.NoticeId, noticeId));

        cut.WaitForAssertion(() => Assert.Contains("收件人：1 人", cut.Find("[data-testid=notice-recipients]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=notice-save]"));
        Assert.Contains("一、费用", cut.Find("[data-testid=notice-preview]").TextContent, StringComparison.Ordinal);
        using var db2 = CreateDbContext();
        Assert.Equal(0, db2.OutboxMessages.AsNoTracking().Count());
    }

    [Fact]
    public void In_english_the_preview_prints_the_round_and_the_date_in_english()
    {
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en");
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("en");
        var eventId = SeedEvent();
        int noticeId;
        using (var db = CreateDbContext())
        {
            var n = new EventNotice { EventId = eventId, Number = 1, Title = "第一轮通知", Body = "征文。", NoticeDate = new DateOnly(2099, 3, 1) };
            db.EventNotices.Add(n);
            db.SaveChanges();
            noticeId = n.Id;
        }
        var cut = Render<EditNotice>(p => p.Add(c => c.EventId, eventId).Add(c => c.NoticeId, noticeId));

        cut.WaitForAssertion(() => Assert.Equal("First notice", cut.Find("[data-testid=notice-preview] [data-testid=notice-round]").TextContent.Trim()));
        Assert.Equal("March 1, 2099", cut.Find("[data-testid=notice-preview] [data-testid=notice-date]").TextContent.Trim());
        Assert.DoesNotContain("轮通知", cut.Find("[data-testid=notice-preview] [data-testid=notice-round]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("2099年", cut.Find("[data-testid=notice-preview]").TextContent, StringComparison.Ordinal);
    }
}
