using Events.Core.Reviews;
using Events.Core.Reviews.Assignment;

namespace Events.Core.Tests.Reviews;

public class AssignmentSolverTests
{
    private static readonly int[] NoTopics = [];

    private static AssignmentProblem Problem(
        PaperSlot[] papers,
        ReviewerSlot[] reviewers,
        Dictionary<(int PaperId, int ReviewerId), BidPreference>? bids = null,
        HashSet<(int PaperId, int ReviewerId)>? conflicts = null,
        (int PaperId, int ReviewerId)[]? existing = null) =>
        new(papers, reviewers, bids ?? [], conflicts ?? [], existing ?? []);

    private static ReviewerSlot Reviewer(int id, int maxLoad = 10, params int[] topics) => new(id, maxLoad, topics);

    private static (int, int)[] Pairs(AssignmentResult result) => result.Added.Select(a => (a.PaperId, a.ReviewerId)).ToArray();

    [Fact]
    public void An_eager_bid_wins_over_no_bid()
    {
        var result = AssignmentSolver.Solve(Problem(
            [new(1, null, 1)], [Reviewer(10), Reviewer(20)], bids: new() { [(1, 20)] = BidPreference.Eager }));

        var only = Assert.Single(result.Added);
        Assert.Equal(new ProposedAssignment(1, 20, AssignmentReason.EagerBid, AssignmentCosts.Default.TopicMatchBonus), only);
        Assert.True(result.IsProvenOptimal);
    }

    [Fact]
    public void A_topic_match_wins_over_no_match()
    {
        var result = AssignmentSolver.Solve(Problem([new(1, 7, 1)], [Reviewer(10, 10, 3), Reviewer(20, 10, 7)]));

        var only = Assert.Single(result.Added);
        Assert.Equal((20, AssignmentReason.NoBid | AssignmentReason.TopicMatch, AssignmentCosts.Default.NoBid), (only.ReviewerId, only.Reasons, only.Cost));
    }

    [Fact]
    public void A_not_willing_reviewer_is_used_only_when_nobody_else_can_fill_the_paper()
    {
        var bids = new Dictionary<(int PaperId, int ReviewerId), BidPreference>
        {
            [(1, 10)] = BidPreference.NotWilling,
            [(1, 30)] = BidPreference.Conflict,
            [(2, 10)] = BidPreference.NotWilling,
        };
        var result = AssignmentSolver.Solve(Problem(
            [new(1, null, 2), new(2, null, 1)], [Reviewer(10), Reviewer(20), Reviewer(30)], bids));

        // Paper 1 has only 10 and 20 left; paper 2 goes to 30, the free reviewer who did not decline it.
        Assert.Equal([(1, 10), (1, 20), (2, 30)], Pairs(result));
        Assert.Equal(AssignmentReason.NotWillingFallback, result.Added[0].Reasons);
        Assert.Empty(result.Unfilled);
    }

    [Fact]
    public void A_symmetric_call_spreads_the_load_evenly()
    {
        var papers = Enumerable.Range(1, 6).Select(id => new PaperSlot(id, null, 2)).ToArray();
        var reviewers = Enumerable.Range(1, 4).Select(id => Reviewer(100 + id, maxLoad: 12)).ToArray();

        var result = AssignmentSolver.Solve(Problem(papers, reviewers));

        Assert.Equal(12, result.Added.Count);
        Assert.All(reviewers, r => Assert.Equal(3, result.Added.Count(a => a.ReviewerId == r.ReviewerId)));
        // 6 + 2 (topic) per pair, and loads of 3 cost 0 + 1 + 2 per reviewer.
        Assert.Equal(12 * 9 + 4 * 3, result.TotalCost);
    }

    [Fact]
    public void Balancing_gives_way_to_an_eager_bid_only_up_to_its_worth()
    {
        // Reviewer 10 bids eagerly on all ten papers (1 review each); each eager pair saves 6, each further paper of
        // reviewer 10 costs 1 more than the last, so 10 takes papers up to the point where one more would cost over 6 extra
        // compared with reviewer 20's next paper.
        var papers = Enumerable.Range(1, 10).Select(id => new PaperSlot(id, null, 1)).ToArray();
        var bids = papers.ToDictionary(p => (p.PaperId, 10), _ => BidPreference.Eager);

        var result = AssignmentSolver.Solve(Problem(papers, [Reviewer(10, 10), Reviewer(20, 10)], bids));

        Assert.Equal(8, result.Added.Count(a => a.ReviewerId == 10));
        Assert.True(result.IsProvenOptimal);
    }

    [Fact]
    public void Existing_assignments_count_toward_the_paper_and_the_load_and_are_not_proposed_again()
    {
        var result = AssignmentSolver.Solve(Problem(
            [new(1, null, 3), new(2, null, 1)],
            [Reviewer(10, maxLoad: 1), Reviewer(20), Reviewer(30)],
            existing: [(1, 20), (1, 20), (2, 10)]));

        // Paper 1 has one review (20) and needs 2 more; reviewer 10 is full with paper 2.
        Assert.Equal([(1, 30)], Pairs(result));
        Assert.Equal([new Shortfall(1, 1)], result.Unfilled);
    }

    [Fact]
    public void Conflicts_from_the_set_and_from_conflict_bids_are_never_used_and_the_shortfall_is_reported()
    {
        var result = AssignmentSolver.Solve(Problem(
            [new(1, null, 3)],
            [Reviewer(10), Reviewer(20), Reviewer(30)],
            bids: new() { [(1, 20)] = BidPreference.Conflict },
            conflicts: [(1, 30)]));

        Assert.Equal([(1, 10)], Pairs(result));
        Assert.Equal([new Shortfall(1, 2)], result.Unfilled);
        Assert.True(result.IsProvenOptimal);
    }

