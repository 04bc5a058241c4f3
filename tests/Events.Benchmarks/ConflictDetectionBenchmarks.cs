using BenchmarkDotNet.Attributes;
using Events.Core.Program.Conflicts;
using Events.Core.Program.Synthetic;

namespace Events.Benchmarks;

/// <summary>
/// ConflictDetector.Find checks a whole event's program at once: the parent event and all its sub-forums.
/// Measured on the synthetic event (parent + 40 sub-forums over 3 days, 3 participations per session, 1.5 per person)
/// from 500 to 8,000 sessions, doubling; 2,000 is the expected size (target: under 50 ms). Quadratic growth would show
/// as 4x per doubling, linear as 2x.
/// </summary>
[MemoryDiagnoser]
public class ConflictDetectionBenchmarks
{
    private SyntheticSchedule program = null!;

    [Params(500, 1_000, 2_000, 4_000, 8_000)]
    public int Sessions { get; set; }

    [GlobalSetup]
    public void Setup() =>
        program = SyntheticProgram.Generate(seed: 42, forums: 40, sessions: Sessions, participations: Sessions * 3, people: Sessions * 3 / 2);

    [Benchmark]
    public int FindConflicts() => ConflictDetector.Find(program.Sessions, program.Windows).Count;
}
