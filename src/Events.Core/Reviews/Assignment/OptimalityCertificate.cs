namespace Events.Core.Reviews.Assignment;

/// <summary>
/// A price per node of the flow network (source, sink, each paper, each reviewer). Together with a set of added pairs it
/// proves that set optimal when <see cref="OptimalityCertificate.Holds"/> accepts it.
/// </summary>
public sealed record AssignmentPotentials(
    long Source,
    long Sink,
    IReadOnlyDictionary<int, long> Papers,
    IReadOnlyDictionary<int, long> Reviewers);

/// <summary>
/// Checks that a proposed set of pairs is a minimum-cost maximum assignment, without trusting the solver that produced it.
/// The pairs are read as a flow in the network (source → paper → reviewer → sink, see <see cref="AssignmentCosts"/>); it is
/// optimal exactly when (1) it is feasible, (2) no path in the residual network leads from the source to the sink, so no
/// set of pairs fills more reviews, and (3) node potentials exist under which every residual arc has a non-negative reduced
/// cost c(u, v) + π(u) − π(v): then no cycle of changes lowers the cost, so no set that fills as many reviews costs less
/// (complementary slackness). Each check is linear in the number of candidate pairs.
/// </summary>
public static class OptimalityCertificate
{
    /// <summary>
    /// True when <paramref name="added"/> (new pairs only, as in <see cref="AssignmentResult.Added"/>) is feasible, maximum,
    /// and <paramref name="potentials"/> prove it cheapest.
    /// </summary>
    public static bool Holds(
        AssignmentProblem problem,
        IEnumerable<(int PaperId, int ReviewerId)> added,
        AssignmentPotentials potentials,
        AssignmentCosts? costs = null)
    {
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(potentials);
        var net = AssignmentNetwork.Build(problem, costs ?? AssignmentCosts.Default);

        var flow = new bool[net.ArcCount];
        foreach (var (paperId, reviewerId) in added)
        {
            var (p, r) = (net.PaperIndex(paperId), net.ReviewerIndex(reviewerId));
            var arc = p >= 0 && r >= 0 ? net.FindArc(p, r) : -1;
            if (arc < 0 || flow[arc])
            {
                return false; // not a candidate (unknown, conflict, existing) or proposed twice
            }
            flow[arc] = true;
        }

        var potential = new long[net.NodeCount];
        potential[net.Source] = potentials.Source;
        potential[net.Sink] = potentials.Sink;
        for (var p = 0; p < net.PaperCount; p++)
        {
            if (!potentials.Papers.TryGetValue(net.PaperIds[p], out potential[p]))
            {
                return false;
            }
        }
        for (var r = 0; r < net.ReviewerCount; r++)
        {
            if (!potentials.Reviewers.TryGetValue(net.ReviewerIds[r], out potential[net.PaperCount + r]))
            {
                return false;
            }
        }
        return Holds(net, flow, potential);
    }

    /// <summary>The check on the network's own arrays; the solver calls it on its result.</summary>
    internal static bool Holds(AssignmentNetwork net, bool[] flow, long[] potential)
    {
        var (papers, source, sink) = (net.PaperCount, net.Source, net.Sink);
        long Reduced(long cost, int from, int to) => cost + potential[from] - potential[to];

        var sent = new int[papers];
        var load = new int[net.ReviewerCount];
        for (var p = 0; p < papers; p++)
        {
            for (var a = net.ArcStart[p]; a < net.ArcStart[p + 1]; a++)
            {
                if (flow[a])
                {
                    sent[p]++;
                    load[net.ArcReviewer[a]]++;
                }
                var reviewerNode = papers + net.ArcReviewer[a];
                var ok = flow[a]
                    ? Reduced(-net.ArcCost[a], reviewerNode, p) >= 0 // residual arc back from the reviewer
                    : Reduced(net.ArcCost[a], p, reviewerNode) >= 0;
                if (!ok)
                {
                    return false;
                }
            }
            if (sent[p] > net.Need[p]
                || (sent[p] < net.Need[p] && Reduced(0, source, p) < 0)
                || (sent[p] > 0 && Reduced(0, p, source) < 0))
            {
                return false;
            }
        }
        for (var r = 0; r < net.ReviewerCount; r++)
        {
            if (load[r] > net.Capacity[r])
            {
                return false;
            }
            // One unit arc per free load step; the used steps are the cheapest ones, the first load[r].
            for (var k = 1; k <= net.Capacity[r]; k++)
            {
                var ok = k <= load[r]
                    ? Reduced(-net.StepCost(r, k), sink, papers + r) >= 0
                    : Reduced(net.StepCost(r, k), papers + r, sink) >= 0;
                if (!ok)
                {
                    return false;
                }
            }
        }
        return !SinkReachable(net, flow, sent, load);
    }

    /// <summary>Whether an augmenting path exists, i.e. whether more reviews could be filled.</summary>
    private static bool SinkReachable(AssignmentNetwork net, bool[] flow, int[] sent, int[] load)
    {
        var papers = net.PaperCount;
        var takenStart = new int[net.ReviewerCount + 1];
        for (var r = 0; r < net.ReviewerCount; r++)
        {
            takenStart[r + 1] = takenStart[r] + load[r];
        }
        var takenPaper = new int[takenStart[^1]];
        var fill = takenStart[..^1];
        for (var p = 0; p < papers; p++)
        {
            for (var a = net.ArcStart[p]; a < net.ArcStart[p + 1]; a++)
            {
                if (flow[a])
                {
                    takenPaper[fill[net.ArcReviewer[a]]++] = p;
                }
            }
        }

        var seen = new bool[net.NodeCount];
        var stack = new Stack<int>();
        for (var p = 0; p < papers; p++)
        {
            if (sent[p] < net.Need[p])
            {
                seen[p] = true;
                stack.Push(p);
            }
        }
        while (stack.TryPop(out var u))
        {
            if (u < papers)
            {
                for (var a = net.ArcStart[u]; a < net.ArcStart[u + 1]; a++)
                {
                    var v = papers + net.ArcReviewer[a];
                    if (!flow[a] && !seen[v])
                    {
                        seen[v] = true;
                        stack.Push(v);
                    }
                }
                continue;
            }
            var r = u - papers;
            if (load[r] < net.Capacity[r])
            {
                return true;
            }
            for (var i = takenStart[r]; i < takenStart[r + 1]; i++)
            {
                if (!seen[takenPaper[i]])
                {
                    seen[takenPaper[i]] = true;
                    stack.Push(takenPaper[i]);
                }
            }
        }
        return false;
    }
}
