using Events.Core.Bulletins;

namespace Events.Infrastructure.Bulletins;

public sealed record BulletinAuthorView(string Name, string? Note);

/// <summary>
/// Everything the bulletin document prints, already formatted. <see cref="BodyHtml"/> comes from
/// <see cref="BulletinMarkdown"/> and is the only markup in it; every other field is plain text.
/// </summary>
public sealed record BulletinView(
    int Id,
    BulletinStatus Status,
    string SeriesName,
    string Publisher,
    BulletinClassification Classification,
    string MastheadColor,
    string? YearlyNumber,
    string? CumulativeNumber,
    bool NumbersProvisional,
    DateOnly IssueDate,
    string? RunLabel,
    string? EditorsNote,
    string Title,
    string BodyHtml,
    IReadOnlyList<BulletinAuthorView> Authors,
    BulletinCredits Credits,
    EditorialBoard Board,
    BulletinContact Contact,
    string? SentTo,
    string? CopiedTo,
    string? CorrectsNumbers)
{
    /// <summary>The numbers in one line for lists and mail: 2024-13（总第13期）.</summary>
    public string NumbersText => BulletinText.Numbers(YearlyNumber, CumulativeNumber);
}

public static class BulletinText
{
    public static string Numbers(string? yearly, string? cumulative) => (yearly, cumulative) switch
    {
        ({ } y, { } c) => $"{y}（{c}）",
        ({ } y, null) => y,
        (null, { } c) => c,
        _ => "",
    };

    public static string Numbers(BulletinSeries series, Bulletin b) => b.Year is { } year
        ? Numbers(BulletinNumbering.YearlyText(series.YearlyNumberStyle, year, b.NumberInYear), BulletinNumbering.CumulativeText(b.CumulativeNumber))
        : "";
}
