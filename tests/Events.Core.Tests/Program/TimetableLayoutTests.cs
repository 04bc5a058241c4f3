using Events.Core.Program;

namespace Events.Core.Tests.Program;

/// <summary>The grid's layout rules: forums as column groups, shared rooms, overlaps in lanes, short blocks, midnight.</summary>
public class TimetableLayoutTests
{
    private static readonly DateOnly Day = new(2026, 5, 20);
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly GridForum Root = new(1, "主论坛", false);
    private static readonly GridForum Sub = new(2, "分论坛一", true);
    private static readonly GridRoom Hall = new(10, 1, "主会场", 0);
    private static readonly GridRoom Small = new(11, 1, "小会议室", 1);
    private static readonly GridRoom SubRoom = new(20, 2, "第一会议室", 0);

    private static DateTimeOffset At(int hour, int minute = 0, int dayOffset = 0) =>
        new DateTimeOffset(Day.AddDays(dayOffset).ToDateTime(new TimeOnly(0, 0)), TimeSpan.FromHours(8)).AddHours(hour).AddMinutes(minute);

    private static GridSession S(int id, int forum, int? room, DateTimeOffset start, DateTimeOffset end) =>
        new(id, forum, room, SessionKind.PaperSession, $"场次{id}", start, end, "", Guid.Empty);

    [Fact]
    public void Forums_are_column_groups_with_their_own_rooms_then_the_shared_rooms_they_use_then_no_room()
    {
        var layout = TimetableLayout.Build(Day, Shanghai, [Root, Sub], [Hall, Small, SubRoom], [
            S(1, 1, 10, At(9), At(10)),
            S(2, 2, 10, At(11), At(12)),   // the sub-forum in the parent's shared hall
            S(3, 2, null, At(9), At(10)),
        ]);

        Assert.Equal([(1, 0, 2), (2, 2, 3)], layout.Groups.Select(g => (g.ForumId, g.FirstColumn, g.ColumnCount)));
        Assert.Equal([(1, (int?)10), (1, 11), (2, 20), (2, 10), (2, null)], layout.Columns.Select(c => (c.ForumId, c.RoomId)));
        Assert.Equal(3, layout.Blocks.Single(b => b.Session.Id == 2).Column);
        Assert.Equal(4, layout.Blocks.Single(b => b.Session.Id == 3).Column);
    }

    [Fact]
    public void A_forum_with_no_room_and_no_session_still_gets_a_column_to_create_sessions_in()
    {
        var layout = TimetableLayout.Build(Day, Shanghai, [Root, Sub], [Hall], []);

        Assert.Equal([(1, (int?)10), (2, null)], layout.Columns.Select(c => (c.ForumId, c.RoomId)));
        Assert.Equal((8 * 60, 18 * 60), (layout.FirstMinute, layout.LastMinute));
    }

    [Fact]
    public void Many_forums_each_get_a_group_in_order_and_every_session_lands_in_its_own_forums_group()
    {
        var forums = Enumerable.Range(1, 41).Select(i => new GridForum(i, $"论坛{i}", i > 1)).ToList();
        var rooms = forums.SelectMany(f => new[] { new GridRoom(f.EventId * 10, f.EventId, "甲", 0), new GridRoom(f.EventId * 10 + 1, f.EventId, "乙", 1) }).ToList();
        var sessions = forums.Select(f => S(f.EventId, f.EventId, f.EventId * 10 + 1, At(9), At(10))).ToList();

        var layout = TimetableLayout.Build(Day, Shanghai, forums, rooms, sessions);

        Assert.Equal(41, layout.Groups.Count);
        Assert.Equal(82, layout.Columns.Count);
        Assert.All(layout.Blocks, b => Assert.Equal((b.Session.EventId, b.Session.RoomId), (layout.Columns[b.Column].ForumId, layout.Columns[b.Column].RoomId)));
        Assert.Equal(Enumerable.Range(0, 41).Select(i => i * 2), layout.Groups.Select(g => g.FirstColumn));
    }

    [Fact]
    public void Overlapping_sessions_in_one_room_share_it_in_lanes_and_touching_ones_do_not()
    {
        var layout = TimetableLayout.Build(Day, Shanghai, [Root], [Hall], [
            S(1, 1, 10, At(9), At(10)),
            S(2, 1, 10, At(9, 30), At(10, 30)),
            S(3, 1, 10, At(10, 30), At(11)),     // touches 2 at 10:30: not an overlap, full width again
            S(4, 1, 10, At(9, 45), At(10, 15)),  // overlaps both 1 and 2: a third lane
        ]);

        var lanes = layout.Blocks.ToDictionary(b => b.Session.Id, b => (b.Lane, b.Lanes));
        Assert.Equal((0, 3), lanes[1]);
        Assert.Equal((1, 3), lanes[2]);
        Assert.Equal((2, 3), lanes[4]);
        Assert.Equal((0, 1), lanes[3]);
    }

    [Fact]
    public void Positions_are_minutes_from_the_grid_start_and_a_short_block_is_marked()
    {
        var layout = TimetableLayout.Build(Day, Shanghai, [Root], [Hall], [
            S(1, 1, 10, At(9), At(10)),
            S(2, 1, 10, At(10), At(10, 15)),
            S(3, 1, 10, At(7, 20), At(7, 50)),
        ]);

        Assert.Equal(7 * 60, layout.FirstMinute);   // widened to the whole hour of the earliest session
        var blocks = layout.Blocks.ToDictionary(b => b.Session.Id);
        Assert.Equal((120, 60, false), (blocks[1].Top, blocks[1].Height, blocks[1].IsShort));
        Assert.Equal((180, 15, true), (blocks[2].Top, blocks[2].Height, blocks[2].IsShort));
        Assert.Equal((20, 30, false), (blocks[3].Top, blocks[3].Height, blocks[3].IsShort));
    }

    [Fact]
    public void A_session_crossing_midnight_is_cut_at_the_edge_of_each_day_and_says_it_continues()
    {
        var late = S(1, 1, 10, At(22, 30), At(1, 30, dayOffset: 1));

        var today = TimetableLayout.Build(Day, Shanghai, [Root], [Hall], [late]);
        var tomorrow = TimetableLayout.Build(Day.AddDays(1), Shanghai, [Root], [Hall], [late]);

        var evening = Assert.Single(today.Blocks);
        Assert.Equal(24 * 60, today.LastMinute);
        Assert.Equal((22 * 60 + 30 - today.FirstMinute, 90, false, true), (evening.Top, evening.Height, evening.ContinuesBefore, evening.ContinuesAfter));
        var night = Assert.Single(tomorrow.Blocks);
        Assert.Equal(0, tomorrow.FirstMinute);
        Assert.Equal((0, 90, true, false), (night.Top, night.Height, night.ContinuesBefore, night.ContinuesAfter));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2.4, 0)]
    [InlineData(2.5, 5)]
    [InlineData(7.4, 5)]
    [InlineData(-3, -5)]
    [InlineData(61, 60)]
    public void Minutes_snap_to_the_nearest_five(double minutes, int snapped) => Assert.Equal(snapped, TimetableLayout.Snap(minutes));
}
