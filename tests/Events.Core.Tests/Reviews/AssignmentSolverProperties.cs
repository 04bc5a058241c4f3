using Events.Core.Reviews;
using Events.Core.Reviews.Assignment;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Events.Core.Tests.Reviews;

public class AssignmentSolverProperties
{
    [Property(Arbitrary = [typeof(AssignmentArbitraries)], MaxTest = 500)]
    public Property Solve_fills_as_many_reviews_as_any_feasible_set_and_costs_no_more_than_the_cheapest(AssignmentCase c)
    {
        var best = BruteForceAssignment.Best(c.Problem, c.Costs);
        var result = AssignmentSolver.Solve(c.Problem, c.Costs);

        return (result.Added.Count == best.Pairs.Count && result.TotalCost == best.Cost && result.IsProvenOptimal).Label(
            $"solver: {result.Added.Count} pairs, cost {result.TotalCost}, proven {result.IsProvenOptimal} " +
            $"[{string.Join(" ", result.Added.Select(a => $"{a.PaperId}-{a.ReviewerId}"))}] | " +
            $"best: {best.Pairs.Count} pairs, cost {best.Cost} [{string.Join(" ", best.Pairs.Select(a => $"{a.PaperId}-{a.ReviewerId}"))}]");
    }

    /// <summary>
    /// The certificate the solver returns accepts a feasible set exactly when that set is optimal: any optimal set fits
    /// the same potentials (complementary slackness), and no potentials fit a set that fills fewer reviews or costs more.
    /// Checked on the solver's own set, the enumerated optimum and a random sample of the other feasible sets.
    /// </summary>
    [Property(Arbitrary = [typeof(AssignmentArbitraries)], MaxTest = 300)]
    public Property The_certificate_accepts_a_feasible_set_exactly_when_it_is_optimal(AssignmentCase c)
    {
        var result = AssignmentSolver.Solve(c.Problem, c.Costs);
        var sample = new List<BruteForceAssignment.Candidate>();
        var random = new Random(c.Seed);
        var seen = 0;
        BruteForceAssignment.Candidate? best = null;
        BruteForceAssignment.Enumerate(c.Problem, c.Costs, (pairs, cost) =>
        {
            if (best is null || pairs.Count > best.Pairs.Count || (pairs.Count == best.Pairs.Count && cost < best.Cost))
            {
                best = new(pairs.ToList(), cost);
            }
            // Reservoir sampling: 8 sets uniformly from all of them.
            if (++seen <= 8)
            {
                sample.Add(new(pairs.ToList(), cost));
            }
            else if (random.Next(seen) < 8)
            {
                sample[random.Next(8)] = new(pairs.ToList(), cost);
            }
        });
        sample.Add(best!);
        sample.Add(new(result.Added.Select(a => (a.PaperId, a.ReviewerId)).ToList(), result.TotalCost));

        var wrong = sample
            .Where(s => OptimalityCertificate.Holds(c.Problem, s.Pairs, result.Potentials, c.Costs)
                != (s.Pairs.Count == best!.Pairs.Count && s.Cost == best.Cost))
            .ToList();
        return (wrong.Count == 0).Label(
            $"optimum {best!.Pairs.Count} pairs cost {best.Cost}; wrongly judged: " +
            string.Join("; ", wrong.Select(s => $"{s.Pairs.Count} pairs cost {s.Cost} [{string.Join(" ", s.Pairs.Select(a => $"{a.PaperId}-{a.ReviewerId}"))}]")));
    }

