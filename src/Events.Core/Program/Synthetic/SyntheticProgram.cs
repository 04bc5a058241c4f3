using Events.Core.Program.Conflicts;

namespace Events.Core.Program.Synthetic;

/// <summary>A generated program: its sessions and event windows, what it holds, and the conflicts planted in it.</summary>
/// <param name="Planted">How many conflicts of each kind were planted on purpose. Every kind is listed, with 0 if none could be planted.</param>
public sealed record SyntheticSchedule(
    IReadOnlyList<ScheduledSession> Sessions,
    IReadOnlyList<EventWindow> Windows,
    int RoomCount,
    int PersonCount,
    int ParticipationCount,
    IReadOnlyDictionary<ConflictKind, int> Planted);

/// <summary>
/// Builds a large, plausible program for benchmarks and tests, without a database: one parent event and its sub-forums
/// over three days (China time, UTC+8), each forum with its own rooms, sessions laid out one after another in each room
/// between 08:30 and 18:30 (often back to back, touching but not overlapping), people spread over the sessions so that
/// nobody is in two places at once, and then a few deliberate clashes of every <see cref="ConflictKind"/>.
/// The same seed and sizes always give the same program.
/// </summary>
public static class SyntheticProgram
{
    public const int Days = 3;
    public const int ParentEventId = 1;

    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset FirstDay = new(2025, 11, 21, 0, 0, 0, ChinaTime);
    private const int DayStartMinutes = 8 * 60 + 30;
    private const int DayLengthMinutes = 10 * 60;
    private const int SessionsPerRoomDay = 8;
    private static readonly int[] Durations = [30, 45, 45, 60, 60, 60, 90, 120];
    private static readonly int[] Gaps = [0, 0, 0, 5, 10, 15, 30];
    private static readonly int[] ItemSlack = [0, 0, 5, 10, 15];

