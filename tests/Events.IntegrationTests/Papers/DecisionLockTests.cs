using Events.Core.Papers;
using Events.Core.Reviews;
using Events.Infrastructure.Papers;
using Events.Infrastructure.Reviews;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Papers;

/// <summary>
/// Once the authors were told the decision, the paper stays as it was decided on: the service refuses editing, withdrawing
/// and new versions even before the submission deadline, and the author's page numbers the reviews as the decision mail does.
/// </summary>
public sealed class DecisionLockTests(EventsAppFactory app) : IClassFixture<EventsAppFactory>
{
    private SubmissionService Service => app.Get<SubmissionService>();

    private async Task<(int EventId, int Id, TestUser Author)> PaperAsync()
    {
        _ = app.Server;
        var (eventId, slug) = await PaperTestKit.CreateCallAsync(app);
        var author = await TestUsers.CreateAsync(app, $"author-{Guid.NewGuid():N}@test.local", []);
        return (eventId, await PaperTestKit.SubmitAsync(app, slug, author.Id), author);
    }

    [Fact]
    public async Task A_decision_sent_before_the_submission_deadline_locks_editing_withdrawing_and_new_versions_but_takes_the_camera_ready_copy()
    {
        var (eventId, id, author) = await PaperAsync();
        await PaperTestKit.SetDeadlinesAsync(app, eventId, submission: DateTimeOffset.UtcNow.AddDays(10), cameraReady: DateTimeOffset.UtcNow.AddDays(20));
        var (input, _) = (await Service.LoadForEditAsync(id, author.Id))!.Value;
        Assert.True((await Service.GetForAuthorAsync(id, author.Id))!.CanChange);
        await using (var db = app.CreateDbContext())
        {
            var s = await db.Submissions.SingleAsync(x => x.Id == id);
            s.Decision = Decision.AcceptOral;
            s.DecidedAt = s.DecisionNotifiedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        }
        input.Title = "录用后的修改";

        var edit = await Service.UpdateAsync(input, author.Id);
        var withdraw = await Service.WithdrawAsync(id, author.Id);
        var version = await Service.UploadAsync(id, SubmissionFileKind.Submission, new PaperUpload("v2.pdf", new MemoryStream(TestPdfs.Valid())), author.Id);
        var cameraReady = await Service.UploadAsync(id, SubmissionFileKind.CameraReady, new PaperUpload("final.pdf", new MemoryStream(TestPdfs.Valid())), author.Id);

        Assert.Equal("DecisionMade", Assert.Single(edit.Violations).Code);
        Assert.Equal("DecisionMade", Assert.Single(withdraw.Violations).Code);
        Assert.Equal(PaperUploadProblem.DecisionMade, version.Problem);
        Assert.Equal(PaperUploadProblem.None, cameraReady.Problem);
        var view = (await Service.GetForAuthorAsync(id, author.Id))!;
        Assert.Equal((false, true, false), (view.CanChange, view.CanUploadCameraReady, view.CanUploadRevision));
        await using var check = app.CreateDbContext();
        var stored = await check.Submissions.AsNoTracking().SingleAsync(s => s.Id == id);
        Assert.Equal(SubmissionState.Submitted, stored.State);
        Assert.NotEqual("录用后的修改", stored.Title);
        Assert.Equal([(SubmissionFileKind.Submission, 1), (SubmissionFileKind.CameraReady, 1)], (await PaperTestKit.FilesAsync(app, id)).Select(f => (f.Kind, f.Version)));
    }

    [Fact]
    public async Task The_authors_page_numbers_the_reviews_as_the_decision_mail_does()
    {
        var (eventId, id, author) = await PaperAsync();
        await using (var db = app.CreateDbContext())
        {
            var reviewers = Enumerable.Range(1, 3).Select(n => new Reviewer
            {
                EventId = eventId, Email = $"r{n}-{id}@example.cn", Name = $"评审专家{n}", State = ReviewerState.Accepted, InvitationToken = $"t{n}-{Guid.NewGuid():N}",
            }).ToList();
            db.Reviewers.AddRange(reviewers);
            await db.SaveChangesAsync();
            var assignments = reviewers.Select(r => new ReviewAssignment { SubmissionId = id, ReviewerId = r.Id }).ToList();
            db.ReviewAssignments.AddRange(assignments);
            await db.SaveChangesAsync();
            // The first reviewer submitted last, the second wrote nothing to the authors: the numbers still follow the assignments.
            var now = DateTimeOffset.UtcNow;
            db.Reviews.AddRange(
                new Review { AssignmentId = assignments[0].Id, State = ReviewState.Submitted, OverallRecommendation = 4, Confidence = 3, CommentsToAuthors = "第一位的意见", SubmittedAt = now },
                new Review { AssignmentId = assignments[1].Id, State = ReviewState.Submitted, OverallRecommendation = 4, Confidence = 3, SubmittedAt = now.AddHours(-2) },
                new Review { AssignmentId = assignments[2].Id, State = ReviewState.Submitted, OverallRecommendation = 5, Confidence = 4, CommentsToAuthors = "第三位的意见", SubmittedAt = now.AddHours(-1) });
            var s = await db.Submissions.SingleAsync(x => x.Id == id);
            s.Decision = Decision.AcceptPoster;
            s.DecidedAt = now;
            await db.SaveChangesAsync();
        }

        await app.Get<DecisionService>().NotifyAsync(TestActors.Admin, eventId);

        var view = (await Service.GetForAuthorAsync(id, author.Id))!;
        Assert.Equal([(1, "第一位的意见"), (3, "第三位的意见")], view.CommentsToAuthors.Select(c => (c.Number, c.Text)));
        await using var check = app.CreateDbContext();
        var mail = await check.OutboxMessages.AsNoTracking().Where(m => m.RelatedEntity == $"Submission:{id}").SingleAsync();
        var label = mail.Culture == "en" ? "Reviewer {0}:" : "审稿人{0}：";
        int At(string text) => mail.TextBody.IndexOf(text, StringComparison.Ordinal);
        var positions = new[]
        {
            At(string.Format(System.Globalization.CultureInfo.InvariantCulture, label, 1)), At("第一位的意见"),
            At(string.Format(System.Globalization.CultureInfo.InvariantCulture, label, 3)), At("第三位的意见"),
        };
        Assert.True(positions[0] >= 0 && positions.Zip(positions.Skip(1)).All(p => p.First < p.Second), mail.TextBody);
        Assert.DoesNotContain(string.Format(System.Globalization.CultureInfo.InvariantCulture, label, 2), mail.TextBody, StringComparison.Ordinal);
    }
}
