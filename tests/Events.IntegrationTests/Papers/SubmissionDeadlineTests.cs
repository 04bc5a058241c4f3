using Events.Core.Common;
using Events.Core.Papers;
using Events.Infrastructure.Papers;
using Events.Infrastructure.Reviews;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Papers;

/// <summary>Deadlines are enforced by the service, whatever a page offers: each refusal has its code and writes nothing.</summary>
public sealed class SubmissionDeadlineTests(EventsAppFactory app) : IClassFixture<EventsAppFactory>
{
    private SubmissionService Service => app.Get<SubmissionService>();

    private async Task<(int EventId, string Slug, int Id, TestUser Author)> PaperAsync()
    {
        _ = app.Server;
        var (eventId, slug) = await PaperTestKit.CreateCallAsync(app);
        var author = await TestUsers.CreateAsync(app, $"author-{Guid.NewGuid():N}@test.local", []);
        return (eventId, slug, await PaperTestKit.SubmitAsync(app, slug, author.Id), author);
    }

    [Fact]
    public async Task Before_the_deadline_an_author_edits_and_then_withdraws()
    {
        var (_, _, id, author) = await PaperAsync();
        var (input, _) = (await Service.LoadForEditAsync(id, author.Id))!.Value;
        input.Title = "修改后的题目";

        Assert.Equal(SaveOutcome.Saved, (await Service.UpdateAsync(input, author.Id)).Outcome);
        Assert.Equal(SaveOutcome.Saved, (await Service.WithdrawAsync(id, author.Id)).Outcome);

        var view = (await Service.GetForAuthorAsync(id, author.Id))!;
        Assert.Equal(("修改后的题目", SubmissionState.Withdrawn, false), (view.Title, view.State, view.CanChange));
    }

