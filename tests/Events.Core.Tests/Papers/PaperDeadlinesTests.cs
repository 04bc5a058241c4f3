using Events.Core.Papers;

namespace Events.Core.Tests.Papers;

public class PaperDeadlinesTests
{
    private static readonly DateTimeOffset Deadline = new(2023, 6, 15, 15, 59, 0, TimeSpan.Zero);

    private static CallForPapers Call(bool published = true) => new()
    {
        IsPublished = published,
        SubmissionDeadline = Deadline,
        ReviewDeadline = Deadline.AddDays(20),
        NotificationDate = Deadline.AddDays(25),
        CameraReadyDeadline = Deadline.AddDays(35),
    };

    private static Submission Paper(Decision? decision = null, bool notified = false, SubmissionState state = SubmissionState.Submitted) => new()
    {
        Title = "t",
        Abstract = "a",
        SubmitterUserId = "u",
        State = state,
        Decision = decision,
        DecisionNotifiedAt = notified ? Deadline.AddDays(25) : null,
    };

    [Fact]
    public void Submitting_is_open_until_the_deadline_and_closed_at_it()
    {
        Assert.Null(PaperDeadlines.CanSubmit(Call(), Deadline.AddTicks(-1)));
        Assert.Equal("SubmissionDeadlinePassed", PaperDeadlines.CanSubmit(Call(), Deadline)?.Code);
    }

    [Fact]
    public void An_unpublished_or_missing_call_takes_no_submissions()
    {
        Assert.Equal("CallNotOpen", PaperDeadlines.CanSubmit(Call(published: false), Deadline.AddDays(-1))?.Code);
        Assert.Equal("CallNotOpen", PaperDeadlines.CanSubmit(null, Deadline.AddDays(-1))?.Code);
    }

    [Fact]
    public void Editing_and_withdrawing_stop_at_the_submission_deadline()
    {
        Assert.Null(PaperDeadlines.CanChange(Call(), Paper(), Deadline.AddMinutes(-1)));
        Assert.Equal("SubmissionDeadlinePassed", PaperDeadlines.CanChange(Call(), Paper(), Deadline.AddMinutes(1))?.Code);
    }

    [Theory]
    [InlineData(Decision.AcceptOral)]
    [InlineData(Decision.Reject)]
    [InlineData(Decision.Revise)]
    public void A_decision_the_authors_were_told_of_stops_editing_and_withdrawing_even_before_the_deadline(Decision decision)
    {
        var early = Deadline.AddDays(-5);
        Assert.Null(PaperDeadlines.CanChange(Call(), Paper(decision, notified: false), early));
        Assert.Equal("DecisionMade", PaperDeadlines.CanChange(Call(), Paper(decision, notified: true), early)?.Code);
    }

    [Fact]
    public void A_withdrawn_paper_cannot_be_changed()
    {
        Assert.Equal("SubmissionWithdrawn", PaperDeadlines.CanChange(Call(), Paper(state: SubmissionState.Withdrawn), Deadline.AddDays(-1))?.Code);
    }

    [Theory]
    [InlineData(Decision.AcceptOral)]
    [InlineData(Decision.AcceptPoster)]
    public void An_accepted_and_notified_paper_takes_a_camera_ready_copy_until_its_deadline(Decision decision)
    {
        var call = Call();
        Assert.Null(PaperDeadlines.CanUploadCameraReady(call, Paper(decision, notified: true), call.CameraReadyDeadline.AddMinutes(-1)));
        Assert.Equal("CameraReadyDeadlinePassed", PaperDeadlines.CanUploadCameraReady(call, Paper(decision, notified: true), call.CameraReadyDeadline)?.Code);
    }

    [Theory]
    [InlineData(Decision.Reject, true)]
    [InlineData(Decision.Revise, true)]
    [InlineData(Decision.AcceptOral, false)]
    public void Camera_ready_needs_an_acceptance_the_authors_were_told_of(Decision decision, bool notified)
    {
        var call = Call();
        Assert.Equal("NotAccepted", PaperDeadlines.CanUploadCameraReady(call, Paper(decision, notified), call.NotificationDate)?.Code);
    }

    [Fact]
    public void A_paper_the_authors_were_told_to_revise_takes_a_new_version_after_the_submission_deadline_until_the_camera_ready_deadline()
    {
        var call = Call();
        var paper = Paper(Decision.Revise, notified: true);

        Assert.Null(PaperDeadlines.CanReplacePdf(call, paper, call.NotificationDate));
        Assert.Null(PaperDeadlines.CanReplacePdf(call, paper, call.CameraReadyDeadline.AddMinutes(-1)));
        Assert.Equal("RevisionDeadlinePassed", PaperDeadlines.CanReplacePdf(call, paper, call.CameraReadyDeadline)?.Code);
        Assert.Equal("SubmissionWithdrawn", PaperDeadlines.CanUploadRevision(call, Paper(Decision.Revise, true, SubmissionState.Withdrawn), call.NotificationDate)?.Code);
    }

    [Theory]
    [InlineData(Decision.Revise, false)]
    [InlineData(Decision.Reject, true)]
    [InlineData(Decision.AcceptOral, true)]
    public void Without_a_revise_decision_the_authors_were_told_of_a_new_version_stops_at_the_submission_deadline(Decision decision, bool notified)
    {
        var call = Call();
        Assert.Equal("NotAskedToRevise", PaperDeadlines.CanUploadRevision(call, Paper(decision, notified), call.NotificationDate)?.Code);
        Assert.Equal("SubmissionDeadlinePassed", PaperDeadlines.CanReplacePdf(call, Paper(decision, notified), call.NotificationDate)?.Code);
    }

    [Fact]
    public void The_decision_is_visible_only_once_notified()
    {
        Assert.False(PaperDeadlines.DecisionVisible(Paper(Decision.Reject)));
        Assert.True(PaperDeadlines.DecisionVisible(Paper(Decision.Reject, notified: true)));
        Assert.False(PaperDeadlines.DecisionVisible(Paper(null, notified: true)));
    }
}
