using Events.Core.Program.Conflicts;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Events.Core.Tests.Program;

/// <summary>
/// A small program on a half-hour grid (0–30 sessions, 3 rooms, 6 people, 3 events), so that overlaps, touching
/// sessions, shared people, zero-length sessions and sessions on a window's edge are all common.
/// ToString prints a readable counterexample, in minutes from the grid's origin.
/// </summary>
public sealed record SmallSchedule(ScheduledSession[] Sessions, AvailabilityRange[] Availability)
{
    public SmallSchedule(ScheduledSession[] sessions) : this(sessions, []) { }

    public static readonly DateTimeOffset Origin = new(2025, 11, 21, 8, 0, 0, TimeSpan.FromHours(8));
    public const int SlotMinutes = 30;

    /// <summary>Event 1 runs from slot 2 to slot 9, event 2 holds every session, event 3 has no window.</summary>
    public static readonly EventWindow[] Windows =
    [
        new(1, Slot(2), Slot(9)),
        new(2, Slot(0), Slot(16)),
    ];

    public static DateTimeOffset Slot(int slot) => Origin.AddMinutes(slot * SlotMinutes);

    public override string ToString() => Environment.NewLine + string.Join(Environment.NewLine, Sessions.Select(s =>
        $"#{s.Id} event {s.EventId} room {s.RoomId?.ToString() ?? "-"} {(s.Start - Origin).TotalMinutes}–{(s.End - Origin).TotalMinutes} " +
        $"items {s.ItemMinutes} participants [{string.Join(",", s.ParticipantIds)}] chairs [{string.Join(",", s.ChairIds)}]").Concat(
        Availability.Select(a => $"person {a.PersonId} available {(a.Start - Origin).TotalMinutes}–{(a.End - Origin).TotalMinutes}")));
}

public static class ScheduleArbitraries
{
    public static Gen<SmallSchedule> Schedules()
    {
        var people = Gen.Choose(1, 6);
        var session =
            from eventId in Gen.Choose(1, 3)
            from room in Gen.Frequency((1, Gen.Constant<int?>(null)), (4, Gen.Choose(1, 3).Select(r => (int?)r)))
            from start in Gen.Choose(0, 11)
            from length in Gen.Frequency((1, Gen.Choose(-1, 0)), (8, Gen.Choose(1, 4)))
            from participantCount in Gen.Choose(0, 3)
            from participants in Gen.ArrayOf(people, participantCount)
            from chairCount in Gen.Choose(0, 2)
            from chairs in Gen.ArrayOf(people, chairCount)
            from itemMinutes in Gen.Elements(0, 30, 31, 60, 61, 90, 120)
            select (Func<int, ScheduledSession>)(id => new ScheduledSession(
                id, eventId, room, SmallSchedule.Slot(start), SmallSchedule.Slot(start + length), participants, chairs, itemMinutes));

        // Half the people say when they are available: zero to three ranges each, some empty, touching or overlapping.
        var range =
            from start in Gen.Choose(0, 14)
            from length in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 6)))
            select (start, length);
        var availability =
            from perPerson in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(Array.Empty<(int, int)>())), (1, Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(range, n)))), 6)
            select perPerson.SelectMany((ranges, p) => ranges.Select(r => new AvailabilityRange(p + 1, SmallSchedule.Slot(r.Item1), SmallSchedule.Slot(r.Item1 + r.Item2)))).ToArray();

        return
            from count in Gen.Choose(0, 30)
            from ids in Gen.Shuffle(Enumerable.Range(1, 60))
            from sessions in Gen.ArrayOf(session, count)
            from available in availability
            select new SmallSchedule(sessions.Select((make, i) => make(ids[i])).ToArray(), available);
    }

    /// <summary>Shrinks by dropping one session at a time.</summary>
    public static Arbitrary<SmallSchedule> SmallSchedules() =>
        Arb.ToArbitrary(Schedules(), schedule => Enumerable.Range(0, schedule.Sessions.Length)
            .Select(drop => schedule with { Sessions = schedule.Sessions.Where((_, i) => i != drop).ToArray() })
            .Concat(Enumerable.Range(0, schedule.Availability.Length)
                .Select(drop => schedule with { Availability = schedule.Availability.Where((_, i) => i != drop).ToArray() })));
}