    [Fact]
    public void Filling_more_reviews_comes_before_a_lower_cost()
    {
        // Reviewer 10 can take one paper. Giving it paper 1 (eager) would be cheaper but leave paper 2 without a review.
        var result = AssignmentSolver.Solve(Problem(
            [new(1, null, 1), new(2, null, 1)],
            [Reviewer(10, maxLoad: 1), Reviewer(20)],
            bids: new() { [(1, 10)] = BidPreference.Eager, [(1, 20)] = BidPreference.NotWilling },
            conflicts: [(2, 20)]));

        Assert.Equal([(1, 20), (2, 10)], Pairs(result));
        Assert.Empty(result.Unfilled);
    }

    [Fact]
    public void When_reviewers_run_out_the_cheapest_reviews_are_kept()
    {
        var result = AssignmentSolver.Solve(Problem(
            [new(1, null, 1), new(2, null, 1), new(3, null, 1)],
            [Reviewer(10, maxLoad: 2)],
            bids: new() { [(1, 10)] = BidPreference.Eager, [(3, 10)] = BidPreference.Eager }));

        Assert.Equal([(1, 10), (3, 10)], Pairs(result));
        Assert.Equal([new Shortfall(2, 1)], result.Unfilled);
        Assert.True(result.IsProvenOptimal);
    }

    [Fact]
    public void An_empty_call_proposes_nothing_and_is_optimal()
    {
        var result = AssignmentSolver.Solve(Problem([], []));

        Assert.Empty(result.Added);
        Assert.Empty(result.Unfilled);
        Assert.Equal(0, result.TotalCost);
        Assert.True(result.IsProvenOptimal);
    }

    [Fact]
    public void The_same_problem_gives_the_same_proposal()
    {
        var problem = Problem(
            Enumerable.Range(1, 8).Select(id => new PaperSlot(id, id % 3, 2)).ToArray(),
            Enumerable.Range(1, 5).Select(id => Reviewer(id, 4, id % 3)).ToArray());

        Assert.Equal(AssignmentSolver.Solve(problem).Added, AssignmentSolver.Solve(problem).Added);
    }

    [Fact]
    public void The_certificate_rejects_a_costlier_set_a_smaller_set_a_conflict_and_tampered_potentials()
    {
        var problem = Problem(
            [new(1, null, 1), new(2, null, 1)],
            [Reviewer(10), Reviewer(20)],
            bids: new() { [(1, 10)] = BidPreference.Eager, [(2, 20)] = BidPreference.Eager },
            conflicts: [(2, 10)]);
        var result = AssignmentSolver.Solve(problem);
        Assert.Equal([(1, 10), (2, 20)], Pairs(result));
        Assert.True(OptimalityCertificate.Holds(problem, Pairs(result), result.Potentials));

        Assert.False(OptimalityCertificate.Holds(problem, [(1, 20), (2, 20)], result.Potentials)); // feasible, costs more
        Assert.False(OptimalityCertificate.Holds(problem, [(1, 10)], result.Potentials)); // paper 2 could still be filled
        Assert.False(OptimalityCertificate.Holds(problem, [(1, 10), (2, 10)], result.Potentials)); // (2, 10) is a conflict
        Assert.False(OptimalityCertificate.Holds(problem, [(1, 10), (1, 10), (2, 20)], result.Potentials)); // twice
        var tampered = result.Potentials with { Reviewers = result.Potentials.Reviewers.ToDictionary(kv => kv.Key, kv => kv.Value + (kv.Key == 20 ? 100 : 0)) };
        Assert.False(OptimalityCertificate.Holds(problem, Pairs(result), tampered));
    }

    [Fact]
    public void The_certificate_rejects_a_set_that_ignores_load_balancing()
    {
        var papers = Enumerable.Range(1, 4).Select(id => new PaperSlot(id, null, 1)).ToArray();
        var problem = Problem(papers, [Reviewer(10), Reviewer(20)]);
        var result = AssignmentSolver.Solve(problem);

        Assert.True(OptimalityCertificate.Holds(problem, Pairs(result), result.Potentials));
        Assert.False(OptimalityCertificate.Holds(problem, papers.Select(p => (p.PaperId, 10)), result.Potentials));
    }

    [Fact]
    public void Invalid_problems_and_weights_are_refused()
    {
        Assert.Throws<ArgumentException>(() => AssignmentSolver.Solve(Problem([new(1, null, 1), new(1, null, 2)], [Reviewer(10)])));
        Assert.Throws<ArgumentException>(() => AssignmentSolver.Solve(Problem([new(1, null, 1)], [Reviewer(10), Reviewer(10)])));
        Assert.Throws<ArgumentOutOfRangeException>(() => AssignmentSolver.Solve(Problem([new(1, null, -1)], [Reviewer(10)])));
        Assert.Throws<ArgumentOutOfRangeException>(() => AssignmentSolver.Solve(Problem([new(1, null, 1)], [Reviewer(10, maxLoad: -1)])));
        Assert.Throws<ArgumentOutOfRangeException>(() => AssignmentSolver.Solve(Problem([], []), new AssignmentCosts { Willing = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => AssignmentSolver.Solve(Problem([], []), new AssignmentCosts { LoadStep = AssignmentCosts.MaxWeight + 1 }));
    }
}
