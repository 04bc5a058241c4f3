using Events.Core.Access;
using Events.Core.Common;
using Events.Core.Events;
using Events.Core.Program;
using Events.Infrastructure.Program;
using Events.IntegrationTests.Bulletins;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Access;

/// <summary>
/// One seeded app shared by the rights tests: the 浦江 forum with its seeded sub-forum (A) and a second sub-forum (B),
/// a session and a room in each, issues about the forum and about A, and real accounts for each kind of user.
/// </summary>
public sealed class ServiceRightsFixture : IAsyncLifetime
{
    public const string RootSlug = "pujiang-forum-2024";
    public const string ForumASlug = "pujiang-forum-2024-regional";
    public const string ForumBSlug = "pujiang-forum-2024-b";
    public const string OtherRootSlug = "regional-innovation-symposium-7";
    private static readonly DateOnly Day = new(2024, 9, 8);

    public QuietAppFactory App { get; } = new();

    public int Root { get; private set; }
    public int ForumA { get; private set; }
    public int ForumB { get; private set; }
    public int OtherRoot { get; private set; }
    public int SessionRoot { get; private set; }
    public int SessionA { get; private set; }
    public int SessionB { get; private set; }
    public int RoomRoot { get; private set; }
    public int SeriesId { get; private set; }
    /// <summary>An issue about the top-level forum: its staff and organizers edit it, a sub-forum's staff do not.</summary>
    public int BulletinRoot { get; private set; }
    public int BulletinA { get; private set; }
    public int PersonId { get; private set; }

    /// <summary>Signed in, no role, on no staff list.</summary>
    public Actor Outsider { get; private set; } = null!;
    /// <summary>The Organizer role, on no staff list: runs the shared lists, not other people's events.</summary>
    public Actor Organizer { get; private set; } = null!;
    /// <summary>On the staff of sub-forum A only.</summary>
    public Actor StaffA { get; private set; } = null!;
    /// <summary>On the staff of sub-forum A and of another top-level event.</summary>
    public Actor StaffAAndOtherRoot { get; private set; } = null!;
    public const string StaffAEmail = "staff-a@test.local";

    public async Task InitializeAsync()
    {
        _ = App.Server;
        await using (var db = App.CreateDbContext())
        {
            Root = await IdOfAsync(db, RootSlug);
            ForumA = await IdOfAsync(db, ForumASlug);
            OtherRoot = await IdOfAsync(db, OtherRootSlug);
            var b = new Event { Title = "浦江创新论坛分论坛二", Slug = ForumBSlug, Kind = EventKind.SubForum, ParentEventId = Root, StartDate = Day, EndDate = Day };
            db.Events.Add(b);
            await db.SaveChangesAsync();
            ForumB = b.Id;
            PersonId = await db.People.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        }
        Outsider = Of(await TestUsers.CreateAsync(App, "outsider@test.local", []));
        Organizer = Of(await TestUsers.CreateAsync(App, "organizer@test.local", TestUsers.OrganizerRoles));
        StaffA = Of(await TestUsers.CreateAsync(App, StaffAEmail, [], ForumASlug));
        StaffAAndOtherRoot = Of(await TestUsers.CreateAsync(App, "staff-a-other@test.local", [], ForumASlug, OtherRootSlug));

        var program = App.Get<ProgramService>();
        RoomRoot = (await program.AddRoomAsync(TestActors.Admin, Root, "权限测试会场", 50))!.Id;
        SessionRoot = await NewSessionAsync(Root, "主论坛权限测试", new TimeOnly(20, 0));
        SessionA = await NewSessionAsync(ForumA, "分论坛一权限测试", new TimeOnly(20, 0));
        SessionB = await NewSessionAsync(ForumB, "分论坛二权限测试", new TimeOnly(20, 0));

        SeriesId = await BulletinTestData.NewSeriesAsync(App);
        BulletinRoot = await BulletinTestData.NewIssueAsync(App, SeriesId, "关于主论坛的简报", "正文。");
        BulletinA = await BulletinTestData.NewIssueAsync(App, SeriesId, "关于分论坛一的简报", "正文。");
        await using (var db = App.CreateDbContext())
        {
            await db.Bulletins.Where(x => x.Id == BulletinRoot).ExecuteUpdateAsync(s => s.SetProperty(x => x.EventId, Root));
            await db.Bulletins.Where(x => x.Id == BulletinA).ExecuteUpdateAsync(s => s.SetProperty(x => x.EventId, ForumA));
        }
    }

    public async Task<int> NewSessionAsync(int forumId, string title, TimeOnly start)
    {
        var result = await App.Get<ProgramService>().SaveSessionAsync(TestActors.Admin, Root, new SessionInput
        {
            EventId = forumId, Kind = SessionKind.Keynote, Title = title, Day = Day, StartTime = start, EndTime = start.AddMinutes(30),
        });
        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        return result.Id;
    }

    /// <summary>A real account that is staff of the given events, as an actor.</summary>
    public async Task<Actor> StaffOfAsync(string email, params string[] slugs) => Of(await TestUsers.CreateAsync(App, email, [], slugs));

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }

    private static Actor Of(TestUser user) => Actor.User(user.Id, user.Roles);

    private static Task<int> IdOfAsync(global::Events.Infrastructure.Data.EventsDbContext db, string slug) =>
        db.Events.Where(e => e.Slug == slug).Select(e => e.Id).SingleAsync();
}
