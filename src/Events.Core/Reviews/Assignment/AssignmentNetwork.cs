namespace Events.Core.Reviews.Assignment;

/// <summary>
/// The flow network of one <see cref="AssignmentProblem"/>, in flat arrays (a paper's candidate pairs are one slice of
/// <see cref="ArcReviewer"/>/<see cref="ArcCost"/>, CSR style) because a large call has over a million candidate pairs.
/// Source → paper (capacity: reviews still wanted, cost 0); paper → reviewer (capacity 1, cost: bid and topic; only pairs
/// that are neither conflicts nor existing); reviewer → sink as one unit arc per free load step, the step's load cost
/// rising with the step, which makes the load cost convex. Papers and reviewers are indexed in id order.
/// </summary>
internal sealed class AssignmentNetwork
{
    private const byte NoMark = 0, EagerMark = 1, WillingMark = 2, NotWillingMark = 3, Excluded = 4;

    private AssignmentNetwork(AssignmentCosts costs, int[] paperIds, int[] reviewerIds)
    {
        Costs = costs;
        PaperIds = paperIds;
        ReviewerIds = reviewerIds;
        Need = new int[paperIds.Length];
        ExistingLoad = new int[reviewerIds.Length];
        Capacity = new int[reviewerIds.Length];
        ArcStart = new int[paperIds.Length + 1];
    }

    public AssignmentCosts Costs { get; }

    public int[] PaperIds { get; }

    public int[] ReviewerIds { get; }

    /// <summary>Reviews still to add to each paper (wanted minus existing, never negative).</summary>
    public int[] Need { get; }

    /// <summary>Existing assignments of each reviewer.</summary>
    public int[] ExistingLoad { get; }

    /// <summary>Papers each reviewer can still take (maximum load minus existing, never negative).</summary>
    public int[] Capacity { get; }

    /// <summary>Paper p's candidate pairs are the arcs ArcStart[p] to ArcStart[p + 1] − 1, in reviewer order.</summary>
    public int[] ArcStart { get; }

    /// <summary>The reviewer index of each arc.</summary>
    public int[] ArcReviewer { get; private set; } = [];

    /// <summary>The pair cost (bid and topic) of each arc.</summary>
    public int[] ArcCost { get; private set; } = [];

    public int PaperCount => PaperIds.Length;

    public int ReviewerCount => ReviewerIds.Length;

    public int ArcCount => ArcStart[PaperCount];

    /// <summary>Node numbers: papers 0..P−1, reviewers P..P+R−1, then the source and the sink.</summary>
    public int Source => PaperCount + ReviewerCount;

    public int Sink => Source + 1;

    public int NodeCount => Sink + 1;

    /// <summary>The cost of the k-th paper added to reviewer r (1-based), which is its (existing + k)-th paper.</summary>
    public long StepCost(int r, int k) => Costs.LoadCost(ExistingLoad[r] + k);

    /// <summary>The arc of paper p to reviewer r, or −1 when the pair is not a candidate.</summary>
    public int FindArc(int p, int r)
    {
        var i = Array.BinarySearch(ArcReviewer, ArcStart[p], ArcStart[p + 1] - ArcStart[p], r);
        return i >= 0 ? i : -1;
    }

    public int PaperIndex(int paperId) => Array.BinarySearch(PaperIds, paperId);

    public int ReviewerIndex(int reviewerId) => Array.BinarySearch(ReviewerIds, reviewerId);

    public static AssignmentNetwork Build(AssignmentProblem problem, AssignmentCosts costs)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(problem.Papers);
        ArgumentNullException.ThrowIfNull(problem.Reviewers);
        ArgumentNullException.ThrowIfNull(problem.Bids);
        ArgumentNullException.ThrowIfNull(problem.Conflicts);
        ArgumentNullException.ThrowIfNull(problem.Existing);
        ArgumentNullException.ThrowIfNull(costs);
        costs.Validate(nameof(costs));

        var papers = problem.Papers.OrderBy(p => p.PaperId).ToArray();
        var reviewers = problem.Reviewers.OrderBy(r => r.ReviewerId).ToArray();
        var net = new AssignmentNetwork(costs, papers.Select(p => p.PaperId).ToArray(), reviewers.Select(r => r.ReviewerId).ToArray());
        RequireDistinct(net.PaperIds, "paper", nameof(problem));
        RequireDistinct(net.ReviewerIds, "reviewer", nameof(problem));
        for (var p = 0; p < papers.Length; p++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(papers[p].ReviewsWanted, nameof(PaperSlot.ReviewsWanted));
            net.Need[p] = papers[p].ReviewsWanted;
        }
        for (var r = 0; r < reviewers.Length; r++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(reviewers[r].MaxLoad, nameof(ReviewerSlot.MaxLoad));
        }

