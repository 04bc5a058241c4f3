using Events.Core.Events;
using Events.Infrastructure.Data;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests;

public sealed class SeedTests(EventsAppFactory app) : IClassFixture<EventsAppFactory>
{
    [Fact]
    public async Task Seeds_load_the_symposium_with_its_units_chair_addresses_keynotes_salon_and_discussants()
    {
        _ = app.Server;
        await using var db = app.CreateDbContext();
        var ev = await db.Events
            .Include(e => e.Series)
            .Include(e => e.Units).ThenInclude(u => u.Organization)
            .Include(e => e.Participants).ThenInclude(p => p.Person).ThenInclude(p => p!.Positions).ThenInclude(p => p.Organization)
            .SingleAsync(e => e.Slug == "regional-innovation-symposium-7");

        Assert.Equal(7, ev.Edition);
        Assert.Equal("全国区域创新学术研讨会", ev.Series!.Name);
        Assert.Equal(new DateOnly(2023, 7, 29), ev.StartDate);
        Assert.Equal("Asia/Shanghai", ev.TimeZoneId);
        Assert.Equal(2, ev.Units.Count(u => u.Role == OrganizerRole.GuidedBy));
        Assert.Equal(4, ev.Units.Count(u => u.Role == OrganizerRole.Host));
        Assert.Contains(ev.Units, u => u.Organization!.Name == "成都市科学技术发展战略研究院");

        Assert.Equal("王建平", Assert.Single(ev.Participants, p => p.Role == ParticipantRole.Chair).Person!.Name);
        Assert.Equal(["田云辉", "穆荣平"], ev.Participants.Where(p => p.Role == ParticipantRole.Address).OrderBy(p => p.Order).Select(p => p.Person!.Name));
        Assert.Equal(5, ev.Participants.Count(p => p.Role == ParticipantRole.Keynote));
        Assert.Equal("李春成", Assert.Single(ev.Participants, p => p.Role == ParticipantRole.Moderator).Person!.Name);
        Assert.Equal(["郭俊华", "唐家龙"], ev.Participants.Where(p => p.Role == ParticipantRole.Discussant).OrderBy(p => p.Order).Select(p => p.Person!.Name));

        var chen = ev.Participants.First(p => p.Person!.Name == "陈光").Person!;
        Assert.Equal("四川省委省政府决策咨询委员会委员、四川省科学学与科技政策研究会会长、西南交通大学教授", chen.DisplayTitle);
    }

    [Fact]
    public async Task Seeds_load_the_2024_forum_with_its_regional_sub_forum_and_foreign_guests()
    {
        _ = app.Server;
        await using var db = app.CreateDbContext();
        var sub = await db.Events.Include(e => e.ParentEvent).Include(e => e.Participants).ThenInclude(p => p.Person)
            .SingleAsync(e => e.Slug == "pujiang-forum-2024-regional");

        Assert.Equal(EventKind.SubForum, sub.Kind);
        Assert.Equal("pujiang-forum-2024", sub.ParentEvent!.Slug);
        Assert.Equal(7, sub.Participants.Count);
        Assert.Contains(sub.Participants, p => p.Person!.NameEn == "Gary Hack");
        Assert.Contains(sub.Participants, p => p.Person!.NameEn == "Alexandre Villain");
        Assert.Contains(sub.Participants, p => p.Person!.Name == "刘冬梅");
    }

    [Fact]
    public async Task Seeding_again_on_a_filled_database_changes_nothing()
    {
        _ = app.Server;
        int Count(EventsDbContext db) => db.Events.Count() + db.People.Count() + db.Organizations.Count() + db.EventParticipants.Count() + db.Users.Count();
        await using var before = app.CreateDbContext();
        var countBefore = Count(before);

        await DatabaseInitializer.InitializeAsync(app.Services, new AdminAccount(EventsAppFactory.AdminEmail, EventsAppFactory.AdminPassword), RepoPaths.Seeds);

        await using var after = app.CreateDbContext();
        Assert.Equal(countBefore, Count(after));
        Assert.Equal(1, await after.Events.CountAsync(e => e.Slug == "regional-innovation-symposium-7"));
    }
}