/// <summary>The rules applied the obvious way, to every pair: O(n²), and the reference the detector must agree with.</summary>
public static class BruteForceConflicts
{
    public static List<Conflict> Find(IReadOnlyList<ScheduledSession> sessions, IReadOnlyList<EventWindow> windows, IReadOnlyList<AvailabilityRange>? availability = null)
    {
        var found = new HashSet<Conflict>();
        availability ??= [];
        foreach (var s in sessions.Where(s => s.Start < s.End))
        {
            foreach (var p in s.ParticipantIds.Concat(s.ChairIds).Distinct())
            {
                var ranges = availability.Where(a => a.PersonId == p).ToList();
                if (ranges.Count == 0) continue;
                // Walk from the session's start: while some range holds the moment reached, jump to its end.
                var reached = s.Start;
                while (reached < s.End && ranges.FirstOrDefault(r => r.Start <= reached && reached < r.End) is { } holding)
                {
                    reached = holding.End;
                }
                if (reached < s.End) found.Add(new Conflict(ConflictKind.OutsideAvailability, s.Id, PersonId: p));
            }
        }
        foreach (var s in sessions)
        {
            var window = windows.FirstOrDefault(w => w.EventId == s.EventId);
            if (window is not null && (s.Start < window.Start || s.End > window.End))
            {
                found.Add(new Conflict(ConflictKind.OutsideEventDates, s.Id));
            }
            if (s.ItemMinutes > (s.End - s.Start).TotalMinutes)
            {
                found.Add(new Conflict(ConflictKind.ItemsOverflow, s.Id));
            }
        }

        for (var i = 0; i < sessions.Count; i++)
        {
            for (var j = i + 1; j < sessions.Count; j++)
            {
                var (a, b) = (sessions[i], sessions[j]);
                var overlap = a.Start < a.End && b.Start < b.End && a.Start < b.End && b.Start < a.End;
                if (!overlap)
                {
                    continue;
                }
                var (low, high) = (Math.Min(a.Id, b.Id), Math.Max(a.Id, b.Id));
                if (a.RoomId is not null && a.RoomId == b.RoomId)
                {
                    found.Add(new Conflict(ConflictKind.RoomDoubleBooked, low, high, RoomId: a.RoomId));
                }
                foreach (var p in a.ParticipantIds.Concat(a.ChairIds).Intersect(b.ParticipantIds.Concat(b.ChairIds)))
                {
                    var chairsASpeaksInB = a.ChairIds.Contains(p) && !a.ParticipantIds.Contains(p) && b.ParticipantIds.Contains(p) && !b.ChairIds.Contains(p);
                    var chairsBSpeaksInA = b.ChairIds.Contains(p) && !b.ParticipantIds.Contains(p) && a.ParticipantIds.Contains(p) && !a.ChairIds.Contains(p);
                    var kind = chairsASpeaksInB || chairsBSpeaksInA ? ConflictKind.ChairSpeaksElsewhere : ConflictKind.PersonDoubleBooked;
                    found.Add(new Conflict(kind, low, high, PersonId: p));
                }
            }
        }

        return found
            .OrderBy(c => c.Kind)
            .ThenBy(c => c.SessionId)
            .ThenBy(c => c.OtherSessionId)
            .ThenBy(c => c.PersonId)
            .ThenBy(c => c.RoomId)
            .ToList();
    }
}

public class ConflictDetectorProperties
{
    [Property(Arbitrary = [typeof(ScheduleArbitraries)], MaxTest = 1000)]
    public Property Find_returns_exactly_what_checking_every_pair_returns_in_the_documented_order(SmallSchedule schedule)
    {
        var expected = BruteForceConflicts.Find(schedule.Sessions, SmallSchedule.Windows, schedule.Availability);
        var actual = ConflictDetector.Find(schedule.Sessions, SmallSchedule.Windows, schedule.Availability);

        return actual.SequenceEqual(expected).Label(
            $"missing: {string.Join("; ", expected.Except(actual))} | extra: {string.Join("; ", actual.Except(expected))} | " +
            $"actual order: {string.Join("; ", actual)}");
    }

