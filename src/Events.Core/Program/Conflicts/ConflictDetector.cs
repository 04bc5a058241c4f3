using System.Buffers;

namespace Events.Core.Program.Conflicts;

/// <summary>
/// Finds the problems in a program before it is published: people and rooms booked twice at once,
/// chairs who speak in a parallel session, sessions outside their event's dates, and items that do not fit.
/// </summary>
/// <remarks>
/// <para>Times are half-open intervals [Start, End): a session ending at 10:00 and one starting at 10:00 do not overlap.</para>
/// <para>
/// A session whose End is not after its Start has no length, so it overlaps nothing and takes part in no pair conflict.
/// It gets no conflict kind of its own; the two single-session rules still apply to it as written:
/// <see cref="ConflictKind.OutsideEventDates"/> if it lies outside its event's window, and
/// <see cref="ConflictKind.ItemsOverflow"/> if its items need more minutes than its length: a zero-length session
/// with items, and any session that ends before it starts (even with no items, as 0 minutes exceed a negative length).
/// </para>
/// <para>
/// A person listed more than once in one session (twice as a participant, or as participant and chair) is not a conflict,
/// and repeated ids never yield repeated conflicts. Session ids must be unique, and so must the windows' event ids.
/// </para>
/// <para>
/// A person with availability ranges is reported (<see cref="ConflictKind.OutsideAvailability"/>, once per session and person)
/// for every session of positive length they take part in, as participant or chair, that the union of their ranges does not
/// cover from start to end; touching ranges join. A person with no range is free throughout.
/// </para>
/// </remarks>
public static class ConflictDetector
{
    [Flags]
    private enum Role : byte
    {
        None = 0,
        Participant = 1,
        Chair = 2,
    }

    /// <summary>A session under a key (a room or a person), ordered by key, then start, then session.</summary>
    private readonly record struct Booking(int Key, long Start, int Session, Role Role) : IComparable<Booking>
    {
        public int CompareTo(Booking other)
        {
            var c = Key.CompareTo(other.Key);
            if (c == 0) c = Start.CompareTo(other.Start);
            if (c == 0) c = Session.CompareTo(other.Session);
            return c;
        }
    }

    /// <summary>
    /// Checks every session against the others and against its event's window.
    /// The result is sorted by kind, session id, other session id, person id and room id.
    /// </summary>
    /// <exception cref="ArgumentException">Two sessions share an id, or two windows share an event id.</exception>
    public static IReadOnlyList<Conflict> Find(IReadOnlyList<ScheduledSession> sessions, IReadOnlyList<EventWindow> windows) =>
        Find(sessions, windows, []);

    /// <inheritdoc cref="Find(IReadOnlyList{ScheduledSession}, IReadOnlyList{EventWindow})"/>
    /// <param name="availability">The people's available times; people not listed are free throughout.</param>
    public static IReadOnlyList<Conflict> Find(IReadOnlyList<ScheduledSession> sessions, IReadOnlyList<EventWindow> windows, IReadOnlyList<AvailabilityRange> availability)
    {
        ArgumentNullException.ThrowIfNull(availability);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(windows);

        var n = sessions.Count;
        var starts = new long[n];
        var ends = new long[n];
        var ids = new int[n];
        for (var i = 0; i < n; i++)
        {
            ids[i] = sessions[i].Id;
            starts[i] = sessions[i].Start.UtcTicks;
            ends[i] = sessions[i].End.UtcTicks;
        }
        Array.Sort(ids);
        for (var i = 1; i < n; i++)
        {
            if (ids[i] == ids[i - 1])
            {
                throw new ArgumentException($"Session id {ids[i]} appears more than once.", nameof(sessions));
            }
        }

        var windowByEvent = new Dictionary<int, EventWindow>(windows.Count);
        foreach (var window in windows)
        {
            if (!windowByEvent.TryAdd(window.EventId, window))
            {
                throw new ArgumentException($"Event {window.EventId} has more than one window.", nameof(windows));
            }
        }

        var conflicts = new List<Conflict>();
        FindSingleSessionConflicts(sessions, windowByEvent, conflicts);
        FindRoomConflicts(sessions, starts, ends, conflicts);
        FindPersonConflicts(sessions, starts, ends, conflicts);
        FindAvailabilityConflicts(sessions, availability, conflicts);

        conflicts.Sort(Compare);
        return conflicts;
    }