    [Property(MaxTest = 300)]
    public Property Solve_keeps_every_rule_of_the_call_for_papers() =>
        Prop.ForAll(AssignmentArbitraries.MediumCases().ToArbitrary(), c =>
        {
            var problem = c.Problem;
            var result = AssignmentSolver.Solve(problem, c.Costs);
            var existing = problem.Existing.ToHashSet();
            var broken = new List<string>();

            var pairs = result.Added.Select(a => (a.PaperId, a.ReviewerId)).ToList();
            if (pairs.Distinct().Count() != pairs.Count)
            {
                broken.Add("a pair is proposed twice");
            }
            foreach (var a in result.Added)
            {
                var pair = (a.PaperId, a.ReviewerId);
                var paper = problem.Papers.SingleOrDefault(p => p.PaperId == a.PaperId);
                var reviewer = problem.Reviewers.SingleOrDefault(r => r.ReviewerId == a.ReviewerId);
                if (paper is null || reviewer is null)
                {
                    broken.Add($"{pair} is not a pair of the problem");
                    continue;
                }
                if (problem.Conflicts.Contains(pair) || (problem.Bids.TryGetValue(pair, out var bid) && bid == BidPreference.Conflict))
                {
                    broken.Add($"{pair} is a conflict");
                }
                if (existing.Contains(pair))
                {
                    broken.Add($"{pair} already exists");
                }
                if (a.Cost != BruteForceAssignment.PairCost(problem, c.Costs, paper, reviewer))
                {
                    broken.Add($"{pair} costs {a.Cost}");
                }
                var expectedReasons = ExpectedReasons(problem, paper, reviewer);
                if (a.Reasons != expectedReasons)
                {
                    broken.Add($"{pair} gives {a.Reasons}, not {expectedReasons}");
                }
            }
            foreach (var reviewer in problem.Reviewers)
            {
                var before = existing.Count(e => e.ReviewerId == reviewer.ReviewerId);
                var now = result.Added.Count(a => a.ReviewerId == reviewer.ReviewerId);
                if (now > 0 && before + now > reviewer.MaxLoad)
                {
                    broken.Add($"reviewer {reviewer.ReviewerId} has {before} + {now} > {reviewer.MaxLoad}");
                }
            }
            foreach (var paper in problem.Papers)
            {
                var missing = Math.Max(0, paper.ReviewsWanted - existing.Count(e => e.PaperId == paper.PaperId))
                    - result.Added.Count(a => a.PaperId == paper.PaperId);
                var reported = result.Unfilled.SingleOrDefault(u => u.PaperId == paper.PaperId)?.Missing ?? 0;
                if (missing < 0 || missing != reported)
                {
                    broken.Add($"paper {paper.PaperId} misses {missing}, reported {reported}");
                }
            }
            if (!result.IsProvenOptimal)
            {
                broken.Add("not proven optimal");
            }
            return (broken.Count == 0).Label(string.Join("; ", broken));
        });

    [Property(MaxTest = 200)]
    public Property Solve_does_not_depend_on_the_order_of_the_input() =>
        Prop.ForAll(AssignmentArbitraries.MediumCases().ToArbitrary(), c =>
        {
            var p = c.Problem;
            var reversed = new AssignmentProblem(
                p.Papers.Reverse().ToList(),
                p.Reviewers.Reverse().ToList(),
                p.Bids.Reverse().ToDictionary(),
                p.Conflicts.Reverse().ToHashSet(),
                p.Existing.Reverse().ToList());
            var (a, b) = (AssignmentSolver.Solve(p, c.Costs), AssignmentSolver.Solve(reversed, c.Costs));
            return (a.Added.SequenceEqual(b.Added) && a.Unfilled.SequenceEqual(b.Unfilled) && a.TotalCost == b.TotalCost).ToProperty();
        });

    [Property(MaxTest = 200)]
    public Property Re_running_with_the_proposal_saved_adds_nothing_and_reports_the_same_shortfall() =>
        Prop.ForAll(AssignmentArbitraries.MediumCases().ToArbitrary(), c =>
        {
            var first = AssignmentSolver.Solve(c.Problem, c.Costs);
            var saved = c.Problem with { Existing = c.Problem.Existing.Concat(first.Added.Select(a => (a.PaperId, a.ReviewerId))).ToList() };
            var second = AssignmentSolver.Solve(saved, c.Costs);
            return (second.Added.Count == 0 && second.Unfilled.SequenceEqual(first.Unfilled) && second.IsProvenOptimal).Label(
                $"second run added {second.Added.Count}, unfilled {second.Unfilled.Count} vs {first.Unfilled.Count}");
        });