    /// <summary>
    /// Generates a program of <paramref name="sessions"/> sessions for the parent event (id 1) and <paramref name="forums"/>
    /// sub-forums (ids 2, 3, …), with exactly <paramref name="participations"/> participations (one chair per session, the rest
    /// item participants) shared among exactly <paramref name="people"/> people (ids 1 to <paramref name="people"/>, each at least once).
    /// About one session in 500 per kind carries a planted conflict (at least one of each kind).
    /// </summary>
    public static SyntheticSchedule Generate(int seed = 42, int forums = 40, int sessions = 2000, int participations = 6000, int people = 3000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(forums);
        ArgumentOutOfRangeException.ThrowIfLessThan(sessions, forums + 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(participations, sessions);
        ArgumentOutOfRangeException.ThrowIfLessThan(people, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(people, participations);

        var random = new Random(seed);
        var planted = Enum.GetValues<ConflictKind>().ToDictionary(k => k, _ => 0);
        var toPlant = Math.Max(1, sessions / 500);

        var events = Enumerable.Range(ParentEventId, forums + 1).ToArray();
        var windows = events
            .Select(id => new EventWindow(id, FirstDay.ToUniversalTime(), FirstDay.AddDays(Days).ToUniversalTime()))
            .ToList();

        var drafts = new List<Draft>(sessions);
        var roomCount = LayOut(random, events, sessions, toPlant, drafts, planted);
        PlantRoomClashes(random, drafts, toPlant, planted);
        PlantOverflows(random, drafts, toPlant, planted);
        AssignPeople(random, drafts, participations, people, toPlant, planted);

        var result = drafts
            .Select(d => new ScheduledSession(d.Id, d.EventId, d.RoomId, d.Start.ToUniversalTime(), d.End.ToUniversalTime(),
                d.Participants.ToArray(), d.Chairs.ToArray(), d.ItemMinutes))
            .ToList();
        return new SyntheticSchedule(result, windows, roomCount, people, participations, planted);
    }

    private sealed class Draft
    {
        public int Id { get; init; }
        public int EventId { get; init; }
        public int RoomId { get; init; }
        public int RoomDay { get; init; }
        public int IndexInRoomDay { get; init; }
        public DateTimeOffset Start { get; set; }
        public DateTimeOffset End { get; init; }
        public int ItemMinutes { get; set; }
        public List<int> Participants { get; } = [];
        public List<int> Chairs { get; } = [];

        public int Minutes => (int)(End - Start).TotalMinutes;

        public bool Overlaps(Draft other) => Start < other.End && other.Start < End;

        public bool Has(int person) => Participants.Contains(person) || Chairs.Contains(person);
    }

    /// <summary>Shares the sessions among the events (a twentieth to the parent's plenary halls) and lays each event's out in its rooms.</summary>
    private static int LayOut(Random random, int[] events, int sessions, int toPlant, List<Draft> drafts, Dictionary<ConflictKind, int> planted)
    {
        var quotas = new int[events.Length];
        quotas[0] = events.Length == 1 ? sessions : Math.Max(1, sessions / 20);
        var rest = sessions - quotas[0];
        for (var f = 1; f < events.Length; f++)
        {
            quotas[f] = rest / (events.Length - 1) + (f - 1 < rest % (events.Length - 1) ? 1 : 0);
        }

        // Some events get a session on the evening before the first day (a reception, say): outside their window.
        var early = new HashSet<int>(Shuffled(random, Enumerable.Range(0, events.Length)).Take(toPlant));
        planted[ConflictKind.OutsideEventDates] = early.Count;

        var nextRoom = 1;
        var roomDay = 0;
        for (var e = 0; e < events.Length; e++)
        {
            var quota = quotas[e] - (early.Contains(e) ? 1 : 0);
            var rooms = Math.Max(1, (quota + Days * SessionsPerRoomDay - 1) / (Days * SessionsPerRoomDay));
            var firstRoom = nextRoom;
            nextRoom += rooms;
            if (early.Contains(e))
            {
                var eve = FirstDay.AddDays(-1).AddHours(19);
                drafts.Add(new Draft
                {
                    Id = drafts.Count + 1, EventId = events[e], RoomId = firstRoom, RoomDay = -1,
                    Start = eve, End = eve.AddHours(1), ItemMinutes = 45,
                });
            }

            var roomDays = Days * rooms;
            for (var j = 0; j < roomDays; j++, roomDay++)
            {
                var count = quota / roomDays + (j < quota % roomDays ? 1 : 0);
                var dayStart = FirstDay.AddDays(j / rooms).AddMinutes(DayStartMinutes);
                var used = 0;
                for (var i = 0; i < count; i++)
                {
                    var share = (DayLengthMinutes - used) / (count - i);
                    var gap = i == 0 ? 0 : Math.Min(Pick(random, Gaps), share / 3 / 5 * 5);
                    var minutes = Math.Max(15, Math.Min(Pick(random, Durations), (share - gap) / 5 * 5));
                    var start = dayStart.AddMinutes(used + gap);
                    used += gap + minutes;
                    drafts.Add(new Draft
                    {
                        Id = drafts.Count + 1, EventId = events[e], RoomId = firstRoom + j % rooms, RoomDay = roomDay, IndexInRoomDay = i,
                        Start = start, End = start.AddMinutes(minutes), ItemMinutes = Math.Max(0, minutes - Pick(random, ItemSlack)),
                    });
                }
            }
        }
        return nextRoom - 1;
    }

    /// <summary>In a few rooms, one session starts 15 minutes before the one before it ends.</summary>
    private static void PlantRoomClashes(Random random, List<Draft> drafts, int toPlant, Dictionary<ConflictKind, int> planted)
    {
        var clashedRoomDays = new HashSet<int>();
        foreach (var draft in Shuffled(random, drafts.Where(d => d.IndexInRoomDay > 0)))
        {
            if (clashedRoomDays.Count == toPlant)
            {
                break;
            }
            var before = drafts[draft.Id - 2]; // laid out just before it, in the same room and day
            if (before.Minutes >= 30 && clashedRoomDays.Add(draft.RoomDay))
            {
                draft.Start = before.End.AddMinutes(-15);
            }
        }
        planted[ConflictKind.RoomDoubleBooked] = clashedRoomDays.Count;
    }

    /// <summary>A few sessions get more item minutes than they last.</summary>
    private static void PlantOverflows(Random random, List<Draft> drafts, int toPlant, Dictionary<ConflictKind, int> planted)
    {
        var chosen = Shuffled(random, drafts).Take(toPlant).ToList();
        foreach (var draft in chosen)
        {
            draft.ItemMinutes = draft.Minutes + 5 * random.Next(1, 5);
        }
        planted[ConflictKind.ItemsOverflow] = chosen.Count;
    }

    /// <summary>
    /// One chair per session and the other participations spread at random; every person is used once first, then
    /// people are drawn at random, skipping anyone already busy at that time. A few participations are kept back and
    /// filled last with someone who is busy elsewhere: a speaker twice at once, or a chair who speaks in a parallel session.
    /// </summary>
    private static void AssignPeople(Random random, List<Draft> drafts, int participations, int people, int toPlant, Dictionary<ConflictKind, int> planted)
    {
        var slots = new List<(Draft Session, bool Chair)>(participations);
        slots.AddRange(drafts.Select(d => (d, true)));
        for (var i = drafts.Count; i < participations; i++)
        {
            slots.Add((drafts[random.Next(drafts.Count)], false));
        }
        slots = Shuffled(random, slots);

        var busy = new List<Draft>[people + 1];
        for (var p = 1; p <= people; p++)
        {
            busy[p] = [];
        }
        void Assign(Draft session, bool chair, int person)
        {
            (chair ? session.Chairs : session.Participants).Add(person);
            busy[person].Add(session);
        }

        var everyone = Shuffled(random, Enumerable.Range(1, people));
        for (var i = 0; i < people; i++)
        {
            Assign(slots[i].Session, slots[i].Chair, everyone[i]);
        }

        var keptBack = new List<(Draft Session, bool Chair)>();
        int chairsKept = 0, participantsKept = 0;
        foreach (var (session, chair) in slots.Skip(people))
        {
            if (chair ? chairsKept++ < toPlant : participantsKept++ < toPlant)
            {
                keptBack.Add((session, chair));
                continue;
            }
            Assign(session, chair, FreePerson(random, session, people, busy));
        }

        foreach (var (session, chair) in keptBack)
        {
            var kind = chair ? ConflictKind.ChairSpeaksElsewhere : ConflictKind.PersonDoubleBooked;
            var person = BusyPerson(random, drafts, session, chair);
            if (person is { } p)
            {
                planted[kind]++;
                Assign(session, chair, p);
            }
            else
            {
                Assign(session, chair, FreePerson(random, session, people, busy));
            }
        }
    }

    /// <summary>Someone not in the session and not busy at its time; after 50 misses, whoever was drawn last.</summary>
    private static int FreePerson(Random random, Draft session, int people, List<Draft>[] busy)
    {
        var person = 0;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            person = random.Next(1, people + 1);
            if (!session.Has(person) && !busy[person].Exists(session.Overlaps))
            {
                break;
            }
        }
        return person;
    }

    /// <summary>An item participant (not a chair) of another session running at the same time, not already in this one.</summary>
    private static int? BusyPerson(Random random, List<Draft> drafts, Draft session, bool chair)
    {
        var from = random.Next(drafts.Count);
        for (var k = 0; k < drafts.Count; k++)
        {
            var other = drafts[(from + k) % drafts.Count];
            if (other == session || !other.Overlaps(session))
            {
                continue;
            }
            foreach (var person in other.Participants)
            {
                if (!session.Has(person) && (!chair || !other.Chairs.Contains(person)))
                {
                    return person;
                }
            }
        }
        return null;
    }

    private static int Pick(Random random, int[] values) => values[random.Next(values.Length)];

    private static List<T> Shuffled<T>(Random random, IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }
}
