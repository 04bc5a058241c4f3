namespace Events.Core.Proceedings;

/// <summary>An accepted paper as the volume sees it: what is printed about it and where it may be grouped.</summary>
public sealed record VolumePaper(
    int SubmissionId,
    string Title,
    IReadOnlyList<VolumeAuthor> Authors,
    PaperGroup? Topic,
    PaperGroup? Session,
    string Abstract = "",
    string? Keywords = null)
{
    public string AuthorLine => string.Join("，", Authors.Select(a => a.Name));
}

public sealed record VolumeAuthor(string Name, string Affiliation);

/// <summary>
/// A heading papers are grouped under. <see cref="Rank"/> orders the groups (a topic's order, or for a session its start
/// and then its id); <see cref="Position"/> orders papers inside it (an item's order in its session).
/// </summary>
public sealed record PaperGroup(string Key, string Heading, IComparable Rank, int Position = 0);

/// <summary>A heading and its papers, in printed order. The heading is null when the volume is not grouped.</summary>
public sealed record VolumeSection(string? Heading, IReadOnlyList<VolumePaper> Papers);