    [Fact]
    public async Task After_the_deadline_editing_withdrawing_and_new_versions_are_refused_on_the_server()
    {
        var (eventId, _, id, author) = await PaperAsync();
        var (input, _) = (await Service.LoadForEditAsync(id, author.Id))!.Value;
        await PaperTestKit.SetDeadlinesAsync(app, eventId, submission: DateTimeOffset.UtcNow.AddMinutes(-1));
        input.Title = "截止后的修改";

        var edit = await Service.UpdateAsync(input, author.Id);
        var withdraw = await Service.WithdrawAsync(id, author.Id);
        var upload = await Service.UploadAsync(id, SubmissionFileKind.Submission, new PaperUpload("late.pdf", new MemoryStream(TestPdfs.Valid())), author.Id);

        Assert.Equal("SubmissionDeadlinePassed", Assert.Single(edit.Violations).Code);
        Assert.Equal("SubmissionDeadlinePassed", Assert.Single(withdraw.Violations).Code);
        Assert.Equal(PaperUploadProblem.SubmissionDeadlinePassed, upload.Problem);
        await using var db = app.CreateDbContext();
        var stored = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == id);
        Assert.Equal((SubmissionState.Submitted, "成渝地区双城经济圈协同创新的路径研究"), (stored.State, stored.Title));
        Assert.Single(await PaperTestKit.FilesAsync(app, id));
    }

    [Fact]
    public async Task A_new_submission_after_the_deadline_is_refused_and_the_page_says_the_call_is_closed()
    {
        _ = app.Server;
        var (eventId, slug) = await PaperTestKit.CreateCallAsync(app, submissionIn: TimeSpan.FromMinutes(-5));
        var author = await TestUsers.CreateAsync(app, $"author-{Guid.NewGuid():N}@test.local", []);
        var input = PaperTestKit.Input(await PaperTestKit.TopicAsync(app, eventId));

        var result = await Service.SubmitAsync(slug, input, new PaperUpload("p.pdf", new MemoryStream(TestPdfs.Valid())), author.Id);

        Assert.Equal("SubmissionDeadlinePassed", Assert.Single(result.Save.Violations).Code);
        using var page = await app.CreateRawClient().SendAsync(author.Get($"/events/{slug}/submit"));
        Assert.Contains("本次征文已截止", System.Net.WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Camera_ready_is_taken_for_an_accepted_notified_paper_until_its_deadline_and_refused_after()
    {
        var (eventId, _, id, author) = await PaperAsync();
        await PaperTestKit.SetDeadlinesAsync(app, eventId, submission: DateTimeOffset.UtcNow.AddDays(-20), cameraReady: DateTimeOffset.UtcNow.AddDays(5));

        var beforeDecision = await Service.UploadAsync(id, SubmissionFileKind.CameraReady, new PaperUpload("final.pdf", new MemoryStream(TestPdfs.Valid())), author.Id);
        Assert.Equal(PaperUploadProblem.NotAccepted, beforeDecision.Problem);

        await DecideAsync(id, Decision.AcceptOral);
        var inTime = await Service.UploadAsync(id, SubmissionFileKind.CameraReady, new PaperUpload("final.pdf", new MemoryStream(TestPdfs.Valid())), author.Id);
        Assert.Equal((PaperUploadProblem.None, 1), (inTime.Problem, inTime.Version));

        var badCameraReady = await Service.UploadAsync(id, SubmissionFileKind.CameraReady, new PaperUpload("final.pdf", new MemoryStream(TestPdfs.Encrypted())), author.Id);
        Assert.Equal(PaperUploadProblem.Encrypted, badCameraReady.Problem);

        await PaperTestKit.SetDeadlinesAsync(app, eventId, cameraReady: DateTimeOffset.UtcNow.AddMinutes(-1));
        var late = await Service.UploadAsync(id, SubmissionFileKind.CameraReady, new PaperUpload("final2.pdf", new MemoryStream(TestPdfs.Valid())), author.Id);
        Assert.Equal(PaperUploadProblem.CameraReadyDeadlinePassed, late.Problem);

        var files = await PaperTestKit.FilesAsync(app, id);
        Assert.Equal([(SubmissionFileKind.Submission, 1), (SubmissionFileKind.CameraReady, 1)], files.Select(f => (f.Kind, f.Version)));
    }

    [Fact]
    public async Task A_rejected_paper_takes_no_camera_ready_copy()
    {
        var (eventId, _, id, author) = await PaperAsync();
        await PaperTestKit.SetDeadlinesAsync(app, eventId, submission: DateTimeOffset.UtcNow.AddDays(-20));
        await DecideAsync(id, Decision.Reject);

        var result = await Service.UploadAsync(id, SubmissionFileKind.CameraReady, new PaperUpload("final.pdf", new MemoryStream(TestPdfs.Valid())), author.Id);

        Assert.Equal(PaperUploadProblem.NotAccepted, result.Problem);
    }

    [Fact]
    public async Task Authors_told_to_revise_upload_a_revised_version_which_the_committee_sees_and_decides_again()
    {
        var (eventId, _, id, author) = await PaperAsync();
        await PaperTestKit.SetDeadlinesAsync(app, eventId, submission: DateTimeOffset.UtcNow.AddDays(-20), cameraReady: DateTimeOffset.UtcNow.AddDays(5));
        await DecideAsync(id, Decision.Revise);
        var decisions = app.Get<DecisionService>();

        var view = await Service.GetForAuthorAsync(id, author.Id);
        Assert.True(view!.CanUploadRevision);
        Assert.False(view.CanChange);
        Assert.False((await decisions.TableAsync(eventId)).Rows.Single(r => r.SubmissionId == id).RevisionReceived);

        var revised = await Service.UploadAsync(id, SubmissionFileKind.Submission, new PaperUpload("revised.pdf", new MemoryStream(TestPdfs.Valid())), author.Id);
        Assert.Equal((PaperUploadProblem.None, 2), (revised.Problem, revised.Version));
        var row = (await decisions.TableAsync(eventId)).Rows.Single(r => r.SubmissionId == id);
        Assert.True(row.RevisionReceived);

        // The new decision replaces the request to revise and waits to be sent; no more revisions are taken.
        Assert.Equal(SaveOutcome.Saved, (await decisions.DecideAsync(TestActors.Admin, eventId, id, Decision.AcceptOral, row.ConcurrencyStamp)).Outcome);
        Assert.False((await decisions.TableAsync(eventId)).Rows.Single(r => r.SubmissionId == id).RevisionReceived);
        var afterDecision = await Service.UploadAsync(id, SubmissionFileKind.Submission, new PaperUpload("again.pdf", new MemoryStream(TestPdfs.Valid())), author.Id);
        Assert.Equal(PaperUploadProblem.SubmissionDeadlinePassed, afterDecision.Problem);

        var files = await PaperTestKit.FilesAsync(app, id);
        Assert.Equal([(SubmissionFileKind.Submission, 1), (SubmissionFileKind.Submission, 2)], files.Select(f => (f.Kind, f.Version)).Order());
    }

    [Fact]
    public async Task A_revised_version_after_the_camera_ready_deadline_is_refused()
    {
        var (eventId, _, id, author) = await PaperAsync();
        await PaperTestKit.SetDeadlinesAsync(app, eventId, submission: DateTimeOffset.UtcNow.AddDays(-20), cameraReady: DateTimeOffset.UtcNow.AddMinutes(-1));
        await DecideAsync(id, Decision.Revise);

        var late = await Service.UploadAsync(id, SubmissionFileKind.Submission, new PaperUpload("revised.pdf", new MemoryStream(TestPdfs.Valid())), author.Id);

        Assert.Equal(PaperUploadProblem.RevisionDeadlinePassed, late.Problem);
        Assert.False((await Service.GetForAuthorAsync(id, author.Id))!.CanUploadRevision);
    }

    private async Task DecideAsync(int id, Decision decision)
    {
        await using var db = app.CreateDbContext();
        var s = await db.Submissions.SingleAsync(x => x.Id == id);
        s.Decision = decision;
        s.DecidedAt = s.DecisionNotifiedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync();
    }
}
