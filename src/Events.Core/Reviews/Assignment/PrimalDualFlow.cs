namespace Events.Core.Reviews.Assignment;

/// <summary>
/// Minimum-cost maximum flow on an <see cref="AssignmentNetwork"/> by the primal-dual method. Each phase finds shortest
/// distances from the source with Dijkstra on reduced costs (all non-negative thanks to the node potentials), raises the
/// potentials by them, and then pushes a maximum flow through every arc of zero reduced cost at once (Dinic: BFS levels,
/// then augmenting paths with current-arc pointers). The cost of the cheapest augmenting path grows by at least 1 per
/// phase, so with small integer costs there are few phases, however many units of flow there are.
/// Every flow path is unit (pair arcs have capacity 1), so flows are stored as one bit per pair arc, and each reviewer
/// keeps the short list of pairs it currently takes: those are its only residual arcs back to papers.
/// </summary>
internal sealed class PrimalDualFlow
{
    private const long Unreached = long.MaxValue / 4;

    private readonly AssignmentNetwork net;
    private readonly int papers;
    private readonly int source;
    private readonly int sink;
    private readonly int[] arcStart;
    private readonly int[] arcReviewer;
    private readonly int[] arcCost;

    private readonly bool[] flow;
    private readonly long[] potential;
    private readonly int[] sent;

    // Reviewer r's current pairs are slotArc/slotPaper[slotStart[r] .. slotStart[r] + added[r]).
    private readonly int[] added;
    private readonly int[] slotStart;
    private readonly int[] slotArc;
    private readonly int[] slotPaper;

    private readonly long[] distance;
    private readonly bool[] settled;
    private readonly PriorityQueue<int, long> queue = new();
    private readonly int[] level;
    private readonly int[] current;
    private readonly int[] bfs;
    private readonly int[] path;

    public PrimalDualFlow(AssignmentNetwork net)
    {
        this.net = net;
        papers = net.PaperCount;
        source = net.Source;
        sink = net.Sink;
        arcStart = net.ArcStart;
        arcReviewer = net.ArcReviewer;
        arcCost = net.ArcCost;
        flow = new bool[net.ArcCount];
        potential = new long[net.NodeCount];
        sent = new int[papers];
        added = new int[net.ReviewerCount];
        slotStart = new int[net.ReviewerCount + 1];
        for (var r = 0; r < net.ReviewerCount; r++)
        {
            slotStart[r + 1] = slotStart[r] + net.Capacity[r];
        }
        slotArc = new int[slotStart[^1]];
        slotPaper = new int[slotStart[^1]];
        distance = new long[net.NodeCount];
        settled = new bool[net.NodeCount];
        level = new int[net.NodeCount];
        current = new int[net.NodeCount];
        bfs = new int[net.NodeCount];
        path = new int[net.NodeCount + 1];
    }

    /// <summary>Which pair arcs carry a review.</summary>
    public bool[] Flow => flow;

    /// <summary>The node potentials: the optimality certificate once <see cref="Run"/> has returned.</summary>
    public long[] Potential => potential;

    public int Phases { get; private set; }

    public void Run()
    {
        // All costs are non-negative, so zero potentials start with non-negative reduced costs.
        while (ShortestDistances())
        {
            Phases++;
            while (BuildLevels())
            {
                PushBlockingFlow();
            }
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
                var pu = potential[u] + d;
                for (var a = arcStart[u]; a < arcStart[u + 1]; a++)
                {
                    if (!flow[a])
                    {
                        var v = papers + arcReviewer[a];
                        var dv = pu + arcCost[a] - potential[v];
                        if (dv < distance[v])
                        {
                            distance[v] = dv;
                            queue.Enqueue(v, dv);
                        }
                    }
                }
            }
            else
            {
                var r = u - papers;
                for (var s = slotStart[r]; s < slotStart[r] + added[r]; s++)
                {
                    Relax(slotPaper[s], d + Reduced(-arcCost[slotArc[s]], u, slotPaper[s]));
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

    private void Relax(int v, long dv)
    {
        if (dv < distance[v])
        {
            distance[v] = dv;
            queue.Enqueue(v, dv);
        }
    }

    /// <summary>BFS levels over the arcs with residual capacity and zero reduced cost; true when the sink is reached.</summary>
    private bool BuildLevels()
    {
        Array.Fill(level, -1);
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
                    if (level[p] < 0 && sent[p] < net.Need[p] && Reduced(0, source, p) == 0)
                    {
                        level[p] = next;
                        bfs[tail++] = p;
                    }
                }
            }
            else if (u < papers)
            {
                var pu = potential[u];
                for (var a = arcStart[u]; a < arcStart[u + 1]; a++)
                {
                    var v = papers + arcReviewer[a];
                    if (level[v] < 0 && !flow[a] && pu + arcCost[a] == potential[v])
                    {
                        level[v] = next;
                        bfs[tail++] = v;
                    }
                }
            }
            else
            {
                var r = u - papers;
                for (var s = slotStart[r]; s < slotStart[r] + added[r]; s++)
                {
                    var v = slotPaper[s];
                    if (level[v] < 0 && Reduced(-arcCost[slotArc[s]], u, v) == 0)
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
        for (var p = 0; p < papers; p++)
        {
            current[p] = arcStart[p];
        }
        Array.Clear(current, papers, net.ReviewerCount);
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
            level[u] = -1; // dead end for the rest of this round
            if (depth == 0)
            {
                return;
            }
            depth--;
        }
    }

    /// <summary>The next node along u's current admissible arc (moving the pointer past arcs that are not), or −1.</summary>
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
            var pu = potential[u];
            for (; current[u] < arcStart[u + 1]; current[u]++)
            {
                var a = current[u];
                var v = papers + arcReviewer[a];
                if (level[v] == next && !flow[a] && pu + arcCost[a] == potential[v])
                {
                    return v;
                }
            }
            return -1;
        }
        var r = u - papers;
        for (; current[u] <= added[r]; current[u]++)
        {
            var j = current[u];
            if (j < added[r])
            {
                var s = slotStart[r] + j;
                var v = slotPaper[s];
                if (level[v] == next && Reduced(-arcCost[slotArc[s]], u, v) == 0)
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

    /// <summary>
    /// Sends one unit along path[0..depth] = source, p1, r1, p2, ..., rk, sink. Each ri either hands its pair with p(i+1)
    /// over to pi (the slot is reused) or, for rk, takes pk as one more paper.
    /// </summary>
    private void Augment(int depth)
    {
        sent[path[1]]++;
        for (var i = 1; i < depth; i += 2)
        {
            var p = path[i];
            var a = current[p];
            flow[a] = true;
            var r = arcReviewer[a];
            var j = current[papers + r];
            if (j == added[r])
            {
                added[r]++;
            }
            else
            {
                flow[slotArc[slotStart[r] + j]] = false;
            }
            slotArc[slotStart[r] + j] = a;
            slotPaper[slotStart[r] + j] = p;
        }
    }
}
