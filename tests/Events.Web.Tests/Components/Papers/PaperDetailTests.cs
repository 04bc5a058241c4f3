using System.Security.Claims;
using Bunit;
using Events.Core.Events;
using Events.Core.Papers;
using Events.Core.Reviews;
using Events.Web.Components.Pages.Papers;
using Events.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Events.Web.Tests.Components.Papers;

/// <summary>The authors' page of a paper: what it offers after a decision, and what an upload leaves on screen.</summary>
public class PaperDetailTests : ComponentTestBase
{
    private const string AuthorId = "author-id";
    private readonly int eventId;

    public PaperDetailTests()
    {
        RenderPopoverProvider();
        Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        using var db = CreateDbContext();
        var ev = new Event { Slug = "paper-detail-test", Title = "论文页面测试会", StartDate = new DateOnly(2099, 5, 1), EndDate = new DateOnly(2099, 5, 2), Status = EventStatus.Published };
        db.Events.Add(ev);
        db.SaveChanges();
        eventId = ev.Id;
        var later = DateTimeOffset.UtcNow.AddDays(30);
        db.CallsForPapers.Add(new CallForPapers
        {
            EventId = ev.Id, IsPublished = true, SubmissionDeadline = later, ReviewDeadline = later, NotificationDate = later, CameraReadyDeadline = later.AddDays(10),
        });
        db.SaveChanges();
    }

    private int Paper(Decision? decision, params string?[] commentsByAssignment)
    {
        using var db = CreateDbContext();
        var paper = new Submission
        {
            EventId = eventId, Number = 7, Title = "数字经济与区域创新", Abstract = "摘要", SubmitterUserId = AuthorId,
            Authors = [new Author { Name = "欧阳明远", Affiliation = "西南交通大学", Email = "author@example.cn", IsCorresponding = true, IsPresenter = true }],
            Decision = decision, DecidedAt = decision is null ? null : DateTimeOffset.UtcNow, DecisionNotifiedAt = decision is null ? null : DateTimeOffset.UtcNow,
            Files = [new SubmissionFile { Kind = SubmissionFileKind.Submission, Version = 1, StoredName = "v1.pdf", OriginalFileName = "初稿.pdf", SizeBytes = 2048, PageCount = 1, Sha256 = "00", UploadedAt = DateTimeOffset.UtcNow.AddDays(-3), UploadedByUserId = AuthorId }],
        };
        db.Submissions.Add(paper);
        db.SaveChanges();
        for (var i = 0; i < commentsByAssignment.Length; i++)
        {
            var reviewer = new Reviewer { EventId = eventId, Email = $"r{i}@example.cn", Name = $"评审专家{i}", State = ReviewerState.Accepted, InvitationToken = $"t{i}" };
            db.Reviewers.Add(reviewer);
            db.SaveChanges();
            var assignment = new ReviewAssignment { SubmissionId = paper.Id, ReviewerId = reviewer.Id };
            db.ReviewAssignments.Add(assignment);
            db.SaveChanges();
            // Submitted in the reverse order of the assignments, which once numbered them backwards.
            db.Reviews.Add(new Review
            {
                AssignmentId = assignment.Id, State = ReviewState.Submitted, OverallRecommendation = 4, Confidence = 3,
                CommentsToAuthors = commentsByAssignment[i], SubmittedAt = DateTimeOffset.UtcNow.AddHours(-i),
            });
            db.SaveChanges();
        }
        return paper.Id;
    }

    private IRenderedComponent<PaperDetail> RenderPage(int id)
    {
        var author = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "author"), new Claim(ClaimTypes.NameIdentifier, AuthorId)], "test"));
        var host = Render<CascadingValue<Task<AuthenticationState>>>(p => p
            .Add(x => x.Value, Task.FromResult(new AuthenticationState(author)))
            .AddChildContent<PaperDetail>(c => c.Add(x => x.Id, id)));
        return host.FindComponent<PaperDetail>();
    }

    private static byte[] ValidPdf()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4).AddText("A revised paper", 12, new UglyToad.PdfPig.Core.PdfPoint(72, 720), font);
        return builder.Build();
    }

    [Fact]
    public void After_an_acceptance_the_page_offers_only_the_camera_ready_upload_shows_one_status_and_numbers_reviews_as_the_mail()
    {
        var cut = RenderPage(Paper(Decision.AcceptOral, "第一位的意见", null, "第三位的意见"));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=paper-outcome]")));
        Assert.Empty(cut.FindAll("[data-testid=paper-edit]"));
        Assert.Empty(cut.FindAll("[data-testid=paper-withdraw]"));
        Assert.Empty(cut.FindAll("[data-testid=upload-version]"));
        Assert.Empty(cut.FindAll("[data-testid=upload-revision]"));
        Assert.Single(cut.FindAll("[data-testid=upload-camera-ready]"));
        Assert.Empty(cut.FindAll("[data-testid=paper-state]"));
        Assert.Single(cut.FindAll("[data-testid=paper-decision]"));
        Assert.Empty(cut.FindAll("[data-testid=paper-locked]"));
        Assert.Equal(["评审意见1", "评审意见3"], cut.FindAll("[data-testid=review-comment-heading]").Select(h => h.TextContent.Trim()));
        Assert.Equal(["第一位的意见", "第三位的意见"], cut.FindAll("[data-testid=review-comment]").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public void Before_a_decision_the_page_shows_the_submission_state_and_offers_edit_withdraw_and_a_new_version()
    {
        var cut = RenderPage(Paper(null));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=paper-edit]")));
        Assert.Single(cut.FindAll("[data-testid=paper-withdraw]"));
        Assert.Single(cut.FindAll("[data-testid=upload-version]"));
        Assert.Equal("已提交", cut.Find("[data-testid=paper-state]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=paper-decision]"));
    }

    [Fact]
    public void A_refused_file_is_explained_until_another_is_chosen_and_a_saved_revision_shows_in_the_list_at_once()
    {
        var cut = RenderPage(Paper(Decision.Revise));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=upload-revision]")));
        Assert.Equal(["v1"], FileVersions(cut));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary("just text, not a PDF"u8.ToArray(), "notes.pdf", contentType: "application/pdf"));
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=upload-revision-send]").HasAttribute("disabled")));
        cut.Find("[data-testid=upload-revision-send]").Click();
        cut.WaitForAssertion(() => Assert.Contains("这不是 PDF 文件", cut.Find("[data-testid=upload-problem]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(ValidPdf(), "revised.pdf", contentType: "application/pdf"));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=upload-problem]")));

        cut.Find("[data-testid=upload-revision-send]").Click();
        // The server checks the PDF for real (structure, pages, anonymity), which takes a moment on a loaded machine.
        cut.WaitForAssertion(() => Assert.Equal(["v2", "v1"], FileVersions(cut)), TimeSpan.FromSeconds(30));
        Assert.Contains("revised.pdf", cut.Find("[data-testid=paper-files]").TextContent, StringComparison.Ordinal);
    }

    private static List<string> FileVersions(IRenderedComponent<PaperDetail> cut) =>
        cut.FindAll("[data-testid=paper-file-row]").Select(r => r.Children[1].TextContent.Trim()).ToList();
}
