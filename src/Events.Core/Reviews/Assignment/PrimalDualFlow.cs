using System.Numerics;

namespace Events.Core.Reviews.Assignment;

/// <summary>
/// Minimum-cost maximum flow on an <see cref="AssignmentNetwork"/> by the primal-dual method. Each phase finds shortest
/// distances from the source with Dijkstra on reduced costs (non-negative thanks to the node potentials), raises the
/// potentials by them, and then pushes a maximum flow through all arcs of zero reduced cost at once (Dinic: BFS levels,
/// then augmenting paths with current-arc pointers). The cheapest augmenting path costs at least 1 more each phase, so
/// with small integer costs there are few phases, however many reviews are filled.
/// </summary>
/// <remarks>
/// Every augmenting path carries one review (pair arcs have capacity 1), so the flow is one bit per pair, kept as a
/// reviewer bitset per paper; each reviewer keeps the short list of papers it takes, its only residual arcs back to papers.
/// A pair arc has zero reduced cost exactly when π(reviewer) = π(paper) + cost, so the searches intersect a paper's class
/// bitsets with the bitset of reviewers at that potential instead of looking at each pair.
/// </remarks>
internal sealed class PrimalDualFlow
{
    private const long Unreached = long.MaxValue / 4;

    private readonly AssignmentNetwork net;
    private readonly int papers;
    private readonly int reviewers;
    private readonly int words;
    private readonly int source;
    private readonly int sink;
    private readonly int[] slotStart;
    private readonly int[] slotCost;
    private readonly ulong[] slotBits;

    private readonly ulong[] flow;
    private readonly long[] potential;
    private readonly int[] sent;
    private int augmented;

    // Reviewer r takes papers takenPaper[takenStart[r] .. takenStart[r] + added[r]), at pair costs takenCost[..].
    private readonly int[] added;
    private readonly int[] takenStart;
    private readonly int[] takenPaper;
    private readonly int[] takenCost;

    // Reviewers grouped by potential, rebuilt whenever the potentials change: groupValue sorted, groupBits per group.
    private long[] groupValue = [];
    private ulong[] groupBits = [];
    private long maxReviewerPotential;

    private readonly long[] distance;
    private readonly bool[] settled;
    private readonly ulong[] settledReviewers;
    private readonly PriorityQueue<int, long> queue = new();
    private readonly int[] level;
    private readonly ulong[] unlabeledReviewers;
    private readonly int[] current;
    private readonly int[] currentBit;
    private readonly int[] bfs;
    private readonly int[] path;

    public PrimalDualFlow(AssignmentNetwork net)
    {
        this.net = net;
        papers = net.PaperCount;
        reviewers = net.ReviewerCount;
        words = net.Words;
        source = net.Source;
        sink = net.Sink;
        slotStart = net.SlotStart;
        slotCost = net.SlotCost;
        slotBits = net.SlotBits;
        flow = new ulong[papers * words];
        potential = new long[net.NodeCount];
        sent = new int[papers];
        added = new int[reviewers];
        takenStart = new int[reviewers + 1];
        for (var r = 0; r < reviewers; r++)
        {
            takenStart[r + 1] = takenStart[r] + net.Capacity[r];
        }
        takenPaper = new int[takenStart[^1]];
        takenCost = new int[takenStart[^1]];
        distance = new long[net.NodeCount];
        settled = new bool[net.NodeCount];
        settledReviewers = new ulong[words];
        level = new int[net.NodeCount];
        unlabeledReviewers = new ulong[words];
        current = new int[net.NodeCount];
        currentBit = new int[papers];
        bfs = new int[net.NodeCount];
        path = new int[net.NodeCount + 1];
    }

    /// <summary>Paper p's reviews: the reviewer bits of Flow[p × Words .. (p + 1) × Words − 1].</summary>
    public ulong[] Flow => flow;

    /// <summary>The node potentials: the optimality certificate once <see cref="Run"/> has returned.</summary>
    public long[] Potential => potential;

    public void Run()
    {
        // All costs are non-negative, so zero potentials start with non-negative reduced costs.
        while (ShortestDistances())
        {
            GroupReviewersByPotential();
            var before = augmented;
            while (BuildLevels())
            {
                var round = augmented;
                PushBlockingFlow();
                ThrowIfStuck(round);
            }
            ThrowIfStuck(before);
        }
    }

    /// <summary>
    /// Each phase and each round must send at least one review: after Dijkstra the shortest path to the sink has zero reduced
    /// cost, and after BFS a level path exists. If not, the invariants are broken; fail loudly rather than loop forever.
    /// </summary>
    private void ThrowIfStuck(int augmentedBefore)
    {
        if (augmented == augmentedBefore)
        {
            throw new InvalidOperationException("The assignment solver made no progress in a phase: its potentials are inconsistent.");
        }
    }

    private long Reduced(long cost, int from, int to) => cost + potential[from] - potential[to];

