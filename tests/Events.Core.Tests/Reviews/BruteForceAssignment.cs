using Events.Core.Reviews;
using Events.Core.Reviews.Assignment;

namespace Events.Core.Tests.Reviews;

/// <summary>
/// Every feasible set of new pairs, enumerated paper by paper, each priced straight from the rules in the issue (bid,
/// topic, the k-th paper of a reviewer costing LoadStep × (k − 1)). The reference the solver must agree with; it shares
/// no code with the solver's network.
/// </summary>
public static class BruteForceAssignment
{
    public sealed record Candidate(IReadOnlyList<(int PaperId, int ReviewerId)> Pairs, long Cost);

    /// <summary>Calls <paramref name="visit"/> with each feasible set (a list reused between calls: copy it to keep it) and its cost.</summary>
    public static void Enumerate(AssignmentProblem problem, AssignmentCosts costs, Action<IReadOnlyList<(int PaperId, int ReviewerId)>, long> visit)
    {
        var existing = problem.Existing.ToHashSet();
        var papers = problem.Papers;
        var reviewers = problem.Reviewers;
        var need = papers.Select(p => Math.Max(0, p.ReviewsWanted - existing.Count(e => e.PaperId == p.PaperId))).ToArray();
        var used = reviewers.Select(r => existing.Count(e => e.ReviewerId == r.ReviewerId)).ToArray();
        var free = reviewers.Select((r, j) => Math.Max(0, r.MaxLoad - used[j])).ToArray();
        var candidates = papers.Select(p => Enumerable.Range(0, reviewers.Count).Where(j =>
        {
            var pair = (p.PaperId, reviewers[j].ReviewerId);
            return !problem.Conflicts.Contains(pair) && !existing.Contains(pair)
                && !(problem.Bids.TryGetValue(pair, out var bid) && bid == BidPreference.Conflict);
        }).ToArray()).ToArray();

        var added = new int[reviewers.Count];
        var chosen = new List<(int Paper, int Reviewer)>();
        var chosenIds = new List<(int PaperId, int ReviewerId)>();

        void Visit(int i)
        {
            if (i == papers.Count)
            {
                long cost = chosen.Sum(c => (long)PairCost(problem, costs, papers[c.Paper], reviewers[c.Reviewer]));
                for (var j = 0; j < reviewers.Count; j++)
                {
                    for (var k = used[j] + 1; k <= used[j] + added[j]; k++)
                    {
                        cost += (long)costs.LoadStep * (k - 1);
                    }
                }
                visit(chosenIds, cost);
                return;
            }
            var mine = candidates[i];
            for (var mask = 0; mask < 1 << mine.Length; mask++)
            {
                var picks = Enumerable.Range(0, mine.Length).Where(b => (mask >> b & 1) == 1).Select(b => mine[b]).ToArray();
                if (picks.Length > need[i] || picks.Any(j => added[j] == free[j]))
                {
                    continue;
                }
                foreach (var j in picks)
                {
                    added[j]++;
                    chosen.Add((i, j));
                    chosenIds.Add((papers[i].PaperId, reviewers[j].ReviewerId));
                }
                Visit(i + 1);
                foreach (var j in picks)
                {
                    added[j]--;
                    chosen.RemoveAt(chosen.Count - 1);
                    chosenIds.RemoveAt(chosenIds.Count - 1);
                }
            }
        }

        Visit(0);
    }

    /// <summary>The best (most pairs, then least cost) of all feasible sets.</summary>
    public static Candidate Best(AssignmentProblem problem, AssignmentCosts costs)
    {
        Candidate? best = null;
        Enumerate(problem, costs, (pairs, cost) =>
        {
            if (best is null || pairs.Count > best.Pairs.Count || (pairs.Count == best.Pairs.Count && cost < best.Cost))
            {
                best = new Candidate(pairs.ToList(), cost);
            }
        });
        return best!;
    }

    public static int PairCost(AssignmentProblem problem, AssignmentCosts costs, PaperSlot paper, ReviewerSlot reviewer)
    {
        var bidCost = problem.Bids.TryGetValue((paper.PaperId, reviewer.ReviewerId), out var bid)
            ? bid switch
            {
                BidPreference.Eager => costs.Eager,
                BidPreference.Willing => costs.Willing,
                BidPreference.NotWilling => costs.NotWilling,
                _ => throw new InvalidOperationException("a conflict is never a candidate"),
            }
            : costs.NoBid;
        var match = paper.TopicId is { } t && reviewer.TopicIds.Contains(t);
        return bidCost + (match ? 0 : costs.TopicMatchBonus);
    }
}
