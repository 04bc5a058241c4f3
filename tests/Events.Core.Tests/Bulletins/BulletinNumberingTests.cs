using Events.Core.Bulletins;
using Events.Core.Validation;

namespace Events.Core.Tests.Bulletins;

public class BulletinNumberingTests
{
    private static BulletinSeries Series(int? year, int inYear, int cumulative, string? line1 = "{yyyy}-{n}", string? line2 = "（总第{total}期）") => new()
    {
        Name = "浦江创新观察",
        Publisher = "上海浦江创新论坛中心",
        CounterYear = year,
        NextNumberInYear = inYear,
        NextCumulativeNumber = cumulative,
        Style = new BulletinHouseStyle { NumberLine1 = line1, NumberLine2 = line2 },
    };

    [Fact]
    public void A_series_that_moved_in_continues_from_its_configured_numbers()
    {
        var errors = new List<RuleViolation>();
        var numbers = BulletinNumbering.Next(Series(2024, 13, 13), new DateOnly(2024, 9, 9), errors);

        Assert.Empty(errors);
        Assert.Equal(new IssueNumbers(2024, 13, 13), numbers);
        Assert.Equal(["2024-13", "（总第13期）"], BulletinNumbering.Lines(BulletinHouseStyle.Classic(), numbers));
    }

    [Fact]
    public void Advancing_moves_both_counters_past_the_numbers_given()
    {
        var series = Series(2024, 13, 13);
        BulletinNumbering.Advance(series, new IssueNumbers(2024, 13, 13));

        Assert.Equal(new IssueNumbers(2024, 14, 14), BulletinNumbering.Next(series, new DateOnly(2024, 12, 1), []));
    }

    [Fact]
    public void A_new_year_starts_the_yearly_number_again_but_not_the_cumulative_one()
    {
        var series = Series(2024, 14, 14);
        var numbers = BulletinNumbering.Next(series, new DateOnly(2025, 1, 6), []);
        BulletinNumbering.Advance(series, numbers);

        Assert.Equal(new IssueNumbers(2025, 1, 14), numbers);
        Assert.Equal(2025, series.CounterYear);
        Assert.Equal(new IssueNumbers(2025, 2, 15), BulletinNumbering.Next(series, new DateOnly(2025, 2, 1), []));
    }

    [Fact]
    public void An_issue_dated_in_a_year_the_series_has_left_cannot_be_numbered()
    {
        var errors = new List<RuleViolation>();
        BulletinNumbering.Next(Series(2025, 3, 20), new DateOnly(2024, 12, 30), errors);

        Assert.Contains(errors, e => e.Code == "IssueYearClosed");
    }

    [Fact]
    public void A_series_without_yearly_numbers_gives_only_cumulative_ones()
    {
        var series = Series(null, 1, 7, line1: "（总第{total}期）", line2: null);
        var numbers = BulletinNumbering.Next(series, new DateOnly(2024, 5, 1), []);

        Assert.Null(numbers.NumberInYear);
        Assert.Equal(7, numbers.CumulativeNumber);
        Assert.Equal(["（总第7期）"], BulletinNumbering.Lines(series.Style, numbers));
    }

    [Fact]
    public void A_series_without_cumulative_numbers_leaves_that_counter_alone()
    {
        var series = Series(2024, 3, 9, line1: "{yyyy}年第{n}期", line2: null);
        var numbers = BulletinNumbering.Next(series, new DateOnly(2024, 5, 1), []);
        BulletinNumbering.Advance(series, numbers);

        Assert.Null(numbers.CumulativeNumber);
        Assert.Equal(9, series.NextCumulativeNumber);
        Assert.Equal("2024年第3期", BulletinNumbering.Text(series.Style, numbers));
    }

    [Fact]
    public void Numbers_given_one_after_another_have_no_gaps_and_no_repeats()
    {
        var series = Series(2024, 1, 1);
        var given = new List<IssueNumbers>();
        foreach (var date in new[] { new DateOnly(2024, 3, 1), new DateOnly(2024, 6, 1), new DateOnly(2025, 1, 2), new DateOnly(2025, 1, 3) })
        {
            var n = BulletinNumbering.Next(series, date, []);
            BulletinNumbering.Advance(series, n);
            given.Add(n);
        }

        Assert.Equal([1, 2, 3, 4], given.Select(n => n.CumulativeNumber!.Value));
        Assert.Equal([1, 2, 1, 2], given.Select(n => n.NumberInYear!.Value));
    }

    [Theory]
    [InlineData("第{n}期", "（总第{total}期）", "第3期", "（总第441期）")]
    [InlineData("{yyyy}年第{n}期", "（总第{total}期）", "2023年第3期", "（总第441期）")]
    [InlineData("{yyyy}-{n}", null, "2023-3", null)]
    [InlineData("总第{total}期", "", "总第441期", null)]
    public void Number_lines_fill_their_tokens_and_keep_the_text_around_them(string line1, string? line2, string printed1, string? printed2)
    {
        var series = Series(2023, 3, 441, line1, line2);
        var numbers = BulletinNumbering.Next(series, new DateOnly(2023, 2, 15), []);

        Assert.Equal(new[] { printed1, printed2 }.OfType<string>(), BulletinNumbering.Lines(series.Style, numbers));
    }

    [Fact]
    public void A_periodical_may_print_no_numbers_and_then_uses_no_counter()
    {
        var series = Series(2023, 3, 441, line1: null, line2: null);
        var numbers = BulletinNumbering.Next(series, new DateOnly(2023, 2, 15), []);

        Assert.Equal(new IssueNumbers(2023, null, null), numbers);
        Assert.Empty(BulletinNumbering.Lines(series.Style, numbers));
    }

    [Theory]
    [InlineData(2023, 2, 15, "二〇二三年二月十五日")]
    [InlineData(2024, 10, 1, "二〇二四年十月一日")]
    [InlineData(2020, 12, 31, "二〇二〇年十二月三十一日")]
    [InlineData(2025, 11, 20, "二〇二五年十一月二十日")]
    public void Dates_print_in_Chinese_numerals(int y, int m, int d, string expected)
    {
        Assert.Equal(expected, BulletinNumbering.DateText(new DateOnly(y, m, d), BulletinDateStyle.Chinese));
        Assert.Equal($"{y}年{m}月{d}日", BulletinNumbering.DateText(new DateOnly(y, m, d), BulletinDateStyle.Arabic));
    }

    [Fact]
    public void A_new_series_with_nothing_published_accepts_a_back_dated_first_issue_and_its_year_follows_it()
    {
        var series = Series(2026, 1, 1);
        var errors = new List<RuleViolation>();

        var numbers = BulletinNumbering.Next(series, new DateOnly(2024, 11, 5), errors, anyPublished: false);
        BulletinNumbering.Advance(series, numbers, anyPublished: false);

        Assert.Empty(errors);
        Assert.Equal(new IssueNumbers(2024, 1, 1), numbers);
        Assert.Equal(2024, series.CounterYear);
        // Once it has published, the year it left behind is closed again.
        BulletinNumbering.Next(series, new DateOnly(2023, 1, 1), errors);
        Assert.Contains(errors, e => e.Code == "IssueYearClosed");
    }
}
