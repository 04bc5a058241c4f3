using AngleSharp.Dom;
using Bunit;
using Events.Core.Program;
using Events.Web.Components.Pages.Program;
using Events.Web.Tests.Infrastructure;

namespace Events.Web.Tests.Components.Program;

public class TimetableTests : ComponentTestBase
{
    private static readonly DateOnly Day = new(2026, 5, 20);
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static readonly Room MainHall = new() { Id = 1, EventId = 100, Name = "主会场", Order = 0 };
    private static readonly Room SideHall = new() { Id = 2, EventId = 100, Name = "分会场一", Order = 1 };

    [Fact]
    public void Timetable_when_a_session_has_no_room_then_renders_one_column_header_per_room_and_a_no_room_column_last()
    {
        var cut = RenderTimetable([MainHall, SideHall], [
            Session(10, "开幕式", Utc(1, 0), Utc(2, 0), SideHall),
            Session(11, "茶歇", Utc(2, 0), Utc(2, 30), room: null),
        ]);

        Assert.Equal(["主会场", "分会场一", "未指定会场"], Heads(cut).Select(h => h.TextContent.Trim()));
        Assert.Equal(["2", "3", "4"], Heads(cut).Select(h => StyleValue(h, "grid-column")));
    }

    [Fact]
    public void Timetable_when_every_session_has_a_room_then_there_is_no_no_room_column()
    {
        var cut = RenderTimetable([MainHall, SideHall], [Session(10, "开幕式", Utc(1, 0), Utc(2, 0), MainHall)]);

        Assert.Equal(["主会场", "分会场一"], Heads(cut).Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public void Timetable_when_sessions_are_in_different_rooms_then_each_is_placed_in_its_rooms_column()
    {
        var cut = RenderTimetable([MainHall, SideHall], [
            Session(10, "开幕式", Utc(1, 0), Utc(2, 0), MainHall),
            Session(11, "分论坛报告", Utc(1, 0), Utc(2, 0), SideHall),
            Session(12, "茶歇", Utc(2, 0), Utc(2, 30), room: null),
        ]);

        Assert.Equal("2", StyleValue(Card(cut, 10), "grid-column"));
        Assert.Equal("3", StyleValue(Card(cut, 11), "grid-column"));
        Assert.Equal("4", StyleValue(Card(cut, 12), "grid-column"));
    }

    [Fact]
    public void Timetable_when_a_session_lasts_60_minutes_then_it_spans_12_five_minute_rows_starting_at_its_own_row()
    {
        // The grid starts at 08:00 local; row 1 is the header, so 09:00 is the 12th five-minute slot after it: row 14.
        var cut = RenderTimetable([MainHall], [
            Session(10, "主旨报告", Utc(1, 0), Utc(2, 0), MainHall),
            Session(11, "点评", Utc(2, 0), Utc(2, 30), MainHall),
            Session(12, "圆桌对话", Utc(2, 30), Utc(4, 15), MainHall),
        ]);

        Assert.Equal("14 / span 12", StyleValue(Card(cut, 10), "grid-row"));
        Assert.Equal("26 / span 6", StyleValue(Card(cut, 11), "grid-row"));
        Assert.Equal("32 / span 21", StyleValue(Card(cut, 12), "grid-row"));
    }

    [Fact]
    public void Timetable_when_the_zone_is_Asia_Shanghai_then_a_01_00Z_start_shows_as_09_00_local()
    {
        var cut = RenderTimetable([MainHall], [Session(10, "主旨报告", Utc(1, 0), Utc(2, 0), MainHall)]);

        var when = Card(cut, 10).QuerySelector(".timetable-when")!.TextContent.Trim();
        Assert.StartsWith("09:00–10:00", when, StringComparison.Ordinal);
        Assert.Contains("主旨报告", when, StringComparison.Ordinal);
        Assert.Equal("08:00", cut.FindAll(".timetable-time")[0].TextContent.Trim());
    }

    [Fact]
    public void Timetable_when_a_session_is_in_ConflictSessionIds_then_only_that_card_has_class_has_conflict()
    {
        var cut = RenderTimetable([MainHall, SideHall], [
            Session(10, "开幕式", Utc(1, 0), Utc(2, 0), MainHall),
            Session(11, "分论坛报告", Utc(1, 0), Utc(2, 0), SideHall),
        ], conflicts: new HashSet<int> { 11 });

        Assert.True(Card(cut, 11).ClassList.Contains("has-conflict"));
        Assert.False(Card(cut, 10).ClassList.Contains("has-conflict"));
    }

    [Fact]
    public void Timetable_when_a_session_is_clicked_then_OnSelect_receives_its_id()
    {
        var selected = new List<int>();
        var cut = Render<Timetable>(p => p
            .Add(x => x.Rooms, [MainHall, SideHall])
            .Add(x => x.Sessions, [
                Session(10, "开幕式", Utc(1, 0), Utc(2, 0), MainHall),
                Session(11, "分论坛报告", Utc(1, 0), Utc(2, 0), SideHall),
            ])
            .Add(x => x.Zone, Shanghai)
            .Add(x => x.Day, Day)
            .Add(x => x.OnSelect, (int id) => selected.Add(id)));

        Card(cut, 11).Click();

        cut.WaitForAssertion(() => Assert.Equal([11], selected));
    }

    private IRenderedComponent<Timetable> RenderTimetable(IReadOnlyList<Room> rooms, IReadOnlyList<SnapshotSession> sessions, IReadOnlySet<int>? conflicts = null) =>
        Render<Timetable>(p => p
            .Add(x => x.Rooms, rooms)
            .Add(x => x.Sessions, sessions)
            .Add(x => x.Zone, Shanghai)
            .Add(x => x.Day, Day)
            .Add(x => x.ConflictSessionIds, conflicts ?? new HashSet<int>()));

    private static DateTimeOffset Utc(int hour, int minute) => new(2026, 5, 20, hour, minute, 0, TimeSpan.Zero);

    private static SnapshotSession Session(int id, string title, DateTimeOffset start, DateTimeOffset end, Room? room) =>
        new(id, 100, SessionKind.Keynote, title, start, end, room?.Id, room?.Name, [], []);

    private static List<IElement> Heads(IRenderedComponent<Timetable> cut) => cut.FindAll(".timetable-head").ToList();

    private static IElement Card(IRenderedComponent<Timetable> cut, int sessionId) =>
        cut.Find($"[data-testid=timetable-session][data-session=\"{sessionId}\"]");

    /// <summary>One declaration of the inline style, e.g. "3" for grid-column or "14 / span 12" for grid-row.</summary>
    private static string StyleValue(IElement element, string property) =>
        (element.GetAttribute("style") ?? "").Split(';')
            .Select(d => d.Split(':', 2))
            .Where(d => d.Length == 2 && d[0].Trim() == property)
            .Select(d => d[1].Trim())
            .Single();
}
