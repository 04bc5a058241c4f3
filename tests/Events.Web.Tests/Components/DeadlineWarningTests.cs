using Bunit;
using Events.Core.Attendees;
using Events.Core.Events;
using Events.Core.Papers;
using Events.Web.Components.Pages.Attendees;
using Events.Web.Components.Pages.Papers;
using Events.Web.Tests.Infrastructure;
using MudBlazor;

namespace Events.Web.Tests.Components;

/// <summary>Deadlines after the event's last day are kept, and the forms say which ones look like a slip.</summary>
public class DeadlineWarningTests : ComponentTestBase
{
    private readonly int eventId;
    private readonly DateOnly lastDay = new(2099, 5, 2);

    public DeadlineWarningTests()
    {
        RenderPopoverProvider();
        Render<MudSnackbarProvider>();
        using var db = CreateDbContext();
        var ev = new Event { Slug = "deadline-warning-test", Title = "日期检查测试会", StartDate = new DateOnly(2099, 5, 1), EndDate = lastDay };
        db.Events.Add(ev);
        db.SaveChanges();
        eventId = ev.Id;
    }

    private static DateTimeOffset Local(DateOnly day) => new(day.ToDateTime(new TimeOnly(23, 59)), TimeSpan.FromHours(8));

    [Fact]
    public void The_call_form_names_the_deadlines_after_the_event_and_only_those()
    {
        using (var db = CreateDbContext())
        {
            db.CallsForPapers.Add(new CallForPapers
            {
                EventId = eventId,
                SubmissionDeadline = Local(new DateOnly(2099, 3, 1)),
                ReviewDeadline = Local(lastDay.AddDays(3)),
                NotificationDate = Local(lastDay),
                CameraReadyDeadline = Local(lastDay.AddDays(30)),
            });
            db.SaveChanges();
        }

        var cut = Render<CallSettings>(p => p.Add(x => x.EventId, eventId));

        var warning = cut.WaitForElement("[data-testid=deadlines-after-event]").TextContent;
        Assert.Contains("晚于活动结束日（2099-05-02）", warning, StringComparison.Ordinal);
        Assert.Contains("评审截止、终稿截止", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("投稿截止", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void The_call_form_says_nothing_when_every_deadline_is_within_the_event()
    {
        var cut = Render<CallSettings>(p => p.Add(x => x.EventId, eventId));

        cut.WaitForElement("[data-testid=call-save]");
        Assert.Empty(cut.FindAll("[data-testid=deadlines-after-event]"));
    }

    [Fact]
    public void The_registration_form_warns_about_a_closing_date_after_the_event()
    {
        using (var db = CreateDbContext())
        {
            db.RegistrationSettings.Add(new RegistrationSettings { EventId = eventId, IsOpen = true, ClosesAt = Local(lastDay.AddDays(1)) });
            db.SaveChanges();
        }

        var cut = Render<RegistrationSettingsForm>(p => p.Add(x => x.EventId, eventId));

        Assert.Contains("报名截止日期晚于活动结束日（2099-05-02）", cut.WaitForElement("[data-testid=closes-after-event]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_registration_form_says_nothing_about_a_closing_date_on_the_last_day()
    {
        using (var db = CreateDbContext())
        {
            db.RegistrationSettings.Add(new RegistrationSettings { EventId = eventId, IsOpen = true, ClosesAt = Local(lastDay) });
            db.SaveChanges();
        }

        var cut = Render<RegistrationSettingsForm>(p => p.Add(x => x.EventId, eventId));

        cut.WaitForElement("[data-testid=settings-save]");
        Assert.Empty(cut.FindAll("[data-testid=closes-after-event]"));
    }
}
