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

    private static List<string> Addresses(IRenderedComponent<StaffEditor> cut) =>
        cut.FindAll("tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()).ToList();

    private static AppUser NewUser(string email, string name) => new()
    {
        UserName = email, NormalizedUserName = email.ToUpperInvariant(),
        Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, DisplayName = name,
    };
}
