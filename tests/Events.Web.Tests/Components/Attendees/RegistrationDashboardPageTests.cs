using Bunit;
using Events.Core.Attendees;
using Events.Core.Attendees.Forms;
using Events.Core.Events;
using Events.Web.Components.Pages.Attendees;
using Events.Web.Tests.Infrastructure;

namespace Events.Web.Tests.Components.Attendees;

public class RegistrationDashboardPageTests : ComponentTestBase
{
    [Fact]
    public void The_dashboard_shows_arrivals_by_day_station_and_hour_with_day_totals_and_the_unanswered()
    {
        int eventId;
        using (var db = CreateDbContext())
        {
            var ev = new Event { Slug = "dashboard-test", Title = "看板测试会", StartDate = new DateOnly(2099, 5, 10), EndDate = new DateOnly(2099, 5, 11), Status = EventStatus.Published };
            db.Events.Add(ev);
            db.Users.AddRange(
                new Events.Infrastructure.Identity.AppUser { Id = "u1", UserName = "a@example.cn", Email = "a@example.cn" },
                new Events.Infrastructure.Identity.AppUser { Id = "u2", UserName = "b@example.cn", Email = "b@example.cn" },
                new Events.Infrastructure.Identity.AppUser { Id = "u3", UserName = "c@example.cn", Email = "c@example.cn" });
            db.SaveChanges();
            eventId = ev.Id;
            Registration Reg(string user, string name) => new()
            {
                EventId = ev.Id, UserId = user, Name = name, Organization = "某大学", Title = "教授", Email = $"{user}@example.cn", RegisteredAt = DateTimeOffset.UtcNow,
            };
            var a = Reg("u1", "甲");
            var b = Reg("u2", "乙");
            db.Registrations.AddRange(a, b, Reg("u3", "丙"));
            db.SaveChanges();
            db.RegistrationAnswers.AddRange(
                new RegistrationAnswer { EventId = ev.Id, RegistrationId = a.Id, FieldKey = ReplyFieldKeys.ArrivalAt, Value = "2099-05-09T23:40" },
                new RegistrationAnswer { EventId = ev.Id, RegistrationId = a.Id, FieldKey = ReplyFieldKeys.ArrivalStation, Value = "上海虹桥站" },
                new RegistrationAnswer { EventId = ev.Id, RegistrationId = a.Id, FieldKey = ReplyFieldKeys.ArrivalPickup, Value = "true" },
                new RegistrationAnswer { EventId = ev.Id, RegistrationId = b.Id, FieldKey = ReplyFieldKeys.ArrivalAt, Value = "2099-05-10T00:20" },
                new RegistrationAnswer { EventId = ev.Id, RegistrationId = b.Id, FieldKey = ReplyFieldKeys.ArrivalStation, Value = "上海虹桥站" });
            db.SaveChanges();
        }

        var cut = Render<RegistrationDashboardPage>(p => p.Add(c => c.EventId, eventId));

        cut.WaitForAssertion(() => Assert.Contains("上海虹桥站", cut.Find("[data-testid=dashboard-arrivals]").TextContent, StringComparison.Ordinal));
        var arrivals = cut.Find("[data-testid=dashboard-arrivals]");
        Assert.Contains("23:00–00:00", arrivals.TextContent, StringComparison.Ordinal);
        Assert.Contains("00:00–01:00", arrivals.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, arrivals.QuerySelectorAll("tr.day-total").Length);
        Assert.Equal("1", cut.Find("[data-testid=dashboard-arrivals-unanswered]").TextContent.Trim());
        Assert.Equal("3", cut.Find("[data-testid=dashboard-departures-unanswered]").TextContent.Trim());
        Assert.Contains("/dashboard/arrivals.xlsx", arrivals.InnerHtml, StringComparison.Ordinal);
    }
}
