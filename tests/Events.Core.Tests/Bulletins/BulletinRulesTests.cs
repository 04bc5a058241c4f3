using Events.Core.Bulletins;
using Events.Core.Validation;

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
    public void The_house_style_rejects_unknown_tokens_blank_marks_and_a_grid_that_does_not_fit()
    {
        var input = ValidSeries();
        input.Style.NumberLine1 = "第{no}期";
        input.Style.FooterLabel = "《{name}》编委会";
        input.Style.Marks.Add(new BulletinMark { Text = " " });
        input.Style.CharsPerLine = 40;
        input.Style.MarginTopMm = 2;

        var errors = input.Validate();

        Assert.Contains(errors, v => v.Field == "Style.NumberLine1" && v.Code == "BulletinUnknownToken");
        Assert.Contains(errors, v => v.Field == "Style.FooterLabel" && v.Code == "BulletinUnknownToken");
        Assert.Contains(errors, v => v.Field == "Style.Marks[0]" && v.Code == "Required");
        Assert.Contains(errors, v => v.Field == "Style.CharsPerLine" && v.Code == "BulletinGridDoesNotFit");
        Assert.Contains(errors, v => v.Field == "Style.MarginTopMm" && v.Code == "OutOfRange");
    }

    [Fact]
    public void Both_presets_are_valid_and_a_stored_style_reads_back_the_same()
    {
        foreach (var preset in new[] { BulletinHouseStyle.Classic(), BulletinHouseStyle.GbT9704() })
        {
            var errors = new List<RuleViolation>();
            preset.Validate(errors);
            Assert.Empty(errors);
            Assert.Equal(preset.ToJson(), BulletinHouseStyle.FromJson(preset.ToJson()).ToJson());
        }
        // GB/T 9704: 225 mm of type area shared by 22 lines, 156 mm by 28 characters of 16 pt.
        var gb = BulletinHouseStyle.GbT9704();
        Assert.InRange(gb.LinePitchPt * 22, 636.5m, 637.8m);
        Assert.InRange((gb.BodySizePt + gb.LetterSpacingPt) * 28, 441.5m, 442.2m);
    }

    [Fact]
    public void A_legacy_classification_becomes_a_mark_and_old_rows_read_as_the_classic_style()
    {
        var legacy = BulletinHouseStyle.FromLegacy("IssueOfYear", cumulative: false, "Internal");
        Assert.Equal("{yyyy}年第{n}期", legacy.NumberLine1);
        Assert.Null(legacy.NumberLine2);
        Assert.Equal("内部资料", Assert.Single(legacy.Marks).Text);

        // What the migration writes for such a row.
        var migrated = BulletinHouseStyle.FromJson("""{"NumberLine1":"{yyyy}年第{n}期","NumberLine2":null,"Marks":[{"Text":"内部资料"}]}""");
        Assert.Equal(legacy.ToJson(), migrated.ToJson());
        Assert.Equal(BulletinHouseStyle.Classic().ToJson(), BulletinHouseStyle.FromJson("").ToJson());
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