    /// <summary>
    /// The conflicts after some sessions changed, without checking the whole program again: <paramref name="previous"/> is
    /// <see cref="Find(IReadOnlyList{ScheduledSession}, IReadOnlyList{EventWindow}, IReadOnlyList{AvailabilityRange})"/>
    /// of the program before, <paramref name="sessions"/> the program now (a changed session that is gone is simply absent),
    /// <paramref name="changed"/> the ids of the sessions added, moved, edited or removed (or whose people's availability changed).
    /// Returns exactly what Find returns on the program now, in the same order.
    /// </summary>
    /// <remarks>
    /// Every conflict is about one session or a pair of them, and depends only on those sessions (and the windows and
    /// availability), so a conflict between two unchanged sessions stays as it was. The changed sessions are checked again
    /// together with the sessions that share a room or a person with one of them and overlap it in time: the only ones a
    /// pair conflict with a changed session can involve. The cost is one pass to pick those sessions and a check of that
    /// handful, instead of a check of the whole program.
    /// </remarks>
    public static IReadOnlyList<Conflict> Recheck(IReadOnlyList<Conflict> previous, IReadOnlyDictionary<int, ScheduledSession> sessions, IReadOnlySet<int> changed,
        IReadOnlyList<EventWindow> windows, IReadOnlyList<AvailabilityRange> availability)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(changed);
        var result = new List<Conflict>(previous.Count + 8);
        foreach (var c in previous)
        {
            if (!changed.Contains(c.SessionId) && !(c.OtherSessionId is { } other && changed.Contains(other))) result.Add(c);
        }

        var touched = new List<ScheduledSession>();
        var rooms = new HashSet<int>();
        var people = new HashSet<int>();
        foreach (var id in changed)
        {
            if (!sessions.TryGetValue(id, out var s)) continue;
            touched.Add(s);
            if (s.Start >= s.End) continue;
            if (s.RoomId is { } room) rooms.Add(room);
            people.UnionWith(s.ParticipantIds);
            people.UnionWith(s.ChairIds);
        }
        if (touched.Count == 0)
        {
            result.Sort(Compare);
            return result;
        }

