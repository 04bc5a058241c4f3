using System.Diagnostics;
using System.Globalization;
using Events.Core.Reviews;
using Events.Core.Reviews.Assignment;

namespace Events.Benchmarks;

/// <summary>
/// <see cref="AssignmentSolver"/> on random calls for papers of three sizes (750×100, 1,500×200, 3,000×400; 3 reviews per
/// paper), fixed seed. The target: 3,000 papers and 400 reviewers in under 5 s on 2 cores, optimality certificate included.
/// Then a re-run on the largest call with one review removed from every tenth paper, as when a chair fills the gaps.
/// </summary>
public static class AssignmentAtScale
{
    private const int Seed = 20_260_101;
    private const int ReviewsPerPaper = 3;
    private const int Runs = 5;

    /// <summary>The issue's mix: 2% conflicts, 3% eager, 4% willing, 2% not willing, 89% no bid; loads up to 2 above the average.</summary>
    public static readonly BidMix Typical = new(Conflict: 20, Eager: 30, Willing: 40, NotWilling: 20, LoadSlack: 2);

    /// <summary>A harder call: few bids (0.5% eager, 1% willing, 3% not willing), and no slack in the maximum load.</summary>
    public static readonly BidMix Scarce = new(Conflict: 20, Eager: 5, Willing: 10, NotWilling: 30, LoadSlack: 0);

    /// <summary>Per mille of all pairs with each kind of bid, and how far above the average load the maximum load is.</summary>
    public sealed record BidMix(int Conflict, int Eager, int Willing, int NotWilling, int LoadSlack);

    public static void Run()
    {
        Console.WriteLine($"review assignment, {ReviewsPerPaper} reviews per paper, seed {Seed}, median of {Runs} runs after one warm-up");
        AssignmentResult? largest = null;
        AssignmentProblem? largestProblem = null;
        foreach (var (papers, reviewers) in new[] { (750, 100), (1_500, 200), (3_000, 400) })
        {
            var problem = Generate(papers, reviewers, new Random(Seed), Typical);
            var result = Measure($"{papers}×{reviewers}", problem);
            (largest, largestProblem) = (result, problem);
        }

        Measure("3000×400, scarce bids, no load slack", Generate(3_000, 400, new Random(Seed), Scarce));

        // Re-run for missing reviews: keep everything but one review of every tenth paper.
        var dropped = largest!.Added.GroupBy(a => a.PaperId).Where(g => g.Key % 10 == 0).Select(g => g.First()).ToHashSet();
        var kept = largest.Added.Where(a => !dropped.Contains(a)).Select(a => (a.PaperId, a.ReviewerId)).ToList();
        var rerun = largestProblem! with { Existing = kept };
        Measure($"re-run 3000×400, {dropped.Count} missing", rerun);

        var certificate = Median(Runs, () => OptimalityCertificate.Holds(
            largestProblem, largest.Added.Select(a => (a.PaperId, a.ReviewerId)), largest.Potentials) ? 1 : 0);
        Console.WriteLine($"certificate check alone on 3000×400 (rebuilds the network): median {certificate.Median:F0} ms, holds: {certificate.Result == 1}");
        Console.WriteLine($"peak working set of the process: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
    }

    private static AssignmentResult Measure(string label, AssignmentProblem problem)
    {
        AssignmentSolver.Solve(problem); // warm-up (JIT)
        var times = new List<double>();
        AssignmentResult result = null!;
        long allocated = 0;
        for (var i = 0; i < Runs; i++)
        {
            GC.Collect();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            result = AssignmentSolver.Solve(problem);
            watch.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var reasons = result.Added.GroupBy(a => a.Reasons & ~AssignmentReason.TopicMatch).OrderBy(g => g.Key)
            .Select(g => $"{g.Key} {g.Count()}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: median {times[Runs / 2]:F0} ms (min {times[0]:F0}, max {times[^1]:F0}), allocated {allocated / (1024.0 * 1024):F1} MB, " +
            $"added {result.Added.Count}, unfilled papers {result.Unfilled.Count} ({result.Unfilled.Sum(u => u.Missing)} reviews), " +
            $"total cost {result.TotalCost}, proven optimal {result.IsProvenOptimal}; " +
            $"topic matches {result.Added.Count(a => a.Reasons.HasFlag(AssignmentReason.TopicMatch))}, {string.Join(", ", reasons)}; " +
            $"loads {LoadRange(problem, result)}"));
        return result;
    }

    private static string LoadRange(AssignmentProblem problem, AssignmentResult result)
    {
        var loads = problem.Reviewers.ToDictionary(r => r.ReviewerId, _ => 0);
        foreach (var (_, reviewerId) in problem.Existing)
        {
            loads[reviewerId]++;
        }
        foreach (var a in result.Added)
        {
            loads[a.ReviewerId]++;
        }
        return $"{loads.Values.Min()}–{loads.Values.Max()} (max {problem.Reviewers[0].MaxLoad})";
    }

    private static (double Median, int Result) Median(int runs, Func<int> work)
    {
        var times = new List<double>();
        var result = 0;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            result = work();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[runs / 2], result);
    }

    /// <summary>
    /// 20 topics; each paper has one (a tenth have none), each reviewer 1 to 3. Each pair is a conflict or gets a bid with the
    /// mix's odds. Every reviewer's maximum load is ceil(3 × papers / reviewers) + the mix's slack.
    /// </summary>
    public static AssignmentProblem Generate(int paperCount, int reviewerCount, Random random, BidMix mix)
    {
        const int topics = 20;
        var papers = Enumerable.Range(1, paperCount)
            .Select(id => new PaperSlot(id, random.Next(10) == 0 ? null : random.Next(topics), ReviewsPerPaper))
            .ToList();
        var maxLoad = (ReviewsPerPaper * paperCount + reviewerCount - 1) / reviewerCount + mix.LoadSlack;
        var reviewers = Enumerable.Range(1, reviewerCount)
            .Select(id => new ReviewerSlot(10_000 + id, maxLoad, Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(topics)).Distinct().ToArray()))
            .ToList();
        var bids = new Dictionary<(int, int), BidPreference>();
        var conflicts = new HashSet<(int, int)>();
        foreach (var paper in papers)
        {
            foreach (var reviewer in reviewers)
            {
                var roll = random.Next(1000);
                var pair = (paper.PaperId, reviewer.ReviewerId);
                if ((roll -= mix.Conflict) < 0)
                {
                    conflicts.Add(pair);
                }
                else if ((roll -= mix.Eager) < 0)
                {
                    bids[pair] = BidPreference.Eager;
                }
                else if ((roll -= mix.Willing) < 0)
                {
                    bids[pair] = BidPreference.Willing;
                }
                else if ((roll -= mix.NotWilling) < 0)
                {
                    bids[pair] = BidPreference.NotWilling;
                }
            }
        }
        return new AssignmentProblem(papers, reviewers, bids, conflicts, []);
    }
}
