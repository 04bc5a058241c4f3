using Events.Core.Events;
using Events.Core.Validation;

namespace Events.Core.Tests.Events;

public class EventInputValidateTests
{
    private static EventInput ValidInput() => new()
    {
        Slug = "regional-innovation-symposium-7",
        Title = "第七届区域创新发展学术研讨会",
        Kind = EventKind.Symposium,
        Edition = 7,
        StartDate = new DateOnly(2025, 11, 21),
        EndDate = new DateOnly(2025, 11, 22),
    };

    [Fact]
    public void Validate_when_all_required_fields_are_set_then_no_violations()
    {
        Assert.Empty(ValidInput().Validate());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_when_title_is_blank_then_Title_Required(string title)
    {
        var input = ValidInput();
        input.Title = title;

        Assert.Contains(new RuleViolation("Title", "Required"), input.Validate());
    }

    [Fact]
    public void Validate_when_title_is_longer_than_200_then_Title_TooLong()
    {
        var input = ValidInput();
        input.Title = new string('会', 201);

        Assert.Contains(new RuleViolation("Title", "TooLong"), input.Validate());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_when_slug_is_blank_then_Slug_Required(string slug)
    {
        var input = ValidInput();
        input.Slug = slug;

        var errors = input.Validate();

        Assert.Contains(new RuleViolation("Slug", "Required"), errors);
        Assert.DoesNotContain(new RuleViolation("Slug", "SlugFormat"), errors);
    }

    [Theory]
    [InlineData("regional-innovation-symposium-7")]
    [InlineData("symposium")]
    [InlineData("2025")]
    [InlineData("a-1-b")]
    public void Validate_when_slug_is_lowercase_words_joined_by_single_hyphens_then_accepted(string slug)
    {
        var input = ValidInput();
        input.Slug = slug;

        Assert.DoesNotContain(input.Validate(), v => v.Field == "Slug");
    }

    [Theory]
    [InlineData("Regional-Innovation-Symposium")]
    [InlineData("regional innovation symposium")]
    [InlineData("区域创新研讨会")]
    [InlineData("-regional-symposium")]
    [InlineData("regional-symposium-")]
    [InlineData("regional--symposium")]
    [InlineData("regional_symposium")]
    [InlineData(" regional-symposium")]
    public void Validate_when_slug_is_malformed_then_Slug_SlugFormat(string slug)
    {
        var input = ValidInput();
        input.Slug = slug;

        Assert.Contains(new RuleViolation("Slug", "SlugFormat"), input.Validate());
    }

    [Fact]
    public void Validate_when_start_date_is_missing_then_StartDate_Required()
    {
        var input = ValidInput();
        input.StartDate = null;

        var errors = input.Validate();

        Assert.Contains(new RuleViolation("StartDate", "Required"), errors);
        Assert.DoesNotContain(new RuleViolation("EndDate", "EndBeforeStart"), errors);
    }

    [Fact]
    public void Validate_when_end_date_is_missing_then_EndDate_Required()
    {
        var input = ValidInput();
        input.EndDate = null;

        Assert.Contains(new RuleViolation("EndDate", "Required"), input.Validate());
    }

    [Fact]
    public void Validate_when_end_date_is_before_start_date_then_EndDate_EndBeforeStart()
    {
        var input = ValidInput();
        input.StartDate = new DateOnly(2025, 11, 22);
        input.EndDate = new DateOnly(2025, 11, 21);

        Assert.Contains(new RuleViolation("EndDate", "EndBeforeStart"), input.Validate());
    }

    [Fact]
    public void Validate_when_event_starts_and_ends_on_the_same_day_then_accepted()
    {
        var input = ValidInput();
        input.StartDate = new DateOnly(2025, 11, 21);
        input.EndDate = new DateOnly(2025, 11, 21);

        Assert.Empty(input.Validate());
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Beijing")]
    [InlineData("")]
    public void Validate_when_time_zone_is_unknown_then_TimeZoneId_UnknownTimeZone(string timeZoneId)
    {
        var input = ValidInput();
        input.TimeZoneId = timeZoneId;

        Assert.Contains(new RuleViolation("TimeZoneId", "UnknownTimeZone"), input.Validate());
    }

    [Fact]
    public void Validate_when_time_zone_is_Asia_Shanghai_then_accepted()
    {
        var input = ValidInput();
        input.TimeZoneId = "Asia/Shanghai";

        Assert.Empty(input.Validate());
    }

    [Fact]
    public void New_event_input_defaults_to_the_Asia_Shanghai_time_zone()
    {
        Assert.Equal("Asia/Shanghai", new EventInput().TimeZoneId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Validate_when_edition_is_zero_or_negative_then_Edition_MustBePositive(int edition)
    {
        var input = ValidInput();
        input.Edition = edition;

        Assert.Contains(new RuleViolation("Edition", "MustBePositive"), input.Validate());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(7)]
    public void Validate_when_edition_is_absent_or_positive_then_accepted(int? edition)
    {
        var input = ValidInput();
        input.Edition = edition;

        Assert.Empty(input.Validate());
    }

    [Fact]
    public void Validate_when_expected_attendance_is_negative_then_ExpectedAttendance_MustNotBeNegative()
    {
        var input = ValidInput();
        input.ExpectedAttendance = -1;

        Assert.Contains(new RuleViolation("ExpectedAttendance", "MustNotBeNegative"), input.Validate());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(300)]
    public void Validate_when_expected_attendance_is_zero_or_more_then_accepted(int attendance)
    {
        var input = ValidInput();
        input.ExpectedAttendance = attendance;

        Assert.Empty(input.Validate());
    }

    [Fact]
    public void Validate_when_sub_forum_has_no_parent_then_ParentEventId_SubForumNeedsParent()
    {
        var input = ValidInput();
        input.Kind = EventKind.SubForum;
        input.ParentEventId = null;

        Assert.Contains(new RuleViolation("ParentEventId", "SubForumNeedsParent"), input.Validate());
    }

    [Fact]
    public void Validate_when_sub_forum_has_a_parent_then_accepted()
    {
        var input = ValidInput();
        input.Id = 12;
        input.Kind = EventKind.SubForum;
        input.ParentEventId = 3;

        Assert.Empty(input.Validate());
    }

    [Fact]
    public void Validate_when_parent_is_the_event_itself_then_ParentEventId_ParentIsSelf()
    {
        var input = ValidInput();
        input.Id = 12;
        input.Kind = EventKind.SubForum;
        input.ParentEventId = 12;

        Assert.Contains(new RuleViolation("ParentEventId", "ParentIsSelf"), input.Validate());
    }

    [Fact]
    public void Validate_when_new_sub_forum_names_a_parent_then_accepted()
    {
        var input = ValidInput();
        input.Id = null;
        input.Kind = EventKind.SubForum;
        input.ParentEventId = 3;

        Assert.Empty(input.Validate());
    }

    [Fact]
    public void Validate_when_an_organization_is_listed_twice_in_one_role_then_Units_DuplicateUnit()
    {
        var input = ValidInput();
        input.Units[OrganizerRole.Host] = [1, 2, 1];

        Assert.Contains(new RuleViolation("Units", "DuplicateUnit"), input.Validate());
    }

    [Fact]
    public void Validate_when_the_same_organization_appears_in_two_roles_then_accepted()
    {
        var input = ValidInput();
        input.Units[OrganizerRole.Host] = [1, 2];
        input.Units[OrganizerRole.Organizer] = [1];

        Assert.Empty(input.Validate());
    }
}
