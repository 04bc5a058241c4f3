using System.Security.Claims;
using Bunit;
using Events.Core.Events;
using Events.Core.Papers;
using Events.Core.Reviews;
using Events.Web.Components.Pages.Reviews;
using Events.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Events.Web.Tests.Components.Reviews;

public class ReviewPaperTests : ComponentTestBase
{
    private const string ReviewerUser = "reviewer-user";
    private readonly int submissionId;
    private readonly int otherAssignmentId;

    public ReviewPaperTests()
    {
        RenderPopoverProvider();
        Render<MudSnackbarProvider>();
        using var db = CreateDbContext();
        var ev = new Event { Title = "第七届区域创新研讨会", Slug = "regional-innovation-7", StartDate = new DateOnly(2026, 5, 20), EndDate = new DateOnly(2026, 5, 21) };
        db.Events.Add(ev);
        db.SaveChanges();
        db.CallsForPapers.Add(new CallForPapers
        {
            EventId = ev.Id, ReviewDeadline = DateTimeOffset.UtcNow.AddDays(5), SubmissionDeadline = DateTimeOffset.UtcNow.AddDays(-1),
            ReviewMode = ReviewMode.DoubleBlind, HideOtherReviewsUntilSubmitted = true,
            Criteria = [new ReviewCriterion { Name = "原创性", ScaleMax = 5 }, new ReviewCriterion { Name = "研究方法", ScaleMax = 5, Order = 1 }],
        });
        var paper = new Submission
        {
            EventId = ev.Id, Number = 4, Title = "数字经济与区域创新", Abstract = "摘要正文", SubmitterUserId = "author-user",
            Authors = [new Author { Name = "欧阳明远", Affiliation = "西南交通大学", Email = "author@example.cn" }],
        };
        db.Submissions.Add(paper);
        var mine = new Reviewer { EventId = ev.Id, UserId = ReviewerUser, Email = "r1@example.cn", Name = "钟离守正", Affiliation = "北京大学", State = ReviewerState.Accepted, InvitationToken = "t1" };
        var other = new Reviewer { EventId = ev.Id, UserId = "other-user", Email = "r2@example.cn", Name = "慕容知远", Affiliation = "复旦大学", State = ReviewerState.Accepted, InvitationToken = "t2" };
        db.Reviewers.AddRange(mine, other);
        db.SaveChanges();
        db.ReviewAssignments.Add(new ReviewAssignment { SubmissionId = paper.Id, ReviewerId = mine.Id });
        var otherAssignment = new ReviewAssignment { SubmissionId = paper.Id, ReviewerId = other.Id };
        db.ReviewAssignments.Add(otherAssignment);
        db.SaveChanges();
        db.Reviews.Add(new Review { AssignmentId = otherAssignment.Id, State = ReviewState.Submitted, OverallRecommendation = 4, Confidence = 3, CommentsToAuthors = "另一位审稿人的意见" });
        db.SaveChanges();
        submissionId = paper.Id;
        otherAssignmentId = otherAssignment.Id;
    }

    private IRenderedComponent<ReviewPaper> RenderPage()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "r1@example.cn"), new Claim(ClaimTypes.NameIdentifier, ReviewerUser)], "test"));
        var host = Render<CascadingValue<Task<AuthenticationState>>>(p => p
            .Add(x => x.Value, Task.FromResult(new AuthenticationState(user)))
            .AddChildContent<ReviewPaper>(c => c.Add(x => x.SubmissionId, submissionId)));
        return host.FindComponent<ReviewPaper>();
    }

    [Fact]
    public void Submitting_an_incomplete_review_shows_what_is_missing_and_saves_nothing()
    {
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Contains("数字经济与区域创新", cut.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("欧阳明远", cut.Markup, StringComparison.Ordinal);

        cut.Find("[data-testid=review-submit]").Click();

        cut.WaitForAssertion(() => Assert.Contains("原创性：必填", cut.Find("[data-testid=review-errors]").TextContent, StringComparison.Ordinal));
        Assert.Contains("研究方法：必填", cut.Find("[data-testid=review-errors]").TextContent, StringComparison.Ordinal);
        using var db = CreateDbContext();
        Assert.Equal(1, db.Reviews.Count());
    }

    [Fact]
    public void A_draft_is_saved_and_the_other_reviews_stay_hidden_until_the_reviewers_own_is_submitted()
    {
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=others-hidden]")));
        Assert.DoesNotContain("另一位审稿人的意见", cut.Markup, StringComparison.Ordinal);

        cut.Find("[data-testid=comments-authors]").Change("请补充数据来源。");
        cut.Find("[data-testid=review-save-draft]").Click();

        cut.WaitForAssertion(() =>
        {
            using var db = CreateDbContext();
            var draft = db.Reviews.Single(r => r.AssignmentId != otherAssignmentId);
            Assert.Equal((ReviewState.Draft, "请补充数据来源。"), (draft.State, draft.CommentsToAuthors));
        });
        Assert.NotEmpty(cut.FindAll("[data-testid=others-hidden]"));
    }
}
