using System.Globalization;
using System.Text;
using Events.Core.Validation;

namespace Events.Core.Bulletins;

/// <summary>The numbers an issue carries: the year it counts in, its number in that year and its running total.</summary>
public sealed record IssueNumbers(int Year, int? NumberInYear, int? CumulativeNumber);

/// <summary>
/// How a series numbers its issues. Numbers come from the series' counters at publish time, so they have no gaps:
/// the number within a year starts again at 1 in a new year, the cumulative number never restarts. Which numbers an
/// issue gets follows the series' numbering templates: {n} asks for a number in the year, {total} for a cumulative one.
/// </summary>
public static class BulletinNumbering
{
    /// <summary>
    /// The numbers the next issue dated <paramref name="issueDate"/> gets, or why it cannot be published.
    /// <paramref name="anyPublished"/> says whether the series has published an issue: until it has, its counter year is
    /// only a default, and an issue dated in an earlier year (a back-dated first issue) takes the counters into its own year.
    /// </summary>
    public static IssueNumbers Next(BulletinSeries series, DateOnly issueDate, List<RuleViolation> errors, bool anyPublished = true)
    {
        var year = issueDate.Year;
        var counted = anyPublished ? series.CounterYear : null;
        // An issue dated in a year the series has left behind would restart that year's numbers and collide.
        if (counted is { } c && year < c) errors.Add(new(nameof(Bulletin.IssueDate), "IssueYearClosed"));
        int? inYear = !series.Style.UsesYearlyNumber ? null
            : !anyPublished || series.CounterYear is null || series.CounterYear == year ? series.NextNumberInYear : 1;
        int? cumulative = series.Style.UsesCumulativeNumber ? series.NextCumulativeNumber : null;
        return new IssueNumbers(year, inYear, cumulative);
    }

    /// <summary>Moves the series' counters past the numbers just given out; the counter year follows the issue's.</summary>
    public static void Advance(BulletinSeries series, IssueNumbers given, bool anyPublished = true)
    {
        if (given.NumberInYear is { } n)
        {
            series.CounterYear = given.Year;
            series.NextNumberInYear = n + 1;
        }
        else
        {
            series.CounterYear = anyPublished ? Math.Max(series.CounterYear ?? given.Year, given.Year) : given.Year;
        }
        if (given.CumulativeNumber is { } c) series.NextCumulativeNumber = c + 1;
    }

    /// <summary>One numbering line with its tokens filled: 第{n}期 → 第3期; null when empty or a number it needs is missing.</summary>
    public static string? Fill(string? template, IssueNumbers numbers)
    {
        if (string.IsNullOrWhiteSpace(template)) return null;
        if (template.Contains("{n}", StringComparison.Ordinal) && numbers.NumberInYear is null) return null;
        if (template.Contains("{total}", StringComparison.Ordinal) && numbers.CumulativeNumber is null) return null;
        return template
            .Replace("{yyyy}", numbers.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{n}", numbers.NumberInYear?.ToString(CultureInfo.InvariantCulture) ?? "", StringComparison.Ordinal)
            .Replace("{total}", numbers.CumulativeNumber?.ToString(CultureInfo.InvariantCulture) ?? "", StringComparison.Ordinal)
            .Trim();
    }

    /// <summary>The printed numbering lines of an issue, empty lines left out.</summary>
    public static IReadOnlyList<string> Lines(BulletinHouseStyle style, IssueNumbers numbers) =>
        new[] { Fill(style.NumberLine1, numbers), Fill(style.NumberLine2, numbers) }.OfType<string>().ToList();

    /// <summary>The numbers on one line for lists, mail and file names: 2024-13（总第13期）.</summary>
    public static string Text(BulletinHouseStyle style, IssueNumbers numbers) => string.Concat(Lines(style, numbers));

    /// <summary>2023年2月15日 or 二〇二三年二月十五日.</summary>
    public static string DateText(DateOnly date, BulletinDateStyle style) => style == BulletinDateStyle.Chinese
        ? $"{ChineseDigits(date.Year)}年{ChineseNumber(date.Month)}月{ChineseNumber(date.Day)}日"
        : string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    private static readonly string Digits = "〇一二三四五六七八九";

    /// <summary>A year digit by digit: 2023 → 二〇二三.</summary>
    public static string ChineseDigits(int value)
    {
        var builder = new StringBuilder();
        foreach (var c in value.ToString(CultureInfo.InvariantCulture)) builder.Append(Digits[c - '0']);
        return builder.ToString();
    }

    /// <summary>A month or day as counted: 2 → 二, 10 → 十, 15 → 十五, 20 → 二十, 31 → 三十一.</summary>
    public static string ChineseNumber(int value) => value switch
    {
        < 10 => Digits[value].ToString(),
        10 => "十",
        < 20 => "十" + Digits[value % 10],
        _ => Digits[value / 10] + "十" + (value % 10 == 0 ? "" : Digits[value % 10].ToString()),
    };
}
