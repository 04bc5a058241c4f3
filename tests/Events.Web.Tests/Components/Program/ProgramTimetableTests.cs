using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Events.Core.Common;
using Events.Core.Events;
using Events.Core.People;
using Events.Core.Program;
using Events.Infrastructure.Program;
using Events.Web.Components.Pages.Program;
using Events.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Events.Web.Tests.Components.Program;

public class ProgramTimetableTests : ComponentTestBase
{
    private static readonly DateOnly Day = new(2026, 5, 20);

    private readonly IRenderedComponent<MudSnackbarProvider> snackbars;
    private int rootId;
    private int openingId;
    private int forumTalkId;

    public ProgramTimetableTests()
    {
        RenderPopoverProvider();
        snackbars = Render<MudSnackbarProvider>();
    }

    [Fact]
    public async Task Conflicts_panel_when_a_person_speaks_in_overlapping_sessions_of_the_event_and_its_sub_forum_then_lists_the_double_booking()
    {
        await SeedDoubleBookingAsync();

        var cut = RenderPage();

        cut.WaitForAssertion(() => Assert.Equal(
            ["穆荣平 同时出现在「开幕式暨主旨报告」和「分论坛一：区域创新」"],
            cut.FindAll("[data-testid=conflict]").Select(c => c.TextContent.Trim())));
        Assert.Equal(nameof(Core.Program.Conflicts.ConflictKind.PersonDoubleBooked), cut.Find("[data-testid=conflict]").GetAttribute("data-kind"));
        Assert.Empty(cut.FindAll("[data-testid=no-conflicts]"));
        // Opened on the main event, the grid shows it and its sub-forum side by side, both sessions marked as conflicting.
        Assert.Equal(["第七届区域创新研讨会", "分论坛一"], cut.FindAll("[data-testid=timetable-forum]").Select(f => f.TextContent.Trim()));
        Assert.Equal(["主会场", "第一会议室"], cut.FindAll("[data-testid=timetable-room]").Select(f => f.TextContent.Trim()));
        Assert.True(SessionCard(cut, openingId).ClassList.Contains("has-conflict"));
        Assert.True(SessionCard(cut, forumTalkId).ClassList.Contains("has-conflict"));
    }

    [Fact]
    public async Task Session_editor_when_a_double_booked_session_is_moved_to_a_free_time_then_the_panel_says_no_conflicts()
    {
        await SeedDoubleBookingAsync();
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=conflict]")));
        Assert.Empty(cut.FindAll("[data-testid=session-editor]"));

