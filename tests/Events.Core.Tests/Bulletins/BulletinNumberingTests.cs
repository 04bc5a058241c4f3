using Events.Core.Bulletins;
using Events.Core.Validation;

namespace Events.Core.Tests.Bulletins;

public class BulletinNumberingTests
{
    private static BulletinSeries Series(int? year, int inYear, int cumulative, YearlyNumberStyle style = YearlyNumberStyle.YearDash, bool cumulativeOn = true) => new()
    {
        Name = "浦江创新观察",
        Publisher = "上海浦江创新论坛中心",
        CounterYear = year,
        NextNumberInYear = inYear,
        NextCumulativeNumber = cumulative,
        YearlyNumberStyle = style,
        UsesCumulativeNumber = cumulativeOn,
    };

    [Fact]
    public void A_series_that_moved_in_continues_from_its_configured_numbers()
    {
        var errors = new List<RuleViolation>();
        var numbers = BulletinNumbering.Next(Series(2024, 13, 13), new DateOnly(2024, 9, 9), errors);

        Assert.Empty(errors);
        Assert.Equal(new IssueNumbers(2024, 13, 13), numbers);
        Assert.Equal("2024-13", BulletinNumbering.YearlyText(YearlyNumberStyle.YearDash, numbers.Year, numbers.NumberInYear));
        Assert.Equal("总第13期", BulletinNumbering.CumulativeText(numbers.CumulativeNumber));
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
        var numbers = BulletinNumbering.Next(Series(null, 1, 7, YearlyNumberStyle.None), new DateOnly(2024, 5, 1), []);

        Assert.Null(numbers.NumberInYear);
        Assert.Equal(7, numbers.CumulativeNumber);
        Assert.Null(BulletinNumbering.YearlyText(YearlyNumberStyle.None, 2024, null));
    }

    [Fact]
    public void A_series_without_cumulative_numbers_leaves_that_counter_alone()
    {
        var series = Series(2024, 3, 9, YearlyNumberStyle.IssueOfYear, cumulativeOn: false);
        var numbers = BulletinNumbering.Next(series, new DateOnly(2024, 5, 1), []);
        BulletinNumbering.Advance(series, numbers);

        Assert.Null(numbers.CumulativeNumber);
        Assert.Equal(9, series.NextCumulativeNumber);
        Assert.Equal("2024年第3期", BulletinNumbering.YearlyText(YearlyNumberStyle.IssueOfYear, 2024, 3));
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
}
