using Events.Core.Reviews;
using Events.Core.Reviews.Assignment;
using FsCheck;
using FsCheck.Fluent;

namespace Events.Core.Tests.Reviews;

/// <summary>
/// A random assignment problem with the weights to solve it under, and a seed for anything else a property draws at random.
/// ToString prints a readable counterexample: one line per paper, one cell per reviewer.
/// </summary>
public sealed record AssignmentCase(AssignmentProblem Problem, AssignmentCosts Costs, int Seed)
{
    public override string ToString()
    {
        var p = Problem;
        var lines = new List<string>
        {
            $"costs {Costs}",
            "reviewers: " + string.Join(", ", p.Reviewers.Select(r => $"{r.ReviewerId} max {r.MaxLoad} topics [{string.Join(",", r.TopicIds)}]")),
        };
        foreach (var paper in p.Papers)
        {
            var cells = p.Reviewers.Select(r =>
            {
                var pair = (paper.PaperId, r.ReviewerId);
                var bid = p.Bids.TryGetValue(pair, out var b) ? b.ToString() : "-";
                return $"{r.ReviewerId}:{bid}{(p.Conflicts.Contains(pair) ? " C" : "")}{(p.Existing.Contains(pair) ? " E" : "")}";
            });
            var outside = p.Existing.Count(e => e.PaperId == paper.PaperId && p.Reviewers.All(r => r.ReviewerId != e.ReviewerId));
            lines.Add($"paper {paper.PaperId} topic {paper.TopicId?.ToString() ?? "-"} wants {paper.ReviewsWanted} (+{outside} outside): {string.Join(" | ", cells)}");
        }
        return Environment.NewLine + string.Join(Environment.NewLine, lines);
    }
}

public static class AssignmentArbitraries
{
    /// <summary>An existing review of a paper by someone who is not among the problem's reviewers.</summary>
    public const int OutsideReviewerId = 999;

    private static readonly int[] Topics = [1, 2, 3];

    /// <summary>Up to 5 papers × 4 reviewers: small enough to enumerate every feasible set of pairs.</summary>
    public static Arbitrary<AssignmentCase> SmallCases() => Cases(maxPapers: 5, maxReviewers: 4, maxWanted: 2, maxLoad: 4).ToArbitrary();

    /// <summary>Instances where only the invariants are checked, not the optimum by enumeration.</summary>
    public static Gen<AssignmentCase> MediumCases() => Cases(maxPapers: 40, maxReviewers: 12, maxWanted: 4, maxLoad: 12);

    public static Gen<AssignmentCase> Cases(int maxPapers, int maxReviewers, int maxWanted, int maxLoad)
    {
        var topic = Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Elements(Topics).Select(t => (int?)t)));
        var bid = Gen.Frequency(
            (6, Gen.Constant<BidPreference?>(null)),
            (2, Gen.Constant<BidPreference?>(BidPreference.Eager)),
            (2, Gen.Constant<BidPreference?>(BidPreference.Willing)),
            (1, Gen.Constant<BidPreference?>(BidPreference.NotWilling)),
            (1, Gen.Constant<BidPreference?>(BidPreference.Conflict)));
        var reviewerTopics =
            from n in Gen.Choose(0, 2)
            from topics in Gen.ArrayOf(Gen.Elements(Topics), n)
            select topics;
        var cell =
            from b in bid
            from conflict in Gen.Frequency((7, Gen.Constant(false)), (1, Gen.Constant(true)))
            from existing in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
            select (Bid: b, Conflict: conflict, Existing: existing);
        var costs = Gen.Frequency(
            (1, Gen.Constant(AssignmentCosts.Default)),
            (3,
                from eager in Gen.Choose(0, 4)
                from willing in Gen.Choose(0, 8)
                from noBid in Gen.Choose(0, 8)
                from notWilling in Gen.Choose(0, 30)
                from topicBonus in Gen.Choose(0, 5)
                from loadStep in Gen.Choose(0, 4)
                select new AssignmentCosts
                {
                    Eager = eager, Willing = willing, NoBid = noBid, NotWilling = notWilling, TopicMatchBonus = topicBonus, LoadStep = loadStep,
                }));

        return
            from paperCount in Gen.Frequency((1, Gen.Choose(0, maxPapers)), (3, Gen.Choose(maxPapers / 2 + 1, maxPapers)))
            from reviewerCount in Gen.Frequency((1, Gen.Choose(0, maxReviewers)), (3, Gen.Choose(maxReviewers / 2 + 1, maxReviewers)))
            from wanted in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, maxWanted))), paperCount)
            from paperTopics in Gen.ArrayOf(topic, paperCount)
            from outside in Gen.ArrayOf(Gen.Frequency((8, Gen.Constant(false)), (1, Gen.Constant(true))), paperCount)
            from loads in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, maxLoad))), reviewerCount)
            from expertise in Gen.ArrayOf(reviewerTopics, reviewerCount)
            from cells in Gen.ArrayOf(cell, paperCount * reviewerCount)
            from weights in costs
            from seed in Gen.Choose(0, int.MaxValue)
            select Build(wanted, paperTopics, outside, loads, expertise, cells, weights, seed);
    }

    private static AssignmentCase Build(
        int[] wanted, int?[] paperTopics, bool[] outside, int[] loads, int[][] expertise,
        (BidPreference? Bid, bool Conflict, bool Existing)[] cells, AssignmentCosts costs, int seed)
    {
        // Ids out of step with the positions, so that an index used as an id cannot go unnoticed.
        var papers = wanted.Select((n, i) => new PaperSlot(PaperId: 10 * (wanted.Length - i), paperTopics[i], n)).ToList();
        var reviewers = loads.Select((max, j) => new ReviewerSlot(100 + (7 * j % 13), max, expertise[j].Distinct().ToArray())).ToList();
        var bids = new Dictionary<(int PaperId, int ReviewerId), BidPreference>();
        var conflicts = new HashSet<(int PaperId, int ReviewerId)>();
        var existing = new List<(int PaperId, int ReviewerId)>();
        for (var i = 0; i < papers.Count; i++)
        {
            if (outside[i])
            {
                existing.Add((papers[i].PaperId, OutsideReviewerId));
            }
            for (var j = 0; j < reviewers.Count; j++)
            {
                var pair = (papers[i].PaperId, reviewers[j].ReviewerId);
                var (bid, conflict, isExisting) = cells[i * reviewers.Count + j];
                if (bid is { } b)
                {
                    bids[pair] = b;
                }
                if (conflict)
                {
                    conflicts.Add(pair);
                }
                if (isExisting)
                {
                    existing.Add(pair);
                }
            }
        }
        return new AssignmentCase(new AssignmentProblem(papers, reviewers, bids, conflicts, existing), costs, seed);
    }
}
