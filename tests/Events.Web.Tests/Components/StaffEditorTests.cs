using Bunit;
using Events.Core.Events;
using Events.Infrastructure.Identity;
using Events.Web.Components.Pages.Events;
using Events.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.Web.Tests.Components;

/// <summary>The 组织人员 tab of the event editor, on the real staff service and a real SQLite database.</summary>
public class StaffEditorTests : ComponentTestBase
{
    [Fact]
    public async Task Staff_tab_when_an_event_has_two_organizers_then_lists_them_by_address_and_removes_one()
    {
        int eventId;
        await using (var db = CreateDbContext())
        {
            var zhang = NewUser("zhang@test.local", "张三");
            var an = NewUser("an@test.local", "安琪");
            db.Users.AddRange(zhang, an);
            var ev = new Event { Title = "浦江创新论坛", Slug = "pujiang", StartDate = new DateOnly(2026, 9, 7), EndDate = new DateOnly(2026, 9, 8) };
            ev.Staff.Add(new EventStaff { UserId = zhang.Id });
            ev.Staff.Add(new EventStaff { UserId = an.Id });
            db.Events.Add(ev);
            await db.SaveChangesAsync();
            eventId = ev.Id;
        }

        var cut = Render<StaffEditor>(p => p.Add(x => x.EventId, eventId));

        cut.WaitForAssertion(() => Assert.Equal(["an@test.local", "zhang@test.local"], Addresses(cut)));
        cut.FindAll("tbody tr")[0].QuerySelector("button")!.Click();
        cut.WaitForAssertion(() => Assert.Equal(["zhang@test.local"], Addresses(cut)));
        Assert.Equal("已移除。", cut.Find("[role=status]").TextContent.Trim());
        await using var check = CreateDbContext();
        Assert.Equal(1, await check.EventStaff.CountAsync(s => s.EventId == eventId));
    }

    [Fact]
    public async Task Staff_tab_gives_and_takes_the_personal_data_right_through_the_guarded_service()
    {
        int eventId;
        await using (var db = CreateDbContext())
        {
            var zhang = NewUser("zhang@test.local", "张三");
            db.Users.Add(zhang);
            var ev = new Event { Title = "浦江创新论坛", Slug = "pujiang-pd", StartDate = new DateOnly(2026, 9, 7), EndDate = new DateOnly(2026, 9, 8) };
            ev.Staff.Add(new EventStaff { UserId = zhang.Id });
            db.Events.Add(ev);
            await db.SaveChangesAsync();
            eventId = ev.Id;
        }

        var cut = Render<StaffEditor>(p => p.Add(x => x.EventId, eventId));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=staff-personal-data]")));
        Assert.Equal("张三可查看个人信息", cut.Find("input[data-testid=staff-personal-data], [data-testid=staff-personal-data] input").GetAttribute("aria-label")
            ?? cut.Find("[data-testid=staff-personal-data]").GetAttribute("aria-label"));

        cut.Find("input[data-testid=staff-personal-data], [data-testid=staff-personal-data] input").Change(true);
        cut.WaitForAssertion(() => Assert.Equal("已授予查看个人信息的权限。", cut.Find("[role=status]").TextContent.Trim()));
        await using (var check = CreateDbContext()) Assert.True(check.EventStaff.Single(s => s.EventId == eventId).SeesPersonalData);

        cut.Find("input[data-testid=staff-personal-data], [data-testid=staff-personal-data] input").Change(false);
        cut.WaitForAssertion(() => Assert.Equal("已收回查看个人信息的权限。", cut.Find("[role=status]").TextContent.Trim()));
        await using var again = CreateDbContext();
        Assert.False(again.EventStaff.Single(s => s.EventId == eventId).SeesPersonalData);
    }

    private static List<string> Addresses(IRenderedComponent<StaffEditor> cut) =>
        cut.FindAll("tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()).ToList();

    private static AppUser NewUser(string email, string name) => new()
    {
        UserName = email, NormalizedUserName = email.ToUpperInvariant(),
        Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, DisplayName = name,
    };
}