    /// <summary>
    /// The enumeration property only means something if the small instances are not trivial: many must leave reviews
    /// unfilled, offer many feasible sets, and hold a set that is cheaper than the optimum but fills fewer reviews.
    /// </summary>
    [Fact]
    public void The_small_instances_have_shortfalls_many_choices_and_cheaper_smaller_sets()
    {
        var cases = AssignmentArbitraries.SmallCases().Generator.Sample(numberOfSamples: 300, seed: new Rnd(5), size: 30);
        var (shortfalls, manyChoices, cheaperSmaller) = (0, 0, 0);
        foreach (var c in cases)
        {
            var best = BruteForceAssignment.Best(c.Problem, c.Costs);
            var (sets, cheaper) = (0, false);
            BruteForceAssignment.Enumerate(c.Problem, c.Costs, (pairs, cost) =>
            {
                sets++;
                cheaper |= pairs.Count < best.Pairs.Count && pairs.Count > 0 && cost < best.Cost;
            });
            var needed = c.Problem.Papers.Sum(p => Math.Max(0, p.ReviewsWanted - c.Problem.Existing.Count(e => e.PaperId == p.PaperId)));
            shortfalls += best.Pairs.Count < needed ? 1 : 0;
            manyChoices += sets >= 30 ? 1 : 0;
            cheaperSmaller += cheaper ? 1 : 0;
        }
        Assert.True(shortfalls >= 60 && manyChoices >= 40 && cheaperSmaller >= 100,
            $"with a shortfall {shortfalls}, with at least 30 feasible sets {manyChoices}, with a cheaper smaller set {cheaperSmaller}");
    }

    /// <summary>The medium instances must exercise shortfalls, existing pairs, every reason and crowded reviewers.</summary>
    [Fact]
    public void The_generated_instances_cover_shortfalls_existing_pairs_every_reason_and_full_reviewers()
    {
        var cases = AssignmentArbitraries.MediumCases().Sample(numberOfSamples: 200, seed: new Rnd(11), size: 30);
        var results = cases.Select(c => (c, r: AssignmentSolver.Solve(c.Problem, c.Costs))).ToList();

        Assert.True(results.Count(x => x.r.Unfilled.Count > 0) >= 20, "instances with a shortfall");
        Assert.True(results.Count(x => x.c.Problem.Existing.Count > 0 && x.r.Added.Count > 0) >= 50, "re-runs with existing pairs");
        var byReason = Enum.GetValues<AssignmentReason>().Where(r => r != AssignmentReason.None)
            .ToDictionary(reason => reason, reason => results.Sum(x => x.r.Added.Count(a => a.Reasons.HasFlag(reason))));
        Assert.True(byReason.Values.All(n => n >= 50), string.Join(", ", byReason));
        var fullReviewers = results.Sum(x => x.c.Problem.Reviewers.Count(rv =>
            rv.MaxLoad > 0 && x.c.Problem.Existing.Count(e => e.ReviewerId == rv.ReviewerId) + x.r.Added.Count(a => a.ReviewerId == rv.ReviewerId) == rv.MaxLoad));
        Assert.True(fullReviewers >= 100, $"reviewers at their maximum load: {fullReviewers}");
    }

    private static AssignmentReason ExpectedReasons(AssignmentProblem problem, PaperSlot paper, ReviewerSlot reviewer)
    {
        var reason = problem.Bids.TryGetValue((paper.PaperId, reviewer.ReviewerId), out var bid)
            ? bid switch
            {
                BidPreference.Eager => AssignmentReason.EagerBid,
                BidPreference.Willing => AssignmentReason.WillingBid,
                _ => AssignmentReason.NotWillingFallback,
            }
            : AssignmentReason.NoBid;
        return paper.TopicId is { } t && reviewer.TopicIds.Contains(t) ? reason | AssignmentReason.TopicMatch : reason;
    }
}