    /// <summary>
    /// The live timetable's incremental check: after random edits (sessions moved, re-peopled, removed or added, one at a
    /// time or several together, and people's availability changed), rechecking only the changed sessions gives exactly
    /// what checking the whole program again gives.
    /// </summary>
    [Fact]
    public void Recheck_after_random_edits_equals_the_full_check()
    {
        var before = ScheduleArbitraries.Schedules().Sample(numberOfSamples: 300, seed: new Rnd(14), size: 30);
        var edits = ScheduleArbitraries.Schedules().Sample(numberOfSamples: 300, seed: new Rnd(41), size: 30);
        var random = new Random(1414);
        var checkedChanges = 0;
        for (var n = 0; n < before.Length; n++)
        {
            var program = before[n].Sessions.ToDictionary(s => s.Id);
            var availability = before[n].Availability.ToList();
            var conflicts = ConflictDetector.Find(program.Values.ToList(), SmallSchedule.Windows, availability);
            // Several edits in a row, each checked incrementally from the result of the one before.
            for (var step = 0; step < 4; step++)
            {
                var changed = new HashSet<int>();
                var source = edits[(n + step * 7) % edits.Length].Sessions;
                var edit = random.Next(4);
                if (edit == 0 && program.Count > 0)
                {
                    var gone = program.Keys.ElementAt(random.Next(program.Count));
                    program.Remove(gone);
                    changed.Add(gone);
                }
                else if (edit == 3)
                {
                    // A person's availability replaced: every session they take part in is rechecked.
                    var person = random.Next(1, 7);
                    availability.RemoveAll(a => a.PersonId == person);
                    if (random.Next(2) == 0) availability.Add(new AvailabilityRange(person, SmallSchedule.Slot(random.Next(0, 8)), SmallSchedule.Slot(random.Next(8, 16))));
                    changed.UnionWith(program.Values.Where(s => s.ParticipantIds.Contains(person) || s.ChairIds.Contains(person)).Select(s => s.Id));
                }
                else
                {
                    // One to three sessions take the place, time, people and items of generated ones (new ids are additions).
                    foreach (var s in source.Take(random.Next(1, 4)))
                    {
                        var id = edit == 1 && program.Count > 0 ? program.Keys.ElementAt(random.Next(program.Count)) : s.Id + 100;
                        program[id] = s with { Id = id };
                        changed.Add(id);
                    }
                }
                var expected = ConflictDetector.Find(program.Values.ToList(), SmallSchedule.Windows, availability);
                conflicts = ConflictDetector.Recheck(conflicts, program, changed, SmallSchedule.Windows, availability);
                Assert.Equal(expected, conflicts);
                checkedChanges += changed.Count;
            }
        }
        Assert.True(checkedChanges > 1000, $"changed sessions checked: {checkedChanges}");
    }

    [Fact]
    public void Find_does_not_depend_on_the_order_of_the_sessions()
    {
        foreach (var schedule in ScheduleArbitraries.Schedules().Sample(numberOfSamples: 200, seed: new Rnd(7), size: 30))
        {
            var forwards = ConflictDetector.Find(schedule.Sessions, SmallSchedule.Windows, schedule.Availability);
            var backwards = ConflictDetector.Find(Enumerable.Reverse(schedule.Sessions).ToArray(), SmallSchedule.Windows, Enumerable.Reverse(schedule.Availability).ToArray());
            Assert.Equal(forwards, backwards);
        }
    }

    /// <summary>
    /// The property above only means something if its schedules are full of the cases that matter; this checks that
    /// a fixed sample of them holds every kind of conflict many times, and touching sessions that share a person.
    /// </summary>
    [Fact]
    public void The_generated_schedules_are_rich_in_conflicts_and_touching_sessions()
    {
        var samples = ScheduleArbitraries.Schedules().Sample(numberOfSamples: 300, seed: new Rnd(2025), size: 30);
        var conflicts = samples.SelectMany(s => BruteForceConflicts.Find(s.Sessions, SmallSchedule.Windows, s.Availability)).ToList();

        var byKind = Enum.GetValues<ConflictKind>().ToDictionary(k => k, k => conflicts.Count(c => c.Kind == k));
        Assert.True(byKind.Values.All(n => n >= 500), string.Join(", ", byKind));
        var touchingWithSharedPerson = samples.Sum(s =>
            s.Sessions.SelectMany(_ => s.Sessions, (a, b) => (a, b))
                .Count(x => x.a.End == x.b.Start && x.a.Start < x.a.End && x.b.Start < x.b.End
                    && x.a.ParticipantIds.Concat(x.a.ChairIds).Intersect(x.b.ParticipantIds.Concat(x.b.ChairIds)).Any()));
        Assert.True(touchingWithSharedPerson >= 1000, $"touching pairs sharing a person: {touchingWithSharedPerson}");
    }
}