        // The neighbours: sessions of positive length sharing a room or a person with a changed one and overlapping it.
        var subset = new List<ScheduledSession>(touched);
        foreach (var s in sessions.Values)
        {
            if (changed.Contains(s.Id) || s.Start >= s.End) continue;
            var shares = (s.RoomId is { } room && rooms.Contains(room)) || s.ParticipantIds.Any(people.Contains) || s.ChairIds.Any(people.Contains);
            if (!shares) continue;
            foreach (var t in touched)
            {
                if (t.Start < s.End && s.Start < t.End)
                {
                    subset.Add(s);
                    break;
                }
            }
        }
        foreach (var c in Find(subset, windows, availability))
        {
            if (changed.Contains(c.SessionId) || (c.OtherSessionId is { } other && changed.Contains(other))) result.Add(c);
        }
        result.Sort(Compare);
        return result;
    }

    private static void FindSingleSessionConflicts(IReadOnlyList<ScheduledSession> sessions, Dictionary<int, EventWindow> windowByEvent, List<Conflict> conflicts)
    {
        foreach (var session in sessions)
        {
            if (windowByEvent.TryGetValue(session.EventId, out var window) && (session.Start < window.Start || session.End > window.End))
            {
                conflicts.Add(new Conflict(ConflictKind.OutsideEventDates, session.Id));
            }
            if (session.ItemMinutes > (session.End - session.Start).TotalMinutes)
            {
                conflicts.Add(new Conflict(ConflictKind.ItemsOverflow, session.Id));
            }
        }
    }

    // The bookings of a large program pass 85 KB (8,000 sessions make 24,000 person bookings of 24 bytes), so each check
    // would put them on the large object heap and trigger gen 2 collections; they come from the shared pool instead.
    private static void FindRoomConflicts(IReadOnlyList<ScheduledSession> sessions, long[] starts, long[] ends, List<Conflict> conflicts)
    {
        var bookings = ArrayPool<Booking>.Shared.Rent(sessions.Count);
        try
        {
            var count = 0;
            for (var i = 0; i < sessions.Count; i++)
            {
                if (sessions[i].RoomId is { } roomId && starts[i] < ends[i])
                {
                    bookings[count++] = new Booking(roomId, starts[i], i, Role.None);
                }
            }
            Array.Sort(bookings, 0, count);

            ForEachOverlap(bookings.AsSpan(0, count), ends, (a, b) =>
            {
                var (first, second) = Ordered(sessions[a.Session].Id, sessions[b.Session].Id);
                conflicts.Add(new Conflict(ConflictKind.RoomDoubleBooked, first, second, RoomId: a.Key));
            });
        }
        finally
        {
            ArrayPool<Booking>.Shared.Return(bookings);
        }
    }

    private static void FindPersonConflicts(IReadOnlyList<ScheduledSession> sessions, long[] starts, long[] ends, List<Conflict> conflicts)
    {
        var size = 0;
        for (var i = 0; i < sessions.Count; i++)
        {
            size += sessions[i].ParticipantIds.Count + sessions[i].ChairIds.Count;
        }
        var bookings = ArrayPool<Booking>.Shared.Rent(size);
        try
        {
            var count = 0;
            for (var i = 0; i < sessions.Count; i++)
            {
                if (starts[i] >= ends[i])
                {
                    continue;
                }
                // Indexed, not foreach: enumerating an IReadOnlyList allocates an enumerator per list.
                var (participants, chairs) = (sessions[i].ParticipantIds, sessions[i].ChairIds);
                for (var k = 0; k < participants.Count; k++)
                {
                    bookings[count++] = new Booking(participants[k], starts[i], i, Role.Participant);
                }
                for (var k = 0; k < chairs.Count; k++)
                {
                    bookings[count++] = new Booking(chairs[k], starts[i], i, Role.Chair);
                }
            }
            Array.Sort(bookings, 0, count);

            // One booking per person and session: the sort put a person's repeats in the same session side by side.
            var kept = 0;
            for (var k = 0; k < count; k++)
            {
                var booking = bookings[k];
                if (kept > 0 && bookings[kept - 1].Key == booking.Key && bookings[kept - 1].Session == booking.Session)
                {
                    bookings[kept - 1] = booking with { Role = bookings[kept - 1].Role | booking.Role };
                }
                else
                {
                    bookings[kept++] = booking;
                }
            }

            ForEachOverlap(bookings.AsSpan(0, kept), ends, (a, b) =>
            {
                var kind = ChairsOneSpeaksInOther(a.Role, b.Role) ? ConflictKind.ChairSpeaksElsewhere : ConflictKind.PersonDoubleBooked;
                var (first, second) = Ordered(sessions[a.Session].Id, sessions[b.Session].Id);
                conflicts.Add(new Conflict(kind, first, second, PersonId: a.Key));
            });
        }
        finally
        {
            ArrayPool<Booking>.Shared.Return(bookings);
        }
    }

    /// <summary>
    /// Each person's ranges are sorted and joined where they touch or overlap, once (O(r log r)); a session is then covered
    /// when the joined range starting last at or before its start reaches its end, found by binary search (O(log r)).
    /// </summary>
    private static void FindAvailabilityConflicts(IReadOnlyList<ScheduledSession> sessions, IReadOnlyList<AvailabilityRange> availability, List<Conflict> conflicts)
    {
        if (availability.Count == 0) return;
        var joined = new Dictionary<int, List<(long Start, long End)>>();
        foreach (var group in availability.GroupBy(a => a.PersonId))
        {
            var list = new List<(long Start, long End)>();
            foreach (var (start, end) in group.Select(a => (a.Start.UtcTicks, a.End.UtcTicks)).Where(r => r.Item1 < r.Item2).OrderBy(r => r.Item1))
            {
                if (list.Count > 0 && start <= list[^1].End) list[^1] = (list[^1].Start, Math.Max(list[^1].End, end));
                else list.Add((start, end));
            }
            // A person whose every range is empty has still said when they are available: never.
            joined[group.Key] = list;
        }

        var seen = new HashSet<int>();
        foreach (var session in sessions)
        {
            var (start, end) = (session.Start.UtcTicks, session.End.UtcTicks);
            if (start >= end) continue;
            seen.Clear();
            foreach (var person in session.ParticipantIds.Concat(session.ChairIds))
            {
                if (!seen.Add(person) || !joined.TryGetValue(person, out var ranges)) continue;
                if (!Covers(ranges, start, end)) conflicts.Add(new Conflict(ConflictKind.OutsideAvailability, session.Id, PersonId: person));
            }
        }
    }

    private static bool Covers(List<(long Start, long End)> ranges, long start, long end)
    {
        var (low, high) = (0, ranges.Count - 1);
        var found = -1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (ranges[mid].Start <= start)
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return found >= 0 && ranges[found].End >= end;
    }

    /// <summary>Only a chair in one session (not also speaking there) and only a participant in the other (not also chairing it).</summary>
    private static bool ChairsOneSpeaksInOther(Role a, Role b) =>
        (a == Role.Chair && b == Role.Participant) || (a == Role.Participant && b == Role.Chair);

    /// <summary>
    /// Calls <paramref name="onOverlap"/> once for each pair of overlapping sessions under the same key, given bookings
    /// sorted by key and start, all of positive length and at most one per key and session.
    /// </summary>
    /// <remarks>
    /// Comparing every pair of sessions would cost n²: 2,000 sessions are 2 million pairs, 8,000 are 32 million, and
    /// nearly all of them share no room or person or are hours apart. Instead the bookings are grouped by room or person
    /// and sorted by start (one O(b log b) sort of the b bookings), then swept once per group, keeping the sessions still
    /// running. A session that has ended when the next one starts leaves the running set for good (every later one
    /// starts no earlier), so each booking enters and leaves the set once, and every other step of the sweep reports a
    /// real overlap. The cost is O(b log b + overlapping pairs), and in a workable program the overlapping pairs are few.
    /// </remarks>
    private static void ForEachOverlap(ReadOnlySpan<Booking> bookings, long[] ends, Action<Booking, Booking> onOverlap)
    {
        var running = new List<Booking>();
        foreach (var booking in bookings)
        {
            if (running.Count > 0 && running[0].Key != booking.Key)
            {
                running.Clear();
            }

            // Drop the sessions that ended at or before this start (half-open: touching is not overlap);
            // the rest started no later than this one and end after it starts, so they overlap it.
            var kept = 0;
            for (var k = 0; k < running.Count; k++)
            {
                if (ends[running[k].Session] > booking.Start)
                {
                    running[kept++] = running[k];
                }
            }
            running.RemoveRange(kept, running.Count - kept);

            foreach (var other in running)
            {
                onOverlap(other, booking);
            }
            running.Add(booking);
        }
    }

    private static (int First, int Second) Ordered(int a, int b) => a < b ? (a, b) : (b, a);

    private static int Compare(Conflict x, Conflict y)
    {
        var c = x.Kind.CompareTo(y.Kind);
        if (c == 0) c = x.SessionId.CompareTo(y.SessionId);
        if (c == 0) c = Nullable.Compare(x.OtherSessionId, y.OtherSessionId);
        if (c == 0) c = Nullable.Compare(x.PersonId, y.PersonId);
        if (c == 0) c = Nullable.Compare(x.RoomId, y.RoomId);
        return c;
    }
}
