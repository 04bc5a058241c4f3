using Events.Core.Program.Conflicts;
using Events.Core.Program.Synthetic;

namespace Events.Core.Tests.Program;

public class SyntheticProgramTests
{
    [Theory]
    [InlineData(40, 2000, 6000, 3000)]
    [InlineData(40, 500, 1500, 750)]
    [InlineData(40, 8000, 24000, 12000)]
    [InlineData(3, 20, 45, 30)]
    [InlineData(0, 1, 1, 1)]
    public void Generate_yields_the_requested_counts(int forums, int sessions, int participations, int people)
    {
        var program = SyntheticProgram.Generate(seed: 1, forums, sessions, participations, people);

        Assert.Equal(sessions, program.Sessions.Count);
        Assert.Equal(sessions, program.Sessions.Select(s => s.Id).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, forums + 1), program.Windows.Select(w => w.EventId).Order());
        Assert.All(program.Sessions, s => Assert.Contains(s.EventId, program.Windows.Select(w => w.EventId)));
        Assert.All(program.Sessions, s => Assert.Single(s.ChairIds));

        Assert.Equal(participations, program.ParticipationCount);
        Assert.Equal(participations, program.Sessions.Sum(s => s.ParticipantIds.Count + s.ChairIds.Count));

        var everyone = program.Sessions.SelectMany(s => s.ParticipantIds.Concat(s.ChairIds)).Distinct().Order();
        Assert.Equal(people, program.PersonCount);
        Assert.Equal(Enumerable.Range(1, people), everyone);

        Assert.Equal(program.RoomCount, program.Sessions.Select(s => s.RoomId).Distinct().Count());
    }

    [Fact]
    public void Generate_by_default_spreads_2000_sessions_over_3_days_in_the_parent_event_and_40_sub_forums()
    {
        var program = SyntheticProgram.Generate();

        Assert.Equal(2000, program.Sessions.Count);
        Assert.Equal(41, program.Windows.Count);
        Assert.Equal(41, program.Sessions.Select(s => s.EventId).Distinct().Count());
        Assert.All(program.Windows, w => Assert.Equal(TimeSpan.FromDays(SyntheticProgram.Days), w.End - w.Start));
        Assert.Equal(SyntheticProgram.Days, program.Sessions.Where(s => s.Start >= program.Windows[0].Start)
            .Select(s => s.Start.ToOffset(TimeSpan.FromHours(8)).Date).Distinct().Count());
        Assert.All(program.Sessions, s => Assert.True(s.End > s.Start));
    }

    [Fact]
    public void Generate_is_deterministic_for_a_seed()
    {
        static string Print(SyntheticSchedule program) => string.Join(Environment.NewLine, program.Sessions.Select(s =>
            $"{s.Id} {s.EventId} {s.RoomId} {s.Start:O} {s.End:O} {s.ItemMinutes} [{string.Join(",", s.ParticipantIds)}] [{string.Join(",", s.ChairIds)}]"));

        var first = SyntheticProgram.Generate(seed: 7);
        var again = SyntheticProgram.Generate(seed: 7);
        var other = SyntheticProgram.Generate(seed: 8);

        Assert.Equal(Print(first), Print(again));
        Assert.Equal(first.Windows, again.Windows);
        Assert.Equal(first.Planted, again.Planted);
        Assert.NotEqual(Print(first), Print(other));
    }

    [Theory]
    [InlineData(42, 2000, 6000, 3000)]
    [InlineData(1, 2000, 6000, 3000)]
    [InlineData(42, 500, 1500, 750)]
    [InlineData(42, 8000, 24000, 12000)]
    public void Generate_plants_a_few_conflicts_of_every_kind_and_leaves_most_sessions_clean(int seed, int sessions, int participations, int people)
    {
        var program = SyntheticProgram.Generate(seed, 40, sessions, participations, people);

        var conflicts = ConflictDetector.Find(program.Sessions, program.Windows);

        // The synthetic program has no availability entered, so nobody is outside it.
        Assert.Equal(0, program.Planted[ConflictKind.OutsideAvailability]);
        Assert.DoesNotContain(conflicts, c => c.Kind == ConflictKind.OutsideAvailability);
        foreach (var kind in Enum.GetValues<ConflictKind>().Where(k => k != ConflictKind.OutsideAvailability))
        {
            Assert.InRange(program.Planted[kind], Math.Max(1, sessions / 500), Math.Max(1, sessions / 500));
            // Planting can, rarely, add one more by chance (a busy person who is also busy elsewhere at that time).
            Assert.InRange(conflicts.Count(c => c.Kind == kind), program.Planted[kind], program.Planted[kind] + 2);
        }
        var sessionsInConflict = conflicts.SelectMany(c => new[] { c.SessionId, c.OtherSessionId ?? c.SessionId }).Distinct().Count();
        Assert.InRange(sessionsInConflict, 1, sessions / 50);
    }
}
