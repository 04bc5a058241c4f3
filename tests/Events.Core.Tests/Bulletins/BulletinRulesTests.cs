using Events.Core.Bulletins;

namespace Events.Core.Tests.Bulletins;

public class BulletinRulesTests
{
    private static BulletinSeriesInput ValidSeries() => new() { Name = "浦江创新观察", Publisher = "上海浦江创新论坛中心" };

    [Theory]
    [InlineData("#C00000", true)]
    [InlineData("#c0a0ff", true)]
    [InlineData("red", false)]
    [InlineData("#C00", false)]
    [InlineData("#C00000;background:url(x)", false)]
    public void Masthead_colour_must_be_a_six_digit_hex_colour(string color, bool valid)
    {
        var input = ValidSeries();
        input.MastheadColor = color;

        Assert.Equal(valid, !input.Validate().Any(v => v.Field == nameof(BulletinSeriesInput.MastheadColor)));
    }

    [Fact]
    public void A_series_needs_at_least_one_kind_of_number()
    {
        var input = ValidSeries();
        input.YearlyNumberStyle = YearlyNumberStyle.None;
        input.UsesCumulativeNumber = false;

        Assert.Contains(input.Validate(), v => v.Code == "BulletinNeedsNumbering");
    }

    [Fact]
    public void Starting_numbers_must_be_positive_and_the_contact_email_a_bare_address()
    {
        var input = ValidSeries();
        input.NextNumberInYear = 0;
        input.NextCumulativeNumber = -1;
        input.Email = "王冰 <a@b.cn>";

        var codes = input.Validate().Select(v => (v.Field, v.Code)).ToList();
        Assert.Contains((nameof(BulletinSeriesInput.NextNumberInYear), "MustBePositive"), codes);
        Assert.Contains((nameof(BulletinSeriesInput.NextCumulativeNumber), "MustBePositive"), codes);
        Assert.Contains((nameof(BulletinSeriesInput.Email), "EmailFormat"), codes);
    }

    [Fact]
    public void An_issue_needs_a_title_and_a_date_and_valid_mail_addresses()
    {
        var input = new BulletinInput { MailTo = "office@example.org\nnot an address" };

        var codes = input.Validate().Select(v => (v.Field, v.Code)).ToList();
        Assert.Contains((nameof(BulletinInput.Title), "Required"), codes);
        Assert.Contains((nameof(BulletinInput.IssueDate), "Required"), codes);
        Assert.Contains((nameof(BulletinInput.MailTo), "EmailFormat"), codes);
    }

    [Fact]
    public void Mail_addresses_may_be_separated_by_lines_or_commas_and_repeat_once()
    {
        var input = new BulletinInput { Title = "标题", IssueDate = new DateOnly(2024, 9, 9), MailTo = "a@example.org, b@example.org\r\nA@example.org；c@example.org" };
        var bulletin = new Bulletin { Title = "" };
        input.ApplyTo(bulletin);

        Assert.Empty(input.Validate());
        Assert.Equal(["a@example.org", "b@example.org", "c@example.org"], bulletin.Distribution.MailAddresses());
    }

    [Theory]
    [InlineData(BulletinStatus.Draft, BulletinStatus.InReview, true)]
    [InlineData(BulletinStatus.InReview, BulletinStatus.Draft, true)]
    [InlineData(BulletinStatus.InReview, BulletinStatus.Published, true)]
    [InlineData(BulletinStatus.Draft, BulletinStatus.Published, false)]
    [InlineData(BulletinStatus.Published, BulletinStatus.Draft, false)]
    [InlineData(BulletinStatus.Published, BulletinStatus.InReview, false)]
    public void The_workflow_goes_draft_review_published_and_never_back_from_published(BulletinStatus from, BulletinStatus to, bool allowed)
    {
        Assert.Equal(allowed, BulletinWorkflow.CanMove(from, to));
    }

    [Fact]
    public void Only_unpublished_issues_can_be_edited()
    {
        Assert.True(BulletinWorkflow.CanEdit(BulletinStatus.Draft));
        Assert.True(BulletinWorkflow.CanEdit(BulletinStatus.InReview));
        Assert.False(BulletinWorkflow.CanEdit(BulletinStatus.Published));
    }
}
