using Bunit;
using Events.Core.Attendees;
using Events.Core.Events;
using Events.Web.Components.Pages.Attendees;
using Events.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.Web.Tests.Components.Attendees;

public class ManageRegistrationsTests : ComponentTestBase
{
    private (int EventId, int Pending, int Active) Seed()
    {
        using var db = CreateDbContext();
        var ev = new Event { Slug = "approval-test", Title = "审核测试会", StartDate = new DateOnly(2099, 5, 1), EndDate = new DateOnly(2099, 5, 2), Status = EventStatus.Published };
        db.Events.Add(ev);
        db.Users.AddRange(
            new Events.Infrastructure.Identity.AppUser { Id = "pending-user", UserName = "wangbing@example.cn", Email = "wangbing@example.cn" },
            new Events.Infrastructure.Identity.AppUser { Id = "active-user", UserName = "lisi@example.cn", Email = "lisi@example.cn" });
        db.SaveChanges();
        db.RegistrationSettings.Add(new RegistrationSettings { EventId = ev.Id, IsOpen = true, Capacity = 10, SeatsTaken = 2 });
        var pending = new Registration
        {
            EventId = ev.Id, UserId = "pending-user", Name = "王冰", Organization = "某研究院", Title = "研究员", Email = "wangbing@example.cn",
            State = RegistrationState.PendingApproval, RegisteredAt = DateTimeOffset.UtcNow,
        };
        var active = new Registration
        {
            EventId = ev.Id, UserId = "active-user", Name = "李四", Organization = "某大学", Title = "教授", Email = "lisi@example.cn",
            State = RegistrationState.Active, RegisteredAt = DateTimeOffset.UtcNow,
        };
        db.Registrations.AddRange(pending, active);
        db.SaveChanges();
        return (ev.Id, pending.Id, active.Id);
    }

    [Fact]
    public void Only_a_registration_waiting_for_approval_offers_approve_and_refuse_and_approving_it_makes_it_active()
    {
        var (eventId, pending, _) = Seed();
        var cut = Render<ManageRegistrations>(p => p.Add(c => c.EventId, eventId));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=approve-attendee]")));
        Assert.Single(cut.FindAll("[data-testid=refuse-attendee]"));
        Assert.Equal("通过王冰的报名", cut.Find("[data-testid=approve-attendee]").GetAttribute("aria-label"));

        cut.Find("[data-testid=approve-attendee]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=approve-attendee]")));
        using var db = CreateDbContext();
        var row = db.Registrations.AsNoTracking().Single(r => r.Id == pending);
        Assert.Equal(RegistrationState.Active, row.State);
        Assert.NotNull(row.DecidedAt);
    }

    [Fact]
    public void Refusing_a_registration_waiting_for_approval_marks_it_refused()
    {
        var (eventId, pending, _) = Seed();
        var cut = Render<ManageRegistrations>(p => p.Add(c => c.EventId, eventId));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=refuse-attendee]")));
        cut.Find("[data-testid=refuse-attendee]").Click();

        cut.WaitForAssertion(() =>
        {
            using var db = CreateDbContext();
            Assert.Equal(RegistrationState.Refused, db.Registrations.AsNoTracking().Single(r => r.Id == pending).State);
        });
    }
}
