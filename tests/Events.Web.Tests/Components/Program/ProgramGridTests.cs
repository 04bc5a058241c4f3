using Bunit;
using Events.Core.Program;
using Events.Web.Components.Pages.Program;
using Events.Web.Tests.Infrastructure;

namespace Events.Web.Tests.Components.Program;

/// <summary>The grid as drawn: forums as column groups, blocks where the layout puts them, short and midnight blocks readable.</summary>
public class ProgramGridTests : ComponentTestBase
{
    private static readonly DateOnly Day = new(2026, 5, 20);
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static DateTimeOffset At(int hour, int minute = 0, int days = 0) =>
        new DateTimeOffset(Day.AddDays(days).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).AddHours(hour).AddMinutes(minute);

    private static GridSession S(int id, int forum, int? room, string title, DateTimeOffset start, DateTimeOffset end) =>
        new(id, forum, room, SessionKind.Break, title, start, end, "穆荣平", Guid.Empty);

    [Fact]
    public void Grid_draws_forum_groups_places_blocks_by_minute_and_lane_and_keeps_short_and_midnight_blocks_readable()
    {
        var layout = TimetableLayout.Build(Day, Shanghai, [new GridForum(1, "主论坛", false), new GridForum(2, "分论坛", true)],
            [new GridRoom(10, 1, "主会场", 0), new GridRoom(20, 2, "分会场", 0)],
            [
                S(1, 1, 10, "开幕式", At(9), At(10)),
                S(2, 1, 10, "茶歇", At(9, 30), At(9, 45)),
                S(3, 2, 20, "夜场", At(22), At(1, 0, days: 1)),
            ]);

        var cut = Render<ProgramGrid>(p => p.Add(x => x.Layout, layout).Add(x => x.TimeZoneId, "Asia/Shanghai").Add(x => x.Day, Day).Add(x => x.RootId, 1)
            .Add(x => x.ConflictSessionIds, new HashSet<int> { 2 }));

        Assert.Equal(["主论坛", "分论坛"], cut.FindAll("[data-testid=timetable-forum]").Select(e => e.TextContent.Trim()));
        Assert.Equal("grid-row: 1; grid-column: 3 / span 1", cut.FindAll("[data-testid=timetable-forum]")[1].GetAttribute("style"));
        var opening = cut.Find("[data-session=\"1\"]");
        Assert.Equal("top: 96px; height: 96px; left: 0%; width: 50%", opening.GetAttribute("style"));
        var tea = cut.Find("[data-session=\"2\"]");
        Assert.Contains("is-short", tea.ClassList);
        Assert.Contains("has-conflict", tea.ClassList);
        Assert.Equal("top: 144px; height: 24px; left: 50%; width: 50%", tea.GetAttribute("style"));
        // A short block carries its whole text for hover and assistive tools.
        Assert.Equal("09:30–09:45 茶歇 · 穆荣平", tea.GetAttribute("title"));
        Assert.Equal("09:30–09:45 茶歇 · 穆荣平", tea.GetAttribute("aria-label"));
        var night = cut.Find("[data-session=\"3\"]");
        Assert.Contains("cont-after", night.ClassList);
        Assert.Equal("22:00–01:00 →", night.QuerySelector(".tt-when")!.TextContent.Trim());
        Assert.Null(night.QuerySelector("[data-resize]"));
        Assert.Equal("1", night.GetAttribute("data-col"));
    }

    [Fact]
    public void Grid_with_many_forums_draws_each_as_its_own_column_group_in_order_with_its_rooms_and_sessions()
    {
        // 12 forums (the parent and 11 sub-forums), 2 rooms each, one session per room: every group is drawn, spanning its rooms.
        var forums = Enumerable.Range(1, 12).Select(f => new GridForum(f, f == 1 ? "主论坛" : $"分论坛{f - 1}", f != 1)).ToList();
        var rooms = forums.SelectMany(f => new[] { new GridRoom(f.EventId * 10, f.EventId, $"{f.Title}甲厅", 0), new GridRoom(f.EventId * 10 + 1, f.EventId, $"{f.Title}乙厅", 1) }).ToList();
        var sessions = rooms.Select((r, i) => S(i + 1, r.EventId, r.Id, $"场次{i + 1}", At(9 + i % 3), At(10 + i % 3))).ToList();
        var layout = TimetableLayout.Build(Day, Shanghai, forums, rooms, sessions);

        var cut = Render<ProgramGrid>(p => p.Add(x => x.Layout, layout).Add(x => x.TimeZoneId, "Asia/Shanghai").Add(x => x.Day, Day).Add(x => x.RootId, 1)
            .Add(x => x.ConflictSessionIds, new HashSet<int>()));

        var groups = cut.FindAll("[data-testid=timetable-forum]");
        Assert.Equal(forums.Select(f => f.Title), groups.Select(e => e.TextContent.Trim()));
        // The time column is column 1; group k starts at 2 + 2k and spans its two rooms.
        Assert.Equal(Enumerable.Range(0, 12).Select(k => $"grid-row: 1; grid-column: {2 + 2 * k} / span 2"), groups.Select(g => g.GetAttribute("style")));
        Assert.Equal(rooms.Select(r => r.Name), cut.FindAll("[data-testid=timetable-room]").Select(e => e.TextContent.Trim()));
        Assert.Equal(24, cut.FindAll("[data-session]").Count);
        Assert.Equal("23", cut.Find("[data-session=\"24\"]").GetAttribute("data-col"));
    }
}
