using Events.Core.Papers;

namespace Events.Core.Tests.Papers;

public class CallInputTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static CallInput Valid() => new()
    {
        EventId = 1,
        SubmissionDeadline = new DeadlineInput { Day = new DateOnly(2023, 6, 15), Time = new TimeOnly(23, 59) },
        ReviewDeadline = new DeadlineInput { Day = new DateOnly(2023, 7, 5), Time = new TimeOnly(23, 59) },
        NotificationDate = new DeadlineInput { Day = new DateOnly(2023, 7, 10), Time = new TimeOnly(12, 0) },
        CameraReadyDeadline = new DeadlineInput { Day = new DateOnly(2023, 7, 20), Time = new TimeOnly(23, 59) },
        Topics = [new TopicInput { Name = "绿色创新" }, new TopicInput { Name = "集群式创新" }],
        Criteria = [new CriterionInput { Name = "创新性", ScaleMax = 5, Weight = 1.5m }],
    };

    [Fact]
    public void A_complete_call_in_order_is_valid()
    {
        Assert.Empty(Valid().Validate());
    }

    [Fact]
    public void Deadlines_may_fall_on_the_same_moment()
    {
        var input = Valid();
        input.ReviewDeadline = new DeadlineInput { Day = new DateOnly(2023, 6, 15), Time = new TimeOnly(23, 59) };
        Assert.Empty(input.Validate());
    }

    [Theory]
    [InlineData(nameof(CallInput.ReviewDeadline))]
    [InlineData(nameof(CallInput.NotificationDate))]
    [InlineData(nameof(CallInput.CameraReadyDeadline))]
    public void A_deadline_before_the_one_it_follows_is_out_of_order(string field)
    {
        var input = Valid();
        var early = new DeadlineInput { Day = new DateOnly(2023, 6, 1), Time = new TimeOnly(9, 0) };
        switch (field)
        {
            case nameof(CallInput.ReviewDeadline): input.ReviewDeadline = early; break;
            case nameof(CallInput.NotificationDate): input.NotificationDate = early; break;
            default: input.CameraReadyDeadline = early; break;
        }
        Assert.Contains(input.Validate(), v => v.Field == field && v.Code == "DeadlineOrder");
    }

    [Fact]
    public void A_time_one_minute_earlier_on_the_same_day_is_out_of_order()
    {
        var input = Valid();
        input.NotificationDate = new DeadlineInput { Day = new DateOnly(2023, 7, 5), Time = new TimeOnly(23, 58) };
        Assert.Contains(input.Validate(), v => v.Field == nameof(CallInput.NotificationDate) && v.Code == "DeadlineOrder");
    }

    [Fact]
    public void A_missing_deadline_is_required()
    {
        var input = Valid();
        input.ReviewDeadline = new DeadlineInput { Day = null };
        Assert.Contains(input.Validate(), v => v.Field == nameof(CallInput.ReviewDeadline) && v.Code == "Required");
    }

    [Theory]
    [InlineData(0, 30, 3, 8)]
    [InlineData(101, 30, 3, 8)]
    [InlineData(10, 0, 3, 8)]
    [InlineData(10, 30, 0, 8)]
    [InlineData(10, 30, 11, 8)]
    [InlineData(10, 30, 3, 0)]
    public void Limits_outside_their_range_are_refused(int mb, int pages, int reviews, int load)
    {
        var input = Valid();
        (input.MaxFileSizeMb, input.MaxPages, input.ReviewsPerPaper, input.MaxLoadPerReviewer) = (mb, pages, reviews, load);
        Assert.Contains(input.Validate(), v => v.Code == "OutOfRange");
    }

    [Fact]
    public void Topics_need_a_name_and_may_not_repeat()
    {
        var input = Valid();
        input.Topics.Add(new TopicInput { Name = " 绿色创新 " });
        input.Topics.Add(new TopicInput { Name = "  " });
        var errors = input.Validate();
        Assert.Contains(errors, v => v.Field == "Topics[2].Name" && v.Code == "DuplicateName");
        Assert.Contains(errors, v => v.Field == "Topics[3].Name" && v.Code == "Required");
        Assert.DoesNotContain(errors, v => v.Field == "Topics[0].Name");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(11, 1)]
    [InlineData(5, 0)]
    [InlineData(5, -1)]
    [InlineData(5, 101)]
    public void A_criterion_needs_a_scale_of_2_to_10_and_a_positive_weight(int scale, int weight)
    {
        var input = Valid();
        input.Criteria[0].ScaleMax = scale;
        input.Criteria[0].Weight = weight;
        Assert.Contains(input.Validate(), v => v.Field.StartsWith("Criteria[0].", StringComparison.Ordinal) && v.Code == "OutOfRange");
    }

    [Fact]
    public void Deadlines_are_stored_as_instants_read_in_the_event_zone_and_read_back_the_same()
    {
        var input = Valid();
        var call = new CallForPapers();
        input.ApplyTo(call, Shanghai);

        Assert.Equal(new DateTimeOffset(2023, 6, 15, 15, 59, 0, TimeSpan.Zero), call.SubmissionDeadline);
        var back = CallInput.From(call, Shanghai);
        Assert.Equal(new DateOnly(2023, 6, 15), back.SubmissionDeadline.Day);
        Assert.Equal(new TimeOnly(23, 59), back.SubmissionDeadline.Time);
    }

    [Fact]
    public void Applying_keeps_topic_rows_by_id_follows_the_new_order_and_drops_removed_ones()
    {
        var call = new CallForPapers
        {
            Topics = [new PaperTopic { Id = 7, Name = "甲", Order = 0 }, new PaperTopic { Id = 8, Name = "乙", Order = 1 }, new PaperTopic { Id = 9, Name = "丙", Order = 2 }],
        };
        var input = CallInput.From(call, Shanghai);
        input.SubmissionDeadline = Valid().SubmissionDeadline;
        input.ReviewDeadline = Valid().ReviewDeadline;
        input.NotificationDate = Valid().NotificationDate;
        input.CameraReadyDeadline = Valid().CameraReadyDeadline;
        input.Topics = [input.Topics[2], input.Topics[0], new TopicInput { Name = "丁" }];

        input.ApplyTo(call, Shanghai);

        Assert.Equal(["丙", "甲", "丁"], call.Topics.OrderBy(t => t.Order).Select(t => t.Name));
        Assert.Equal(9, call.Topics.Single(t => t.Name == "丙").Id);
        Assert.DoesNotContain(call.Topics, t => t.Id == 8);
    }

    [Fact]
    public void A_new_call_counts_its_deadlines_back_from_the_event_and_is_valid()
    {
        var input = CallInput.New(3, new DateOnly(2027, 5, 1));
        Assert.Empty(input.Validate());
        Assert.True(input.CameraReadyDeadline.Day < new DateOnly(2027, 5, 1));
        Assert.False(input.IsPublished);
    }
}