    /// <summary>
    /// Dijkstra on reduced costs, stopped once the sink is settled; then each potential grows by the node's distance, or by
    /// the sink's distance for nodes not settled by then, which keeps every residual arc's reduced cost non-negative and
    /// makes every shortest path to the sink zero-cost. False when the sink cannot be reached: the flow is maximum.
    /// </summary>
    private bool ShortestDistances()
    {
        Array.Fill(distance, Unreached);
        Array.Clear(settled);
        Array.Clear(settledReviewers);
        maxReviewerPotential = 0;
        for (var v = papers; v < papers + reviewers; v++)
        {
            maxReviewerPotential = Math.Max(maxReviewerPotential, potential[v]);
        }
        queue.Clear();
        distance[source] = 0;
        queue.Enqueue(source, 0);
        while (queue.TryDequeue(out var u, out var d))
        {
            if (settled[u] || d > distance[u])
            {
                continue;
            }
            settled[u] = true;
            if (u == sink)
            {
                break;
            }
            if (u == source)
            {
                for (var p = 0; p < papers; p++)
                {
                    if (sent[p] < net.Need[p])
                    {
                        Relax(p, d + Reduced(0, source, p));
                    }
                }
            }
            else if (u < papers)
            {
                RelaxPairs(u, d);
            }
            else
            {
                var r = u - papers;
                settledReviewers[r >> 6] |= 1UL << r;
                for (var t = takenStart[r]; t < takenStart[r] + added[r]; t++)
                {
                    Relax(takenPaper[t], d + Reduced(-takenCost[t], u, takenPaper[t]));
                }
                if (added[r] < net.Capacity[r])
                {
                    Relax(sink, d + Reduced(net.StepCost(r, added[r] + 1), u, sink));
                }
            }
        }
        if (!settled[sink])
        {
            return false;
        }
        var toSink = distance[sink];
        for (var v = 0; v < potential.Length; v++)
        {
            potential[v] += settled[v] ? distance[v] : toSink;
        }
        return true;
    }

    /// <summary>
    /// Relaxes paper u's free pairs to reviewers not settled yet. A pair that could only reach a reviewer at or beyond the
    /// sink's current distance cannot matter before the sink is settled, and classes come cheapest first, so the scan stops
    /// at the first class whose cost rules out even the reviewer with the highest potential.
    /// </summary>
    private void RelaxPairs(int u, long d)
    {
        var from = potential[u] + d;
        var flowRow = u * words;
        for (var s = slotStart[u]; s < slotStart[u + 1]; s++)
        {
            var reach = from + slotCost[s];
            if (reach - maxReviewerPotential >= distance[sink])
            {
                return;
            }
            var bits = s * words;
            for (var w = 0; w < words; w++)
            {
                var m = slotBits[bits + w] & ~flow[flowRow + w] & ~settledReviewers[w];
                while (m != 0)
                {
                    var v = papers + (w << 6) + BitOperations.TrailingZeroCount(m);
                    m &= m - 1;
                    var dv = reach - potential[v];
                    if (dv < distance[v])
                    {
                        distance[v] = dv;
                        queue.Enqueue(v, dv);
                    }
                }
            }
        }
    }

    private void Relax(int v, long dv)
    {
        if (dv < distance[v])
        {
            distance[v] = dv;
            queue.Enqueue(v, dv);
        }
    }

    private void GroupReviewersByPotential()
    {
        groupValue = potential.AsSpan(papers, reviewers).ToArray().Distinct().Order().ToArray();
        groupBits = new ulong[groupValue.Length * words];
        for (var r = 0; r < reviewers; r++)
        {
            var g = Array.BinarySearch(groupValue, potential[papers + r]);
            groupBits[g * words + (r >> 6)] |= 1UL << r;
        }
    }

    /// <summary>The group of reviewers whose potential is <paramref name="value"/>, or −1 when there is none.</summary>
    private int GroupOf(long value)
    {
        var g = Array.BinarySearch(groupValue, value);
        return g >= 0 ? g : -1;
    }

