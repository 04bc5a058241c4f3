using BenchmarkDotNet.Attributes;
using Events.Core.Program.Conflicts;
using Events.Core.Program.Synthetic;

namespace Events.Benchmarks;

/// <summary>
/// The full conflict check runs before every publish and on the program editor's conflict panel.
/// Measured on the synthetic event (parent + 40 sub-forums over 3 days, 3 participations per session, 1.5 per person)
/// at 500, 2,000 (the target: under 50 ms) and 8,000 sessions: each size is 4x the one before, so quadratic growth would show as 16x.
/// </summary>
[MemoryDiagnoser]
public class ConflictDetectionBenchmarks
{
    private SyntheticSchedule program = null!;

    [Params(500, 2_000, 8_000)]
    public int Sessions { get; set; }

    [GlobalSetup]
    public void Setup() =>
        program = SyntheticProgram.Generate(seed: 42, forums: 40, sessions: Sessions, participations: Sessions * 3, people: Sessions * 3 / 2);

    [Benchmark]
    public int FindConflicts() => ConflictDetector.Find(program.Sessions, program.Windows).Count;
}
