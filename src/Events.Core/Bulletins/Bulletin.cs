using Events.Core.Common;
using Events.Core.Events;

namespace Events.Core.Bulletins;

/// <summary>
/// One issue of a bulletin series. Numbers are given when it is published and never before; a published issue is
/// never changed again, and a mistake is put right by a new issue that <see cref="Corrects"/> it.
/// </summary>
public class Bulletin : IConcurrencyVersioned
{
    public int Id { get; set; }
    public int SeriesId { get; set; }
    public BulletinSeries? Series { get; set; }

    /// <summary>The event or forum the issue reports on; its staff may edit the issue.</summary>
    public int? EventId { get; set; }
    public Event? Event { get; set; }

    public BulletinStatus Status { get; set; } = BulletinStatus.Draft;

    /// <summary>A run of special issues inside the series, e.g. 2024浦江创新论坛专报之六.</summary>
    public string? RunLabel { get; set; }
    public DateOnly IssueDate { get; set; }
    public string? EditorsNote { get; set; }
    public required string Title { get; set; }

    /// <summary>The lead article's column label (栏目), kicker (引题), subtitle and standfirst (导语); all optional.</summary>
    public string? Column { get; set; }
    public string? Kicker { get; set; }
    public string? Subtitle { get; set; }
    public string? Standfirst { get; set; }

    /// <summary>Markdown without HTML: headings become numbered sections, **bold** marks names.</summary>
    public string Body { get; set; } = "";

    public List<BulletinAuthor> Authors { get; set; } = [];

    /// <summary>Further articles after the lead one, in order; empty for a one-article issue.</summary>
    public List<BulletinArticle> Articles { get; set; } = [];
    public AuthorNotePlacement AuthorNotes { get; set; } = AuthorNotePlacement.List;
    public BulletinCredits Credits { get; set; } = new();
    public BulletinDistribution Distribution { get; set; } = new();

    public int? Year { get; set; }
    public int? NumberInYear { get; set; }
    public int? CumulativeNumber { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }

    /// <summary>The published issue this one corrects.</summary>
    public int? CorrectsId { get; set; }
    public Bulletin? Corrects { get; set; }

    /// <summary>The printed PDF of a published issue, kept in the file store after its first download.</summary>
    public string? PdfFile { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public bool IsPublished => Status == BulletinStatus.Published;
}

public enum BulletinStatus
{
    Draft,
    InReview,
    Published,
}

/// <summary>An author with the note printed about them (作者介绍).</summary>
public class BulletinAuthor
{
    public int Id { get; set; }
    public int BulletinId { get; set; }
    public required string Name { get; set; }
    public string? Note { get; set; }
    public int Order { get; set; }
}

/// <summary>整理 / 编辑 / 责任编辑, as printed (several names separated by 、).</summary>
public class BulletinCredits
{
    public string? CompiledBy { get; set; }
    public string? Editor { get; set; }
    public string? ManagingEditor { get; set; }

    public bool IsEmpty => new[] { CompiledBy, Editor, ManagingEditor }.All(string.IsNullOrWhiteSpace);
}

/// <summary>Who receives the issue: 报送 and 抄送 as printed at the foot, and the addresses the PDF is mailed to.</summary>
public class BulletinDistribution
{
    public string? SentTo { get; set; }
    public string? CopiedTo { get; set; }

    /// <summary>Mail addresses, one per line.</summary>
    public string? MailTo { get; set; }

    public IReadOnlyList<string> MailAddresses() => BulletinLimits.Lines(MailTo);
}