        // Bids, conflicts and existing pairs grouped by paper (bids first, so that exclusions written later win).
        var marks = new List<(int Paper, int Reviewer, byte Mark)>(problem.Bids.Count + problem.Conflicts.Count + problem.Existing.Count);
        foreach (var ((paperId, reviewerId), bid) in problem.Bids)
        {
            marks.Add((net.PaperIndex(paperId), net.ReviewerIndex(reviewerId), bid switch
            {
                BidPreference.Eager => EagerMark,
                BidPreference.Willing => WillingMark,
                BidPreference.NotWilling => NotWillingMark,
                _ => Excluded,
            }));
        }
        foreach (var (paperId, reviewerId) in problem.Conflicts)
        {
            marks.Add((net.PaperIndex(paperId), net.ReviewerIndex(reviewerId), Excluded));
        }
        foreach (var (paperId, reviewerId) in problem.Existing.Distinct())
        {
            var (p, r) = (net.PaperIndex(paperId), net.ReviewerIndex(reviewerId));
            if (p >= 0)
            {
                net.Need[p] = Math.Max(0, net.Need[p] - 1);
            }
            if (r >= 0)
            {
                net.ExistingLoad[r]++;
            }
            marks.Add((p, r, Excluded));
        }
        for (var r = 0; r < reviewers.Length; r++)
        {
            net.Capacity[r] = Math.Max(0, reviewers[r].MaxLoad - net.ExistingLoad[r]);
        }

        var markStart = new int[papers.Length + 1];
        foreach (var m in marks)
        {
            if (m.Paper >= 0 && m.Reviewer >= 0)
            {
                markStart[m.Paper + 1]++;
            }
        }
        for (var p = 0; p < papers.Length; p++)
        {
            markStart[p + 1] += markStart[p];
        }
        var markReviewer = new int[markStart[papers.Length]];
        var markKind = new byte[markReviewer.Length];
        var fill = markStart[..^1];
        foreach (var m in marks)
        {
            if (m.Paper >= 0 && m.Reviewer >= 0)
            {
                markReviewer[fill[m.Paper]] = m.Reviewer;
                markKind[fill[m.Paper]++] = m.Mark;
            }
        }

        var topicMatches = TopicMatches(reviewers);
        var open = Enumerable.Range(0, reviewers.Length).Where(r => net.Capacity[r] > 0).ToArray();
        var upperBound = (long)net.Need.Count(n => n > 0) * open.Length;
        var arcReviewer = new int[checked((int)upperBound)];
        var arcCost = new int[arcReviewer.Length];
        var mark = new byte[reviewers.Length];
        var pairCost = new int[5, 2];
        foreach (var (kind, bid) in new (byte, BidPreference?)[]
            { (NoMark, null), (EagerMark, BidPreference.Eager), (WillingMark, BidPreference.Willing), (NotWillingMark, BidPreference.NotWilling) })
        {
            pairCost[kind, 0] = costs.PairCost(bid, topicMatch: false);
            pairCost[kind, 1] = costs.PairCost(bid, topicMatch: true);
        }

        var arc = 0;
        for (var p = 0; p < papers.Length; p++)
        {
            net.ArcStart[p] = arc;
            if (net.Need[p] == 0)
            {
                continue;
            }
            for (var i = markStart[p]; i < markStart[p + 1]; i++)
            {
                mark[markReviewer[i]] = markKind[i];
            }
            var matches = papers[p].TopicId is { } topic ? topicMatches.GetValueOrDefault(topic) : null;
            foreach (var r in open)
            {
                if (mark[r] != Excluded)
                {
                    arcReviewer[arc] = r;
                    arcCost[arc++] = pairCost[mark[r], matches is not null && matches[r] ? 1 : 0];
                }
            }
            for (var i = markStart[p]; i < markStart[p + 1]; i++)
            {
                mark[markReviewer[i]] = NoMark;
            }
        }
        net.ArcStart[papers.Length] = arc;
        net.ArcReviewer = arcReviewer;
        net.ArcCost = arcCost;
        return net;
    }

    /// <summary>For each topic some reviewer lists, which reviewers list it.</summary>
    private static Dictionary<int, bool[]> TopicMatches(ReviewerSlot[] reviewers)
    {
        var matches = new Dictionary<int, bool[]>();
        for (var r = 0; r < reviewers.Length; r++)
        {
            ArgumentNullException.ThrowIfNull(reviewers[r].TopicIds, nameof(ReviewerSlot.TopicIds));
            foreach (var topic in reviewers[r].TopicIds)
            {
                if (!matches.TryGetValue(topic, out var row))
                {
                    matches[topic] = row = new bool[reviewers.Length];
                }
                row[r] = true;
            }
        }
        return matches;
    }

    private static void RequireDistinct(int[] sortedIds, string what, string paramName)
    {
        for (var i = 1; i < sortedIds.Length; i++)
        {
            if (sortedIds[i] == sortedIds[i - 1])
            {
                throw new ArgumentException($"The {what} id {sortedIds[i]} appears twice.", paramName);
            }
        }
    }
}