        SessionCard(cut, openingId).Click();
        cut.WaitForAssertion(() => Assert.Equal("09:00", cut.Find("[data-testid=session-start]").GetAttribute("value")));
        Assert.Equal("10:00", cut.Find("[data-testid=session-end]").GetAttribute("value"));
        cut.Find("[data-testid=session-start]").Change("11:00");
        cut.Find("[data-testid=session-end]").Change("12:00");
        cut.Find("[data-testid=session-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("没有发现冲突。", cut.Find("[data-testid=no-conflicts]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=conflict]"));
        Assert.Empty(cut.FindAll("[data-testid=session-editor]"));
        Assert.False(SessionCard(cut, openingId).ClassList.Contains("has-conflict"));
        Assert.StartsWith("11:00–12:00", SessionCard(cut, openingId).QuerySelector(".tt-when")!.TextContent.Trim(), StringComparison.Ordinal);
        await using var db = CreateDbContext();
        var saved = await db.Sessions.SingleAsync(s => s.Id == openingId);
        Assert.Equal(new DateTimeOffset(2026, 5, 20, 3, 0, 0, TimeSpan.Zero), saved.Start);
        Assert.Equal(new DateTimeOffset(2026, 5, 20, 4, 0, 0, TimeSpan.Zero), saved.End);
    }

    [Fact]
    public async Task Publish_when_a_conflict_is_present_and_not_acknowledged_then_no_version_is_created()
    {
        await SeedDoubleBookingAsync();
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=conflict]")));

        cut.Find("[data-testid=publish]").Click();

        snackbars.WaitForAssertion(() => Assert.Contains("还有 1 处冲突：请先处理，或勾选确认后再发布。", snackbars.Markup, StringComparison.Ordinal));
        Assert.Empty(await Publisher.VersionsAsync(rootId));
        Assert.DoesNotContain("v1", cut.Find("[data-testid=publish-panel]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_when_the_conflicts_are_acknowledged_then_version_1_is_created_and_listed()
    {
        await SeedDoubleBookingAsync();
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=conflict]")));
        Assert.Contains("我已知晓仍有 1 处冲突，仍要发布", cut.Find("[data-testid=publish-panel]").TextContent, StringComparison.Ordinal);

        AcknowledgeBox(cut).Change(true);
        cut.Find("[data-testid=publish]").Click();
        // The confirmation names what will be published; the draft event is offered to be made public with it.
        cut.WaitForAssertion(() => Assert.Equal("将发布第 1 版：新增 2 场，调整时间或会场 0 场，修改内容 0 场，删除 0 场。", cut.Find("[data-testid=publish-summary]").TextContent.Trim()));
        Assert.Contains("本活动尚未公开", cut.Find("[data-testid=event-not-public]").TextContent, StringComparison.Ordinal);
        cut.Find("[data-testid=publish-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Contains("v1 ·", cut.Find("[data-testid=publish-panel]").TextContent, StringComparison.Ordinal));
        var version = Assert.Single(await Publisher.VersionsAsync(rootId));
        Assert.Equal(1, version.Number);
        Assert.True(version.AcknowledgedConflicts);
        Assert.Equal("organizer", version.PublishedBy);
        Assert.Equal([openingId, forumTalkId], version.Changes.Select(c => c.SessionId).Order());
        Assert.All(version.Changes, c => Assert.Equal(ChangeKind.Added, c.Kind));
        snackbars.WaitForAssertion(() => Assert.Contains("已发布第 1 版。", snackbars.Markup, StringComparison.Ordinal));
        await using var db = CreateDbContext();
        Assert.Equal(EventStatus.Published, (await db.Events.SingleAsync(e => e.Id == rootId)).Status);
        // The version just published lists its changes; they fold away on request, as every version's do when the page opens.
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=version-changes] li").Count));
        cut.Find("[data-testid=version-changes-toggle]").Click();
        Assert.Empty(cut.FindAll("[data-testid=version-changes]"));
        Assert.Equal("查看 2 项变更", cut.Find("[data-testid=version-changes-toggle]").TextContent.Trim());
        var reopened = RenderPage();
        reopened.WaitForAssertion(() => Assert.Single(reopened.FindAll("[data-testid=program-version]")));
        Assert.Empty(reopened.FindAll("[data-testid=version-changes]"));
    }

    [Fact]
    public async Task Availability_search_when_a_name_is_typed_then_lists_the_matching_speakers_and_opens_the_chosen_ones_times()
    {
        await SeedDoubleBookingAsync();
        var cut = RenderPage();
        cut.WaitForAssertion(() => cut.Find("[data-testid=availability-person]"));

        cut.Find("[data-testid=availability-person]").Input("无此人");
        // The first search compiles its query: on a loaded two-core machine that alone has taken most of the default wait.
        cut.WaitForAssertion(() => Assert.Equal("没有找到姓名相符的嘉宾。", cut.Find("[data-testid=availability-no-match]").TextContent.Trim()), TimeSpan.FromSeconds(30));
        cut.Find("[data-testid=availability-person]").Input("穆");
        cut.WaitForAssertion(() => Assert.Equal(["穆荣平"], cut.FindAll("[data-testid=availability-match]").Select(b => b.TextContent.Trim())), TimeSpan.FromSeconds(30));
        Assert.Empty(cut.FindAll("[data-testid=availability-no-match]"));

        cut.Find("[data-testid=availability-match]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=availability-add]"));
        Assert.Empty(cut.FindAll("[data-testid=availability-match]"));
        Assert.Equal("穆荣平", cut.Find("[data-testid=availability-person]").GetAttribute("value"));
    }

    [Fact]
    public async Task Session_panel_with_unsaved_input_when_another_session_is_clicked_then_it_asks_and_keeps_the_input_unless_discarded()
    {
        await SeedDoubleBookingAsync();
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=conflict]")));
        cut.Find("[data-testid=new-session]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=session-title]").Input("写了一半的场次"));

        SessionCard(cut, openingId).Click();
        dialogs.WaitForAssertion(() => Assert.Contains("放弃未保存的修改？", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").First(b => b.TextContent.Contains("继续编辑", StringComparison.Ordinal)).Click();
        cut.WaitForAssertion(() => Assert.Equal("写了一半的场次", cut.Find("[data-testid=session-title]").GetAttribute("value")));

        SessionCard(cut, openingId).Click();
        dialogs.WaitForAssertion(() => Assert.Contains("放弃未保存的修改？", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").First(b => b.TextContent.Contains("放弃修改", StringComparison.Ordinal)).Click();
        cut.WaitForAssertion(() => Assert.Equal("开幕式暨主旨报告", cut.Find("[data-testid=session-title]").GetAttribute("value")));
    }

    [Fact]
    public async Task Session_panel_asks_the_browser_to_confirm_leaving_only_while_it_holds_unsaved_input()
    {
        await SeedDoubleBookingAsync();
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=conflict]")));
        SessionCard(cut, openingId).Click();
        cut.WaitForAssertion(() => Assert.Equal("开幕式暨主旨报告", cut.Find("[data-testid=session-title]").GetAttribute("value")));
        Assert.DoesNotContain(cut.FindComponents<Microsoft.AspNetCore.Components.Routing.NavigationLock>(), l => l.Instance.ConfirmExternalNavigation);

        // Typing re-renders the panel only; its own lock follows (a reload or closed tab then asks first).
        cut.Find("[data-testid=session-title]").Input("开幕式（改）");

        cut.WaitForAssertion(() => Assert.Contains(cut.FindComponents<Microsoft.AspNetCore.Components.Routing.NavigationLock>(), l => l.Instance.ConfirmExternalNavigation));
    }

    [Fact]
    public async Task Room_fields_open_on_request_and_the_room_added_there_is_listed_and_saved()
    {
        await SeedDoubleBookingAsync();
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=conflict]")));
        // Closed, the editor is a button: its fields are not in the page (nor in the circuit).
        Assert.Empty(cut.FindAll("[data-testid=room-name]"));

        cut.Find("[data-testid=room-open]").Click();
        cut.Find("[data-testid=room-name]").Change("第三会议室");
        cut.Find("[data-testid=room-add]").Click();

        cut.WaitForAssertion(() => Assert.Contains("第三会议室", cut.Find("[data-testid=room-editor]").TextContent, StringComparison.Ordinal));
        await using var db = CreateDbContext();
        Assert.True(await db.Rooms.AnyAsync(r => r.EventId == rootId && r.Name == "第三会议室"));
    }

    [Fact]
    public async Task Deleting_a_session_asks_first_and_keeps_it_unless_the_organizer_confirms()
    {
        await SeedDoubleBookingAsync();
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=conflict]")));
        SessionCard(cut, forumTalkId).Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=session-delete]"));

        cut.Find("[data-testid=session-delete]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("删除这个场次？", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").First(b => b.TextContent.Trim() == "保留").Click();
        await using (var db = CreateDbContext()) Assert.True(await db.Sessions.AnyAsync(s => s.Id == forumTalkId));

        cut.Find("[data-testid=session-delete]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("删除这个场次？", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").First(b => b.TextContent.Trim() == "删除场次").Click();
        cut.WaitForAssertion(() =>
        {
            using var db = CreateDbContext();
            Assert.False(db.Sessions.Any(s => s.Id == forumTalkId));
        });
    }

    [Fact]
    public async Task Session_editor_when_a_sub_forum_organizer_moves_a_main_forum_session_then_it_is_refused_and_nothing_changes()
    {
        await SeedDoubleBookingAsync();
        await using (var db = CreateDbContext())
        {
            var forumId = await db.Events.Where(e => e.ParentEventId == rootId).Select(e => e.Id).SingleAsync();
            db.Users.Add(new Events.Infrastructure.Identity.AppUser { Id = "sub-staff", UserName = "sub@test", Email = "sub@test" });
            db.EventStaff.Add(new EventStaff { EventId = forumId, UserId = "sub-staff" });
            await db.SaveChangesAsync();
        }
        var subOrganizer = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "sub@test"), new Claim(ClaimTypes.NameIdentifier, "sub-staff"), new Claim(ClaimTypes.Role, Events.Core.Access.Roles.Organizer)], "test"));
        var cut = RenderPage(subOrganizer);
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=conflict]")));

        SessionCard(cut, openingId).Click();
        cut.WaitForAssertion(() => Assert.Equal("09:00", cut.Find("[data-testid=session-start]").GetAttribute("value")));
        cut.Find("[data-testid=session-start]").Change("11:00");
        cut.Find("[data-testid=session-end]").Change("12:00");
        cut.Find("[data-testid=session-save]").Click();

        snackbars.WaitForAssertion(() => Assert.Contains("您没有访问此页面的权限。", snackbars.Markup, StringComparison.Ordinal));
        await using var check = CreateDbContext();
        Assert.Equal(new DateTimeOffset(2026, 5, 20, 1, 0, 0, TimeSpan.Zero), (await check.Sessions.SingleAsync(x => x.Id == openingId)).Start);
    }

    private ProgramPublisher Publisher => Services.GetRequiredService<ProgramPublisher>();

    /// <summary>
    /// The page under the signed-in organizer's authentication state, as the router's CascadingAuthenticationState gives it.
    /// (bUnit's AddAuthorization registers services, which the base class's database set-up has already sealed.)
    /// </summary>
    private IRenderedComponent<ProgramTimetable> RenderPage(ClaimsPrincipal? user = null)
    {
        // By default an administrator: the page checks every change against the staff list of the forum it touches.
        var organizer = user ?? new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "organizer"), new Claim(ClaimTypes.NameIdentifier, "organizer-id"), new Claim(ClaimTypes.Role, Events.Core.Access.Roles.Administrator)], "test"));
        var host = Render<CascadingValue<Task<AuthenticationState>>>(p => p
            .Add(x => x.Value, Task.FromResult(new AuthenticationState(organizer)))
            .AddChildContent<ProgramTimetable>(c => c.Add(x => x.EventId, rootId)));
        return host.FindComponent<ProgramTimetable>();
    }

    private static IElement SessionCard(IRenderedComponent<ProgramTimetable> cut, int sessionId) =>
        cut.Find($"[data-testid=timetable-session][data-session=\"{sessionId}\"]");

    /// <summary>The checkbox input itself, whether MudBlazor puts the test id on it or on its wrapper.</summary>
    private static IElement AcknowledgeBox(IRenderedComponent<ProgramTimetable> cut)
    {
        var marked = cut.Find("[data-testid=acknowledge]");
        return marked.Matches("input") ? marked : marked.QuerySelector("input[type=checkbox]")
            ?? throw new InvalidOperationException("No checkbox input in the acknowledgement.");
    }

    /// <summary>
    /// A two-day event with one sub-forum, a room in each, and 穆荣平 speaking 09:00–10:00 in the main hall
    /// and 09:30–10:30 in the sub-forum's room: one person double-booked across forums.
    /// </summary>
    private async Task SeedDoubleBookingAsync()
    {
        int forumId;
        int personId;
        await using (var db = CreateDbContext())
        {
            var root = new Event { Title = "第七届区域创新研讨会", Slug = "regional-innovation-7", StartDate = Day, EndDate = Day.AddDays(1) };
            db.Events.Add(root);
            await db.SaveChangesAsync();
            var forum = new Event { Title = "分论坛一", Slug = "regional-innovation-7-forum-1", StartDate = Day, EndDate = Day.AddDays(1), ParentEventId = root.Id };
            var person = new Person { Name = "穆荣平" };
            db.Events.Add(forum);
            db.People.Add(person);
            await db.SaveChangesAsync();
            (rootId, forumId, personId) = (root.Id, forum.Id, person.Id);
        }
        var program = Services.GetRequiredService<ProgramService>();
        var mainHall = await program.AddRoomAsync(TestActors.Admin, rootId, "主会场", 300);
        var forumRoom = await program.AddRoomAsync(TestActors.Admin, forumId, "第一会议室", 80);
        Assert.NotNull(mainHall);
        Assert.NotNull(forumRoom);
        openingId = await SaveSessionAsync(program, rootId, "开幕式暨主旨报告", mainHall.Id, new TimeOnly(9, 0), new TimeOnly(10, 0), personId);
        forumTalkId = await SaveSessionAsync(program, forumId, "分论坛一：区域创新", forumRoom.Id, new TimeOnly(9, 30), new TimeOnly(10, 30), personId);
    }

    private async Task<int> SaveSessionAsync(ProgramService program, int forumId, string title, int roomId, TimeOnly start, TimeOnly end, int speakerId)
    {
        var result = await program.SaveSessionAsync(TestActors.Admin, rootId, new SessionInput
        {
            EventId = forumId,
            Kind = SessionKind.Keynote,
            Title = title,
            Day = Day,
            StartTime = start,
            EndTime = end,
            RoomId = roomId,
            Items = [new ItemInput { Title = title, Minutes = 60, Participants = [new ParticipantInput { PersonId = speakerId, Role = ItemRole.Speaker }] }],
        });
        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        return result.Id;
    }
}
