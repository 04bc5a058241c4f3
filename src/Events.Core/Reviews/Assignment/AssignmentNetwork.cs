namespace Events.Core.Reviews.Assignment;

/// <summary>
/// The flow network of one <see cref="AssignmentProblem"/>: source → paper (capacity: reviews still wanted, cost 0);
/// paper → reviewer (capacity 1, cost: bid and topic; only pairs that are neither conflicts nor existing); reviewer → sink
/// as one unit arc per free load step, each step costing more than the one before, which makes the load cost convex.
/// Papers and reviewers are indexed in id order; node numbers are papers 0..P−1, reviewers P..P+R−1, source, sink.
/// </summary>
/// <remarks>
/// A large call has over a million candidate pairs but only eight pair costs (four bids, with or without a topic match),
/// so a paper's pairs are stored as one reviewer bitset per cost class ("slot"), cheapest class first: one bit per pair
/// and class, and the solver can handle 64 reviewers per machine word.
/// </remarks>
internal sealed class AssignmentNetwork
{
    private const byte NoMark = 0, EagerMark = 1, WillingMark = 2, NotWillingMark = 3, Excluded = 4;
    private const int Classes = 8; // (no bid, eager, willing, not willing) × (no topic match, topic match)

    private AssignmentNetwork(AssignmentCosts costs, int[] paperIds, int[] reviewerIds)
    {
        Costs = costs;
        PaperIds = paperIds;
        ReviewerIds = reviewerIds;
        Words = (reviewerIds.Length + 63) / 64;
        Need = new int[paperIds.Length];
        ExistingLoad = new int[reviewerIds.Length];
        Capacity = new int[reviewerIds.Length];
        SlotStart = new int[paperIds.Length + 1];
    }

    public AssignmentCosts Costs { get; }

    public int[] PaperIds { get; }

    public int[] ReviewerIds { get; }

    /// <summary>64-bit words per reviewer bitset.</summary>
    public int Words { get; }

    /// <summary>Reviews still to add to each paper (wanted minus existing, never negative).</summary>
    public int[] Need { get; }

    /// <summary>Existing assignments of each reviewer.</summary>
    public int[] ExistingLoad { get; }

    /// <summary>Papers each reviewer can still take: maximum load minus existing, never negative, at most the papers still open.</summary>
    public int[] Capacity { get; }

    /// <summary>Paper p's cost classes are the slots SlotStart[p] to SlotStart[p + 1] − 1, in increasing cost.</summary>
    public int[] SlotStart { get; }

    /// <summary>The pair cost (bid and topic) of each slot.</summary>
    public int[] SlotCost { get; private set; } = [];

    /// <summary>Slot s's reviewers are the bits of SlotBits[s × Words .. (s + 1) × Words − 1].</summary>
    public ulong[] SlotBits { get; private set; } = [];

    public int PaperCount => PaperIds.Length;

    public int ReviewerCount => ReviewerIds.Length;

    public int Source => PaperCount + ReviewerCount;

    public int Sink => Source + 1;

    public int NodeCount => Sink + 1;

    /// <summary>The cost of the k-th paper added to reviewer r (1-based), which is its (existing + k)-th paper.</summary>
    public long StepCost(int r, int k) => Costs.LoadCost(ExistingLoad[r] + k);