    /// <summary>BFS levels over the arcs with residual capacity and zero reduced cost; true when the sink is reached.</summary>
    private bool BuildLevels()
    {
        Array.Fill(level, -1);
        Array.Fill(unlabeledReviewers, ulong.MaxValue); // bits past the last reviewer are in no slot, so never labeled
        var unlabeled = reviewers;
        level[source] = 0;
        var (head, tail) = (0, 0);
        bfs[tail++] = source;
        while (head < tail && level[sink] < 0)
        {
            var u = bfs[head++];
            var next = level[u] + 1;
            if (u == source)
            {
                for (var p = 0; p < papers; p++)
                {
                    if (sent[p] < net.Need[p] && Reduced(0, source, p) == 0)
                    {
                        level[p] = next;
                        bfs[tail++] = p;
                    }
                }
            }
            else if (u < papers)
            {
                if (unlabeled == 0)
                {
                    continue; // a paper leads only to reviewers
                }
                var flowRow = u * words;
                for (var s = slotStart[u]; s < slotStart[u + 1]; s++)
                {
                    var g = GroupOf(potential[u] + slotCost[s]);
                    if (g < 0)
                    {
                        continue;
                    }
                    for (var w = 0; w < words; w++)
                    {
                        var m = slotBits[s * words + w] & ~flow[flowRow + w] & unlabeledReviewers[w] & groupBits[g * words + w];
                        unlabeledReviewers[w] &= ~m;
                        while (m != 0)
                        {
                            var v = papers + (w << 6) + BitOperations.TrailingZeroCount(m);
                            m &= m - 1;
                            level[v] = next;
                            bfs[tail++] = v;
                            unlabeled--;
                        }
                    }
                }
            }
            else
            {
                var r = u - papers;
                for (var t = takenStart[r]; t < takenStart[r] + added[r]; t++)
                {
                    var v = takenPaper[t];
                    if (level[v] < 0 && Reduced(-takenCost[t], u, v) == 0)
                    {
                        level[v] = next;
                        bfs[tail++] = v;
                    }
                }
                if (added[r] < net.Capacity[r] && Reduced(net.StepCost(r, added[r] + 1), u, sink) == 0)
                {
                    level[sink] = next;
                }
            }
        }
        if (level[sink] < 0)
        {
            return false;
        }
        current[source] = 0;
        Array.Copy(slotStart, current, papers);
        Array.Clear(currentBit);
        Array.Clear(current, papers, reviewers);
        return true;
    }

    /// <summary>Augments along level-increasing zero-cost paths until none is left (a blocking flow).</summary>
    private void PushBlockingFlow()
    {
        var depth = 0;
        path[0] = source;
        while (true)
        {
            var u = path[depth];
            if (u == sink)
            {
                Augment(depth);
                depth = 0;
                continue;
            }
            var v = Advance(u);
            if (v >= 0)
            {
                path[++depth] = v;
                continue;
            }
            level[u] = -1; // a dead end for the rest of this round
            if (depth == 0)
            {
                return;
            }
            depth--;
        }
    }

    /// <summary>
    /// The next node along u's current admissible arc, moving u's pointer past arcs that are not admissible, or −1.
    /// A paper's pointer is a class slot (current) and a reviewer index in it (currentBit); a reviewer's is an index in
    /// its list of papers, one past the end meaning the sink.
    /// </summary>
    private int Advance(int u)
    {
        var next = level[u] + 1;
        if (u == source)
        {
            for (; current[u] < papers; current[u]++)
            {
                var p = current[u];
                if (level[p] == next && sent[p] < net.Need[p] && Reduced(0, source, p) == 0)
                {
                    return p;
                }
            }
            return -1;
        }
        if (u < papers)
        {
            return AdvancePaper(u, next);
        }
        var r = u - papers;
        for (; current[u] <= added[r]; current[u]++)
        {
            var j = current[u];
            if (j < added[r])
            {
                var t = takenStart[r] + j;
                var v = takenPaper[t];
                if (level[v] == next && Reduced(-takenCost[t], u, v) == 0)
                {
                    return v;
                }
            }
            else if (level[sink] == next && added[r] < net.Capacity[r] && Reduced(net.StepCost(r, added[r] + 1), u, sink) == 0)
            {
                return sink;
            }
        }
        return -1;
    }

    private int AdvancePaper(int u, int next)
    {
        var flowRow = u * words;
        for (; current[u] < slotStart[u + 1]; current[u]++, currentBit[u] = 0)
        {
            var s = current[u];
            var g = GroupOf(potential[u] + slotCost[s]);
            if (g < 0)
            {
                continue;
            }
            for (var w = currentBit[u] >> 6; w < words; w++)
            {
                var m = slotBits[s * words + w] & ~flow[flowRow + w] & groupBits[g * words + w];
                if (w == currentBit[u] >> 6)
                {
                    m &= ulong.MaxValue << currentBit[u]; // the reviewers before the pointer are done with
                }
                while (m != 0)
                {
                    var r = (w << 6) + BitOperations.TrailingZeroCount(m);
                    m &= m - 1;
                    if (level[papers + r] == next)
                    {
                        currentBit[u] = r;
                        return papers + r;
                    }
                }
            }
        }
        return -1;
    }

    /// <summary>
    /// Sends one review along path[0..depth] = source, p1, r1, p2, ..., rk, sink: each ri hands its pair with p(i+1)
    /// over to pi (reusing that entry of its list), and rk takes pk as one more paper.
    /// </summary>
    private void Augment(int depth)
    {
        augmented++;
        sent[path[1]]++;
        for (var i = 1; i < depth; i += 2)
        {
            var p = path[i];
            var r = path[i + 1] - papers;
            flow[p * words + (r >> 6)] |= 1UL << r;
            var j = current[papers + r];
            var t = takenStart[r] + j;
            if (j == added[r])
            {
                added[r]++;
            }
            else
            {
                var handedOver = takenPaper[t];
                flow[handedOver * words + (r >> 6)] &= ~(1UL << r);
            }
            takenPaper[t] = p;
            takenCost[t] = slotCost[current[p]];
        }
    }
}
