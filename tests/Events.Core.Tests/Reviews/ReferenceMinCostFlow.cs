using Events.Core.Reviews;
using Events.Core.Reviews.Assignment;

namespace Events.Core.Tests.Reviews;

/// <summary>
/// The assignment as a textbook minimum-cost flow: an explicit list of arcs (one per candidate pair, one per free load step),
/// successive shortest paths one unit at a time, Dijkstra with potentials. Slow but simple, and it shares no code with the
/// solver, so it checks instances too large to enumerate (hundreds of reviewers, so several machine words per bitset).
/// </summary>
public static class ReferenceMinCostFlow
{
    private sealed class Arc(int to, int capacity, long cost)
    {
        public int To { get; } = to;
        public int Capacity { get; set; } = capacity;
        public long Cost { get; } = cost;
        public Arc Reverse { get; set; } = null!;
    }

    /// <summary>The most reviews that can be added, and the least cost of adding that many.</summary>
    public static (int Reviews, long Cost) Solve(AssignmentProblem problem, AssignmentCosts costs)
    {
        var existing = problem.Existing.ToHashSet();
        var papers = problem.Papers;
        var reviewers = problem.Reviewers;
        var (source, sink) = (papers.Count + reviewers.Count, papers.Count + reviewers.Count + 1);
        var graph = Enumerable.Range(0, sink + 1).Select(_ => new List<Arc>()).ToArray();
        void Add(int from, int to, int capacity, long cost)
        {
            var forward = new Arc(to, capacity, cost);
            var backward = new Arc(from, 0, -cost) { Reverse = forward };
            forward.Reverse = backward;
            graph[from].Add(forward);
            graph[to].Add(backward);
        }

        for (var i = 0; i < papers.Count; i++)
        {
            var paper = papers[i];
            Add(source, i, Math.Max(0, paper.ReviewsWanted - existing.Count(e => e.PaperId == paper.PaperId)), 0);
            for (var j = 0; j < reviewers.Count; j++)
            {
                var pair = (paper.PaperId, reviewers[j].ReviewerId);
                var excluded = problem.Conflicts.Contains(pair) || existing.Contains(pair)
                    || (problem.Bids.TryGetValue(pair, out var bid) && bid == BidPreference.Conflict);
                if (!excluded)
                {
                    Add(i, papers.Count + j, 1, BruteForceAssignment.PairCost(problem, costs, paper, reviewers[j]));
                }
            }
        }
        for (var j = 0; j < reviewers.Count; j++)
        {
            var used = existing.Count(e => e.ReviewerId == reviewers[j].ReviewerId);
            for (var k = used + 1; k <= reviewers[j].MaxLoad; k++)
            {
                Add(papers.Count + j, sink, 1, (long)costs.LoadStep * (k - 1));
            }
        }

        var potential = new long[graph.Length];
        var (reviews, total) = (0, 0L);
        while (true)
        {
            var distance = Enumerable.Repeat(long.MaxValue, graph.Length).ToArray();
            var via = new Arc?[graph.Length];
            var queue = new PriorityQueue<int, long>();
            distance[source] = 0;
            queue.Enqueue(source, 0);
            while (queue.TryDequeue(out var u, out var d))
            {
                if (d > distance[u])
                {
                    continue;
                }
                foreach (var arc in graph[u])
                {
                    var nd = d + arc.Cost + potential[u] - potential[arc.To];
                    if (arc.Capacity > 0 && nd < distance[arc.To])
                    {
                        distance[arc.To] = nd;
                        via[arc.To] = arc;
                        queue.Enqueue(arc.To, nd);
                    }
                }
            }
            if (distance[sink] == long.MaxValue)
            {
                return (reviews, total);
            }
            for (var v = 0; v < graph.Length; v++)
            {
                potential[v] += distance[v] == long.MaxValue ? distance[sink] : distance[v];
            }
            for (var v = sink; v != source; v = via[v]!.Reverse.To)
            {
                via[v]!.Capacity--;
                via[v]!.Reverse.Capacity++;
                total += via[v]!.Cost;
            }
            reviews++;
        }
    }
}