    /// <summary>The slot holding the pair (paper p, reviewer r), or −1 when the pair is not a candidate.</summary>
    public int SlotOf(int p, int r)
    {
        for (var s = SlotStart[p]; s < SlotStart[p + 1]; s++)
        {
            if ((SlotBits[s * Words + (r >> 6)] & (1UL << r)) != 0)
            {
                return s;
            }
        }
        return -1;
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

        var (markStart, markReviewer, markKind) = MarksByPaper(problem, net);
        // A reviewer takes a paper at most once, so a load above the papers still open could never be used; the cap keeps
        // a "no limit" maximum load (int.MaxValue) from sizing the solver's arrays.
        var openPapers = net.Need.Count(n => n > 0);
        for (var r = 0; r < reviewers.Length; r++)
        {
            net.Capacity[r] = Math.Min(openPapers, Math.Max(0, reviewers[r].MaxLoad - net.ExistingLoad[r]));
        }

        // Class k = bid mark × 2 + topic match; classes are laid out cheapest first (ties by k, so the order is fixed).
        var classCost = new int[Classes];
        foreach (var (kind, bid) in new (byte, BidPreference?)[]
            { (NoMark, null), (EagerMark, BidPreference.Eager), (WillingMark, BidPreference.Willing), (NotWillingMark, BidPreference.NotWilling) })
        {
            classCost[kind * 2] = costs.PairCost(bid, topicMatch: false);
            classCost[kind * 2 + 1] = costs.PairCost(bid, topicMatch: true);
        }
        var classOrder = Enumerable.Range(0, Classes).OrderBy(k => classCost[k]).ThenBy(k => k).ToArray();

        var words = net.Words;
        var topicBits = TopicBits(reviewers, words);
        var noTopic = new ulong[words];
        var open = new ulong[words];
        for (var r = 0; r < reviewers.Length; r++)
        {
            if (net.Capacity[r] > 0)
            {
                open[r >> 6] |= 1UL << r;
            }
        }
        var mark = new byte[reviewers.Length];
        var classBits = new ulong[Classes * words];
        var marked = new ulong[words];
        var slotCost = new List<int>();
        var slotBits = new ulong[Math.Max(1, papers.Length * 2 * words)];
        for (var p = 0; p < papers.Length; p++)
        {
            net.SlotStart[p] = slotCost.Count;
            if (net.Need[p] == 0)
            {
                continue;
            }
            var matches = papers[p].TopicId is { } topic ? topicBits.GetValueOrDefault(topic, noTopic) : noTopic;
            Array.Clear(classBits);
            Array.Clear(marked);
            for (var i = markStart[p]; i < markStart[p + 1]; i++)
            {
                var r = markReviewer[i];
                mark[r] = mark[r] == Excluded ? Excluded : markKind[i];
                marked[r >> 6] |= 1UL << r;
            }
            // Pairs without a mark have no bid; those with a mark take its bid class unless excluded.
            for (var w = 0; w < words; w++)
            {
                var noBid = open[w] & ~marked[w];
                classBits[(NoMark * 2 + 1) * words + w] = noBid & matches[w];
                classBits[NoMark * 2 * words + w] = noBid & ~matches[w];
            }
            for (var i = markStart[p]; i < markStart[p + 1]; i++)
            {
                var r = markReviewer[i];
                var bit = 1UL << r;
                if (mark[r] is > NoMark and < Excluded && (open[r >> 6] & bit) != 0)
                {
                    var k = mark[r] * 2 + ((matches[r >> 6] & bit) != 0 ? 1 : 0);
                    classBits[k * words + (r >> 6)] |= bit;
                }
            }
            for (var i = markStart[p]; i < markStart[p + 1]; i++)
            {
                mark[markReviewer[i]] = NoMark;
            }
            foreach (var k in classOrder)
            {
                var bits = classBits.AsSpan(k * words, words);
                if (bits.ContainsAnyExcept(0UL))
                {
                    if ((slotCost.Count + 1) * words > slotBits.Length)
                    {
                        Array.Resize(ref slotBits, slotBits.Length * 2);
                    }
                    bits.CopyTo(slotBits.AsSpan(slotCost.Count * words));
                    slotCost.Add(classCost[k]);
                }
            }
        }
        net.SlotStart[papers.Length] = slotCost.Count;
        net.SlotCost = slotCost.ToArray();
        net.SlotBits = slotBits;
        return net;
    }

    /// <summary>
    /// Bids, conflicts and existing pairs grouped by paper index, bids first so that exclusions written later win; also
    /// counts existing assignments into <see cref="Need"/> and <see cref="ExistingLoad"/>.
    /// </summary>
    private static (int[] Start, int[] Reviewer, byte[] Kind) MarksByPaper(AssignmentProblem problem, AssignmentNetwork net)
    {
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

        var start = new int[net.PaperCount + 1];
        foreach (var m in marks)
        {
            if (m.Paper >= 0 && m.Reviewer >= 0)
            {
                start[m.Paper + 1]++;
            }
        }
        for (var p = 0; p < net.PaperCount; p++)
        {
            start[p + 1] += start[p];
        }
        var reviewer = new int[start[net.PaperCount]];
        var kind = new byte[reviewer.Length];
        var fill = start[..^1];
        foreach (var m in marks)
        {
            if (m.Paper >= 0 && m.Reviewer >= 0)
            {
                reviewer[fill[m.Paper]] = m.Reviewer;
                kind[fill[m.Paper]++] = m.Mark;
            }
        }
        return (start, reviewer, kind);
    }

    /// <summary>For each topic some reviewer lists, the bitset of the reviewers who list it.</summary>
    private static Dictionary<int, ulong[]> TopicBits(ReviewerSlot[] reviewers, int words)
    {
        var matches = new Dictionary<int, ulong[]>();
        for (var r = 0; r < reviewers.Length; r++)
        {
            ArgumentNullException.ThrowIfNull(reviewers[r].TopicIds, nameof(ReviewerSlot.TopicIds));
            foreach (var topic in reviewers[r].TopicIds)
            {
                if (!matches.TryGetValue(topic, out var row))
                {
                    matches[topic] = row = new ulong[words];
                }
                row[r >> 6] |= 1UL << r;
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
