using System.Globalization;
using Events.Core.Validation;

namespace Events.Core.Bulletins;

/// <summary>The numbers an issue carries: the year it counts in, its number in that year and its running total.</summary>
public sealed record IssueNumbers(int Year, int? NumberInYear, int? CumulativeNumber);

/// <summary>
/// How a series numbers its issues. Numbers come from the series' counters at publish time, so they have no gaps:
/// the number within a year starts again at 1 in a new year, the cumulative number never restarts.
/// </summary>
public static class BulletinNumbering
{
    /// <summary>The numbers the next issue dated <paramref name="issueDate"/> gets, or why it cannot be published.</summary>
    public static IssueNumbers Next(BulletinSeries series, DateOnly issueDate, List<RuleViolation> errors)
    {
        var year = issueDate.Year;
        // An issue dated in a year the series has left behind would restart that year's numbers and collide.
        if (series.CounterYear is { } counted && year < counted) errors.Add(new(nameof(Bulletin.IssueDate), "IssueYearClosed"));
        int? inYear = series.YearlyNumberStyle == YearlyNumberStyle.None ? null : series.CounterYear == year ? series.NextNumberInYear : 1;
        int? cumulative = series.UsesCumulativeNumber ? series.NextCumulativeNumber : null;
        return new IssueNumbers(year, inYear, cumulative);
    }

    /// <summary>Moves the series' counters past the numbers just given out.</summary>
    public static void Advance(BulletinSeries series, IssueNumbers given)
    {
        if (given.NumberInYear is { } n)
        {
            series.CounterYear = given.Year;
            series.NextNumberInYear = n + 1;
        }
        else
        {
            series.CounterYear = Math.Max(series.CounterYear ?? given.Year, given.Year);
        }
        if (given.CumulativeNumber is { } c) series.NextCumulativeNumber = c + 1;
    }

    /// <summary>The yearly number as printed: 2024-13 or 2024年第13期; null when the series has none.</summary>
    public static string? YearlyText(YearlyNumberStyle style, int year, int? number) => (style, number) switch
    {
        (YearlyNumberStyle.YearDash, { } n) => string.Create(CultureInfo.InvariantCulture, $"{year}-{n}"),
        (YearlyNumberStyle.IssueOfYear, { } n) => string.Create(CultureInfo.InvariantCulture, $"{year}年第{n}期"),
        _ => null,
    };

    /// <summary>总第13期; null without a cumulative number.</summary>
    public static string? CumulativeText(int? number) =>
        number is { } n ? string.Create(CultureInfo.InvariantCulture, $"总第{n}期") : null;
}
