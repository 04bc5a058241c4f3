using Events.Core.Common;

namespace Events.Core.Proceedings;

/// <summary>
/// An event's proceedings volume (论文集) or book of abstracts (摘要集): what goes on the cover and in the front matter,
/// how the papers are ordered, and who may download it. One per event. Each build is kept as a <see cref="ProceedingsBuild"/>;
/// attendees get the one the organizer published.
/// </summary>
public class Proceedings : IConcurrencyVersioned
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public required string Title { get; set; }
    public string? Subtitle { get; set; }

    /// <summary>The editors as printed (主编：…), one per line; also the PDF's author.</summary>
    public string? Editors { get; set; }
    public string? Preface { get; set; }
    public string? Publisher { get; set; }

    /// <summary>The line at the foot of the cover, such as "2024年11月 · 上海".</summary>
    public string? DatePlace { get; set; }

    public ProceedingsKind Kind { get; set; } = ProceedingsKind.FullPapers;
    public ProceedingsAccess Access { get; set; } = ProceedingsAccess.Public;
    public PaperGrouping Grouping { get; set; } = PaperGrouping.Topic;
    public RunningHeader Header { get; set; } = RunningHeader.PaperTitle;

    /// <summary>The organizer's order of papers inside their groups; papers not listed follow in their natural order.</summary>
    public List<ProceedingsOrderEntry> Order { get; set; } = [];

    /// <summary>The build attendees download; null until the organizer publishes one.</summary>
    public int? PublishedBuildId { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>One paper's place in the organizer's manual order.</summary>
public class ProceedingsOrderEntry
{
    public int Id { get; set; }
    public int ProceedingsId { get; set; }
    public int SubmissionId { get; set; }
    public int Position { get; set; }
}

public enum ProceedingsKind
{
    /// <summary>The accepted papers' newest camera-ready PDFs, imported page by page.</summary>
    FullPapers,

    /// <summary>A book of abstracts laid out from the accepted submissions' abstracts.</summary>
    Abstracts,
}

public enum ProceedingsAccess
{
    Public,
    AttendeesOnly,
}

/// <summary>The headings papers are grouped under, in the table of contents and the bookmarks.</summary>
public enum PaperGrouping
{
    Topic,
    Session,
    None,
}

/// <summary>What the running header shows opposite the volume title on a paper's pages.</summary>
public enum RunningHeader
{
    PaperTitle,
    Authors,
}
