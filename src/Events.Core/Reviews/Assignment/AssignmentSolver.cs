namespace Events.Core.Reviews.Assignment;

/// <summary>
/// Automatic reviewer assignment as a minimum-cost flow (as in HotCRP): fills as many of the missing reviews as the
/// conflicts and maximum loads allow, and among all ways to fill that many, returns one of least total cost under
/// <see cref="AssignmentCosts"/> (bids, topic matches, convex load). Existing assignments stay fixed. The answer is checked
/// with <see cref="OptimalityCertificate"/> before it is returned, and depends only on the problem's content (not on the
/// order of its lists). Pure computation: nothing is read or saved.
/// </summary>
public static class AssignmentSolver
{
    public static AssignmentResult Solve(AssignmentProblem problem, AssignmentCosts? costs = null)
    {
        costs ??= AssignmentCosts.Default;
        var net = AssignmentNetwork.Build(problem, costs);
        var solver = new PrimalDualFlow(net);
        solver.Run();
        var flow = solver.Flow;
        var proven = OptimalityCertificate.Holds(net, flow, solver.Potential);

        var topics = problem.Papers.ToDictionary(p => p.PaperId, p => p.TopicId);
        var expertise = problem.Reviewers.ToDictionary(r => r.ReviewerId, r => r.TopicIds);
        var proposals = new List<ProposedAssignment>();
        var sent = new int[net.PaperCount];
        var load = new int[net.ReviewerCount];
        long total = 0;
        for (var p = 0; p < net.PaperCount; p++)
        {
            for (var a = net.ArcStart[p]; a < net.ArcStart[p + 1]; a++)
            {
                if (flow[a])
                {
                    var r = net.ArcReviewer[a];
                    sent[p]++;
                    total += net.ArcCost[a] + net.StepCost(r, ++load[r]);
                    var (paperId, reviewerId) = (net.PaperIds[p], net.ReviewerIds[r]);
                    var topicMatch = topics[paperId] is { } topic && expertise[reviewerId].Contains(topic);
                    var reasons = Reasons(problem.Bids.TryGetValue((paperId, reviewerId), out var bid) ? bid : null, topicMatch);
                    proposals.Add(new ProposedAssignment(paperId, reviewerId, reasons, net.ArcCost[a]));
                }
            }
        }
        var unfilled = Enumerable.Range(0, net.PaperCount)
            .Where(p => sent[p] < net.Need[p])
            .Select(p => new Shortfall(net.PaperIds[p], net.Need[p] - sent[p]))
            .ToList();
        return new AssignmentResult(proposals, total, proven, unfilled, Potentials(net, solver.Potential));
    }

    private static AssignmentReason Reasons(BidPreference? bid, bool topicMatch)
    {
        var reason = bid switch
        {
            BidPreference.Eager => AssignmentReason.EagerBid,
            BidPreference.Willing => AssignmentReason.WillingBid,
            BidPreference.NotWilling => AssignmentReason.NotWillingFallback,
            _ => AssignmentReason.NoBid,
        };
        return topicMatch ? reason | AssignmentReason.TopicMatch : reason;
    }

    private static AssignmentPotentials Potentials(AssignmentNetwork net, long[] potential) =>
        new(
            potential[net.Source],
            potential[net.Sink],
            Enumerable.Range(0, net.PaperCount).ToDictionary(p => net.PaperIds[p], p => potential[p]),
            Enumerable.Range(0, net.ReviewerCount).ToDictionary(r => net.ReviewerIds[r], r => potential[net.PaperCount + r]));
}
