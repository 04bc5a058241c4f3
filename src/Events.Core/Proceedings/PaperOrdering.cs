namespace Events.Core.Proceedings;

/// <summary>
/// Puts the accepted papers in printed order. Groups (topics or sessions) keep their natural order, so a heading
/// never appears twice; inside a group, papers follow the organizer's manual order where it names them, and then their
/// natural order (a session item's position, else the submission number). Papers without a group go last, under
/// <paramref name="ungroupedHeading"/>.
/// </summary>
public static class PaperOrdering
{
    public static IReadOnlyList<VolumeSection> Arrange(
        IEnumerable<VolumePaper> papers, PaperGrouping grouping, IReadOnlyList<int> manualOrder, string ungroupedHeading)
    {
        var manual = new Dictionary<int, int>();
        for (var i = 0; i < manualOrder.Count; i++) manual.TryAdd(manualOrder[i], i);

        var ordered = papers
            .Select(p => (Paper: p, Group: GroupOf(p, grouping)))
            .OrderBy(x => x.Group is null ? 1 : 0)
            .ThenBy(x => x.Group?.Rank, RankComparer.Instance)
            .ThenBy(x => x.Group?.Key, StringComparer.Ordinal)
            .ThenBy(x => manual.TryGetValue(x.Paper.SubmissionId, out var pos) ? pos : int.MaxValue)
            .ThenBy(x => x.Group?.Position ?? 0)
            .ThenBy(x => x.Paper.SubmissionId)
            .ToList();

        if (grouping == PaperGrouping.None) return ordered.Count == 0 ? [] : [new VolumeSection(null, ordered.Select(x => x.Paper).ToList())];
        return ordered
            .GroupBy(x => x.Group?.Key)
            .Select(g => new VolumeSection(g.First().Group?.Heading ?? ungroupedHeading, g.Select(x => x.Paper).ToList()))
            .ToList();
    }

    public static PaperGroup? GroupOf(VolumePaper paper, PaperGrouping grouping) => grouping switch
    {
        PaperGrouping.Topic => paper.Topic,
        PaperGrouping.Session => paper.Session,
        _ => null,
    };

    /// <summary>Moves one paper a step up or down among the papers of its own section, and returns the new full order.</summary>
    public static IReadOnlyList<int> Move(IReadOnlyList<VolumeSection> sections, int submissionId, int step)
    {
        var order = sections.SelectMany(s => s.Papers.Select(p => p.SubmissionId)).ToList();
        var section = sections.FirstOrDefault(s => s.Papers.Any(p => p.SubmissionId == submissionId));
        if (section is null) return order;
        var ids = section.Papers.Select(p => p.SubmissionId).ToList();
        var from = ids.IndexOf(submissionId);
        var to = from + Math.Sign(step);
        if (to < 0 || to >= ids.Count) return order;
        var a = order.IndexOf(ids[from]);
        var b = order.IndexOf(ids[to]);
        (order[a], order[b]) = (order[b], order[a]);
        return order;
    }

    private sealed class RankComparer : IComparer<IComparable?>
    {
        public static readonly RankComparer Instance = new();

        public int Compare(IComparable? x, IComparable? y) =>
            x is null ? (y is null ? 0 : 1) : y is null ? -1 : x.GetType() == y.GetType() ? x.CompareTo(y) : 0;
    }
}
