using Events.Core.Bulletins;

namespace Events.Infrastructure.Bulletins;

public sealed record BulletinAuthorView(string Name, string? Note);

/// <summary>A further article of an issue, formatted: only <see cref="BodyHtml"/> is markup.</summary>
public sealed record BulletinArticleView(
    string? Column, string? Kicker, string Title, string? Subtitle, string? Byline, string? AuthorNote, string? Standfirst, string BodyHtml)
{
    /// <summary>The article's Markdown source, for the Word file (which builds its paragraphs from it, not from the HTML).</summary>
    public string BodyMarkdown { get; init; } = "";
}

/// <summary>
/// Everything the bulletin document prints, already formatted. <see cref="BodyHtml"/> comes from
/// <see cref="BulletinMarkdown"/> and is the only markup in it; every other field is plain text.
/// </summary>
public sealed record BulletinView(
    int Id,
    BulletinStatus Status,
    string SeriesName,
    string Publisher,
    BulletinHouseStyle Style,
    string MastheadColor,
    IReadOnlyList<string> NumberLines,
    bool NumbersProvisional,
    DateOnly IssueDate,
    string? RunLabel,
    string? EditorsNote,
    string Title,
    string BodyHtml,
    IReadOnlyList<BulletinAuthorView> Authors,
    string? Column,
    string? Kicker,
    string? Subtitle,
    string? Standfirst,
    IReadOnlyList<BulletinArticleView> Articles,
    AuthorNotePlacement AuthorNotes,
    BulletinCredits Credits,
    EditorialBoard Board,
    BulletinContact Contact,
    string? SentTo,
    string? CopiedTo,
    string? CorrectsNumbers)
{
    /// <summary>The lead article's Markdown source, for the Word file (which builds its paragraphs from it, not from the HTML).</summary>
    public string BodyMarkdown { get; init; } = "";

    public int SeriesId { get; init; }

    /// <summary>The family names of the series' uploaded fonts by role, for the Word file (the PDF reads the files themselves).</summary>
    public IReadOnlyDictionary<BulletinFace, string> UploadedFamilies { get; init; } = new Dictionary<BulletinFace, string>();

    /// <summary>The numbers in one line for lists and mail: 2024-13（总第13期）.</summary>
    public string NumbersText => string.Concat(NumberLines);

    /// <summary>The issue date in the series' style: 2023年2月15日 or 二〇二三年二月十五日.</summary>
    public string DateText => BulletinNumbering.DateText(IssueDate, Style.DateStyle);

    /// <summary>The footer block's heading with the series name filled in; null when the series prints none.</summary>
    public string? FooterLabel => string.IsNullOrWhiteSpace(Style.FooterLabel) ? null : Style.FooterLabel.Replace("{series}", SeriesName, StringComparison.Ordinal);
}

public static class BulletinText
{
    /// <summary>A published issue's numbers in one line, as its series prints them; empty before publication.</summary>
    public static string Numbers(BulletinSeries series, Bulletin b) => b.Year is { } year
        ? BulletinNumbering.Text(series.Style, new IssueNumbers(year, b.NumberInYear, b.CumulativeNumber))
        : "";
}
