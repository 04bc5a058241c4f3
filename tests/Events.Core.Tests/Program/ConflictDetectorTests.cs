using Events.Core.Program.Conflicts;

namespace Events.Core.Tests.Program;

public class ConflictDetectorTests
{
    private const int Forum = 1;
    private static readonly DateTimeOffset FirstDay = new(2025, 11, 21, 0, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The forum runs on 21 and 22 November (China time).</summary>
    private static readonly EventWindow[] Windows = [new(Forum, FirstDay, FirstDay.AddDays(2))];

    private static DateTimeOffset At(string time, int day = 0) => FirstDay.AddDays(day).Add(TimeOnly.Parse(time).ToTimeSpan());

    private static ScheduledSession Session(
        int id, string from, string to, int? room = null, int[]? speakers = null, int[]? chairs = null, int itemMinutes = 0, int eventId = Forum) =>
        new(id, eventId, room, At(from), At(to), speakers ?? [], chairs ?? [], itemMinutes);

    private static IReadOnlyList<Conflict> Find(params ScheduledSession[] sessions) => ConflictDetector.Find(sessions, Windows);

    [Fact]
    public void Find_when_there_are_no_sessions_then_no_conflicts()
    {
        Assert.Empty(Find());
    }

    [Fact]
    public void Find_when_a_speaker_is_in_two_overlapping_sessions_then_PersonDoubleBooked_with_the_smaller_id_first()
    {
        var conflicts = Find(
            Session(7, "09:00", "10:00", room: 1, speakers: [100]),
            Session(3, "09:30", "10:30", room: 2, speakers: [100]));

        Assert.Equal([new Conflict(ConflictKind.PersonDoubleBooked, 3, 7, PersonId: 100)], conflicts);
    }

    [Fact]
    public void Find_when_sessions_only_touch_then_no_conflict_for_the_shared_person_or_room()
    {
        var conflicts = Find(
            Session(1, "09:00", "10:00", room: 1, speakers: [100], chairs: [200]),
            Session(2, "10:00", "11:00", room: 1, speakers: [100], chairs: [200]));

        Assert.Empty(conflicts);
    }

    [Fact]
    public void Find_when_overlapping_sessions_share_no_person_and_no_room_then_no_conflict()
    {
        var conflicts = Find(
            Session(1, "09:00", "11:00", room: 1, speakers: [100, 101], chairs: [200]),
            Session(2, "10:00", "12:00", room: 2, speakers: [102, 103], chairs: [201]));

        Assert.Empty(conflicts);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Find_when_the_chair_of_one_session_speaks_in_an_overlapping_one_then_ChairSpeaksElsewhere(bool chairsTheFirst)
    {
        var chaired = Session(1, "09:00", "10:00", room: 1, speakers: [101], chairs: [100]);
        var spoken = Session(2, "09:30", "10:30", room: 2, speakers: [100], chairs: [201]);

        var conflicts = chairsTheFirst ? Find(chaired, spoken) : Find(spoken with { Id = 1 }, chaired with { Id = 2 });

        Assert.Equal([new Conflict(ConflictKind.ChairSpeaksElsewhere, 1, 2, PersonId: 100)], conflicts);
    }

    [Fact]
    public void Find_when_a_person_chairs_both_overlapping_sessions_then_PersonDoubleBooked()
    {
        var conflicts = Find(
            Session(1, "09:00", "10:00", room: 1, chairs: [100]),
            Session(2, "09:30", "10:30", room: 2, chairs: [100]));

        Assert.Equal([new Conflict(ConflictKind.PersonDoubleBooked, 1, 2, PersonId: 100)], conflicts);
    }

    [Fact]
    public void Find_when_a_chair_also_speaks_in_the_session_they_chair_and_speaks_elsewhere_then_PersonDoubleBooked()
    {
        var conflicts = Find(
            Session(1, "09:00", "10:00", room: 1, speakers: [100], chairs: [100]),
            Session(2, "09:30", "10:30", room: 2, speakers: [100]));

        Assert.Equal([new Conflict(ConflictKind.PersonDoubleBooked, 1, 2, PersonId: 100)], conflicts);
    }

    [Fact]
    public void Find_when_a_chair_speaks_in_an_overlapping_session_they_also_chair_then_PersonDoubleBooked()
    {
        var conflicts = Find(
            Session(1, "09:00", "10:00", room: 1, chairs: [100]),
            Session(2, "09:30", "10:30", room: 2, speakers: [100], chairs: [100]));

        Assert.Equal([new Conflict(ConflictKind.PersonDoubleBooked, 1, 2, PersonId: 100)], conflicts);
    }

    [Fact]
    public void Find_when_a_person_is_listed_twice_in_one_session_then_no_conflict()
    {
        var conflicts = Find(Session(1, "09:00", "10:00", room: 1, speakers: [100, 100], chairs: [100]));

        Assert.Empty(conflicts);
    }

    [Fact]
    public void Find_when_ids_are_repeated_in_overlapping_sessions_then_one_conflict_per_pair_and_person()
    {
        var conflicts = Find(
            Session(1, "09:00", "10:00", room: 1, speakers: [100, 101, 100], chairs: [101, 101]),
            Session(2, "09:30", "10:30", room: 1, speakers: [101, 100, 100, 101], chairs: [100]));

        Assert.Equal(
            [
                new Conflict(ConflictKind.PersonDoubleBooked, 1, 2, PersonId: 100),
                new Conflict(ConflictKind.PersonDoubleBooked, 1, 2, PersonId: 101),
                new Conflict(ConflictKind.RoomDoubleBooked, 1, 2, RoomId: 1),
            ],
            conflicts);
    }

    [Fact]
    public void Find_when_three_sessions_overlap_then_one_conflict_per_pair()
    {
        var conflicts = Find(
            Session(1, "09:00", "12:00", speakers: [100]),
            Session(2, "10:00", "11:00", speakers: [100]),
            Session(3, "10:30", "11:30", speakers: [100]));

        Assert.Equal(
            [
                new Conflict(ConflictKind.PersonDoubleBooked, 1, 2, PersonId: 100),
                new Conflict(ConflictKind.PersonDoubleBooked, 1, 3, PersonId: 100),
                new Conflict(ConflictKind.PersonDoubleBooked, 2, 3, PersonId: 100),
            ],
            conflicts);
    }

    [Fact]
    public void Find_when_a_long_session_spans_two_short_ones_that_do_not_overlap_then_only_the_long_one_clashes()
    {
        var conflicts = Find(
            Session(1, "09:00", "17:00", room: 5),
            Session(2, "10:00", "11:00", room: 5),
            Session(3, "11:00", "12:00", room: 5),
            Session(4, "17:00", "18:00", room: 5));

        Assert.Equal(
            [
                new Conflict(ConflictKind.RoomDoubleBooked, 1, 2, RoomId: 5),
                new Conflict(ConflictKind.RoomDoubleBooked, 1, 3, RoomId: 5),
            ],
            conflicts);
    }

    [Fact]
    public void Find_when_two_sessions_overlap_in_the_same_room_then_RoomDoubleBooked()
    {
        var conflicts = Find(
            Session(1, "09:00", "10:00", room: 4),
            Session(2, "09:59", "10:30", room: 4));

        Assert.Equal([new Conflict(ConflictKind.RoomDoubleBooked, 1, 2, RoomId: 4)], conflicts);
    }

    [Fact]
    public void Find_when_overlapping_sessions_have_no_room_then_no_RoomDoubleBooked()
    {
        var conflicts = Find(
            Session(1, "09:00", "10:00"),
            Session(2, "09:00", "10:00"));

        Assert.Empty(conflicts);
    }

    [Theory]
    [InlineData("2025-11-20T23:59:00+08:00", "2025-11-21T01:00:00+08:00")] // starts a minute before the first day
    [InlineData("2025-11-22T23:00:00+08:00", "2025-11-23T00:01:00+08:00")] // ends a minute after the last day
    [InlineData("2025-11-19T09:00:00+08:00", "2025-11-19T10:00:00+08:00")] // wholly before
    [InlineData("2025-11-24T09:00:00+08:00", "2025-11-24T10:00:00+08:00")] // wholly after
    public void Find_when_a_session_is_outside_its_event_dates_then_OutsideEventDates(string start, string end)
    {
        var session = Session(1, "09:00", "10:00") with { Start = DateTimeOffset.Parse(start), End = DateTimeOffset.Parse(end) };

        Assert.Equal([new Conflict(ConflictKind.OutsideEventDates, 1)], Find(session));
    }

    [Fact]
    public void Find_when_a_session_fills_its_event_window_exactly_then_it_is_inside()
    {
        var session = Session(1, "09:00", "10:00") with { Start = FirstDay, End = FirstDay.AddDays(2) };

        Assert.Empty(Find(session));
    }

    [Fact]
    public void Find_compares_instants_not_clock_times_when_offsets_differ()
    {
        // 01:00 UTC on 21 November is 09:00 in China: inside. 15:59 UTC on 20 November is 23:59 in China the day before: outside.
        var inside = Session(1, "09:00", "10:00") with { Start = new DateTimeOffset(2025, 11, 21, 1, 0, 0, TimeSpan.Zero) };
        var outside = Session(2, "09:00", "10:00") with { Start = new DateTimeOffset(2025, 11, 20, 15, 59, 0, TimeSpan.Zero) };

        Assert.Equal([new Conflict(ConflictKind.OutsideEventDates, 2)], Find(inside, outside));
    }

    [Fact]
    public void Find_when_the_event_has_no_window_then_its_dates_are_not_checked()
    {
        var session = Session(1, "09:00", "10:00", eventId: 99) with { Start = FirstDay.AddYears(-1) };

        Assert.Empty(Find(session));
    }

    [Fact]
    public void Find_when_items_fill_the_session_exactly_then_no_ItemsOverflow()
    {
        Assert.Empty(Find(Session(1, "09:00", "10:30", itemMinutes: 90)));
    }

    [Fact]
    public void Find_when_items_need_one_minute_more_than_the_session_then_ItemsOverflow()
    {
        Assert.Equal([new Conflict(ConflictKind.ItemsOverflow, 1)], Find(Session(1, "09:00", "10:30", itemMinutes: 91)));
    }

    [Theory]
    [InlineData("10:00", "10:00")]
    [InlineData("10:30", "10:00")]
    public void Find_when_a_session_has_no_length_then_it_overlaps_nothing(string from, string to)
    {
        var conflicts = Find(
            Session(1, "09:00", "11:00", room: 1, speakers: [100], chairs: [200]),
            Session(2, from, to, room: 1, speakers: [100], chairs: [200]));

        Assert.DoesNotContain(conflicts, c => c.OtherSessionId is not null);
    }

    [Fact]
    public void Find_when_a_session_has_zero_length_and_no_items_then_no_conflict()
    {
        Assert.Empty(Find(Session(1, "10:00", "10:00")));
    }

    [Fact]
    public void Find_when_a_session_has_zero_length_but_has_items_then_only_ItemsOverflow()
    {
        var conflicts = Find(
            Session(1, "09:00", "11:00", room: 1, speakers: [100]),
            Session(2, "10:00", "10:00", room: 1, speakers: [100], itemMinutes: 10));

        Assert.Equal([new Conflict(ConflictKind.ItemsOverflow, 2)], conflicts);
    }

    [Fact]
    public void Find_when_a_session_ends_before_it_starts_then_ItemsOverflow_even_without_items()
    {
        // The rule as written: 0 item minutes are more than -30 minutes of session.
        Assert.Equal([new Conflict(ConflictKind.ItemsOverflow, 1)], Find(Session(1, "10:30", "10:00")));
    }

    [Fact]
    public void Find_sorts_by_kind_then_session_other_session_person_and_room()
    {
        var conflicts = Find(
            Session(5, "09:00", "10:00", room: 1, speakers: [300, 100], itemMinutes: 61),
            Session(4, "09:30", "10:30", room: 1, speakers: [100, 300], chairs: [200]),
            Session(2, "09:45", "10:45", room: 2, speakers: [200], itemMinutes: 61),
            Session(1, "08:00", "09:00", speakers: [100]) with { Start = FirstDay.AddDays(-1) });

        Assert.Equal(
            [
                new Conflict(ConflictKind.PersonDoubleBooked, 4, 5, PersonId: 100),
                new Conflict(ConflictKind.PersonDoubleBooked, 4, 5, PersonId: 300),
                new Conflict(ConflictKind.RoomDoubleBooked, 4, 5, RoomId: 1),
                new Conflict(ConflictKind.OutsideEventDates, 1),
                new Conflict(ConflictKind.ItemsOverflow, 2),
                new Conflict(ConflictKind.ItemsOverflow, 5),
                new Conflict(ConflictKind.ChairSpeaksElsewhere, 2, 4, PersonId: 200),
            ],
            conflicts);
    }

    [Fact]
    public void Find_when_two_sessions_share_an_id_then_throws()
    {
        Assert.Throws<ArgumentException>(() => Find(Session(1, "09:00", "10:00"), Session(1, "11:00", "12:00")));
    }

    [Fact]
    public void Find_when_an_event_has_two_windows_then_throws()
    {
        EventWindow[] windows = [.. Windows, new(Forum, FirstDay, FirstDay.AddDays(1))];

        Assert.Throws<ArgumentException>(() => ConflictDetector.Find([Session(1, "09:00", "10:00")], windows));
    }
}
