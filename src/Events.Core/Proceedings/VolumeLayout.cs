namespace Events.Core.Proceedings;

/// <summary>
/// Where everything lands in the volume. Printed page numbers are the PDF's own page numbers (the cover is page 1),
/// so "page 37" in the table of contents is page 37 in every viewer. The front matter (cover, preface, editors, table of
/// contents) is measured first; each paper then starts right after the pages before it.
/// </summary>
public sealed class VolumeLayout
{
    private VolumeLayout(IReadOnlyList<PlacedSection> sections, int frontMatterPages, int bodyPages)
    {
        Sections = sections;
        FrontMatterPages = frontMatterPages;
        BodyPages = bodyPages;
    }

    public IReadOnlyList<PlacedSection> Sections { get; }
    public int FrontMatterPages { get; }
    public int BodyPages { get; }

    /// <summary>The first page after the papers, where the author index starts.</summary>
    public int IndexStartPage => FrontMatterPages + BodyPages + 1;

    public IEnumerable<PlacedPaper> Papers => Sections.SelectMany(s => s.Papers);

    /// <param name="pageCounts">How many pages each paper takes, by submission id.</param>
    public static VolumeLayout Place(IReadOnlyList<VolumeSection> sections, int frontMatterPages, IReadOnlyDictionary<int, int> pageCounts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frontMatterPages);
        var next = frontMatterPages + 1;
        var placed = new List<PlacedSection>();
        foreach (var section in sections)
        {
            var papers = new List<PlacedPaper>();
            foreach (var paper in section.Papers)
            {
                var pages = pageCounts[paper.SubmissionId];
                if (pages < 1) throw new ArgumentException($"Paper {paper.SubmissionId} has no pages.", nameof(pageCounts));
                papers.Add(new PlacedPaper(paper, next, pages));
                next += pages;
            }
            placed.Add(new PlacedSection(section.Heading, papers));
        }
        return new VolumeLayout(placed, frontMatterPages, next - frontMatterPages - 1);
    }

    /// <summary>
    /// The author index: each author (a name with an affiliation, since two people may share a name) with the start
    /// pages of their papers, sorted by <paramref name="nameOrder"/> (pinyin for Chinese names).
    /// </summary>
    public IReadOnlyList<AuthorIndexEntry> AuthorIndex(IComparer<string> nameOrder) =>
        Papers
            .SelectMany(p => p.Paper.Authors.Select(a => (Author: a, p.StartPage)))
            .GroupBy(x => (Name: x.Author.Name.Trim(), Affiliation: x.Author.Affiliation.Trim()))
            .Select(g => new AuthorIndexEntry(g.Key.Name, g.Key.Affiliation, g.Select(x => x.StartPage).Distinct().Order().ToList()))
            .OrderBy(e => e.Name, nameOrder)
            .ThenBy(e => e.Affiliation, nameOrder)
            .ToList();
}

public sealed record PlacedSection(string? Heading, IReadOnlyList<PlacedPaper> Papers);

public sealed record PlacedPaper(VolumePaper Paper, int StartPage, int PageCount)
{
    public int EndPage => StartPage + PageCount - 1;
}

public sealed record AuthorIndexEntry(string Name, string Affiliation, IReadOnlyList<int> Pages);
