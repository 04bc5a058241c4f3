using System.Net;
using Events.Core.Common;
using Events.Core.Papers;
using Events.Core.Reviews.Conflicts;
using Events.Infrastructure.Reviews;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Reviews;

/// <summary>
/// A reviewer who also submits must not learn a blind paper's authors by editing their own byline: what they see and may
/// open stays the same with and without a guessed co-author, while the organizers see the co-authorship.
/// </summary>
public sealed class ReviewerProbeTests : IDisposable
{
    private readonly EventsAppFactory app = new();

    public ReviewerProbeTests() => _ = app.Server;

    public void Dispose() => app.Dispose();

    private sealed record View(HttpStatusCode Page, HttpStatusCode Pdf, bool Loads, string Assigned, string Biddable, BidOutcome Bid);

    /// <summary>Everything the reviewer can observe about papers #1 (assigned) and #2 (open for bidding).</summary>
    private async Task<View> ObserveAsync(ReviewScenario s)
    {
        var bidding = app.Get<BiddingService>();
        var bid = await bidding.SetBidAsync(s.EventId, s.Reviewer.Id, s.OtherPaperId, Events.Core.Reviews.BidPreference.Eager);
        await bidding.SetBidAsync(s.EventId, s.Reviewer.Id, s.OtherPaperId, null);
        var workspace = (await bidding.WorkspaceAsync(s.EventId, s.Reviewer.Id))!;
        var biddable = await bidding.BiddablePageAsync(s.EventId, s.Reviewer.Id, new PageRequest(0, 50), null);
        return new View(
            await StatusAsync(s.Reviewer, $"/reviewing/papers/{s.PaperId}"),
            await StatusAsync(s.Reviewer, $"/reviewing/papers/{s.PaperId}/paper.pdf"),
            await app.Get<ReviewService>().LoadAsync(s.PaperId, s.Reviewer.Id) is not null,
            string.Join(",", workspace.Assigned.Select(a => a.SubmissionId)),
            string.Join(",", biddable.Items.Select(p => p.SubmissionId)) + $"/{biddable.Total}",
            bid);
    }

    private async Task<HttpStatusCode> StatusAsync(TestUser user, string url)
    {
        using var request = user.Get(url);
        using var response = await app.CreateRawClient().SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Adding_a_guessed_co_author_to_the_reviewers_own_paper_changes_nothing_the_reviewer_sees_but_organizers_see_the_conflict()
    {
        var s = await ReviewScenario.CreateAsync(app);
        int ownPaperId;
        await using (var db = app.CreateDbContext())
        {
            // The reviewer's own submission (written directly: the probe is about what the conflict rules reveal, not the submit form).
            var now = DateTimeOffset.UtcNow;
            var own = new Submission
            {
                EventId = s.EventId, Number = 3, Title = "审稿人自己的论文", Abstract = "摘要。", TopicId = s.TopicIds[0],
                SubmitterUserId = s.Reviewer.Id, CreatedAt = now, UpdatedAt = now,
                Authors = [new Author { Order = 0, Name = "钟离守正", Affiliation = "北京大学政府管理学院", Email = "reviewer@test.local", IsCorresponding = true, IsPresenter = true }],
            };
            db.Submissions.Add(own);
            await db.SaveChangesAsync();
            ownPaperId = own.Id;
        }
        var before = await ObserveAsync(s);
        Assert.Equal((HttpStatusCode.OK, true, $"{s.PaperId}"), (before.Page, before.Loads, before.Assigned));
        Assert.Contains($"{s.OtherPaperId}", before.Biddable, StringComparison.Ordinal);

        // The probe: the right guesses for both papers' authors (by address for #1, by name and affiliation for #2).
        await using (var db = app.CreateDbContext())
        {
            db.Authors.AddRange(
                new Author { SubmissionId = ownPaperId, Order = 1, Name = ReviewScenario.CoAuthorName, Affiliation = "某大学", Email = ReviewScenario.CoAuthorEmail },
                new Author { SubmissionId = ownPaperId, Order = 2, Name = "上官文静", Affiliation = "成都理工大学" });
            await db.SaveChangesAsync();
        }
        var after = await ObserveAsync(s);

        Assert.Equal(before, after);

        // The organizers see both co-authorships, and neither pair can be assigned anew.
        var board = await app.Get<AssignmentService>().BoardAsync(s.EventId);
        Assert.Contains(board.Conflicts[(s.PaperId, s.ReviewerId)], c => c.Reason == ConflictReason.CoAuthor);
        Assert.Contains(board.Conflicts[(s.OtherPaperId, s.ReviewerId)], c => c.Reason == ConflictReason.CoAuthor);
        var refused = await app.Get<AssignmentService>().AssignAsync(TestActors.Admin, s.EventId, s.OtherPaperId, s.ReviewerId);
        Assert.Equal(AssignOutcome.Conflict, refused.Outcome);
        Assert.Contains(refused.Conflicts, c => c.Reason == ConflictReason.CoAuthor);
    }

    [Fact]
    public async Task A_conflict_the_reviewer_cannot_cause_still_closes_the_assigned_paper_at_once()
    {
        var s = await ReviewScenario.CreateAsync(app);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(s.Reviewer, $"/reviewing/papers/{s.PaperId}"));

        // The paper's own author lists the reviewer's university: their byline, not the reviewer's.
        await using (var db = app.CreateDbContext())
        {
            var author = await db.Authors.SingleAsync(a => a.SubmissionId == s.PaperId && a.Order == 1);
            author.Affiliation = "北京大学政府管理学院";
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(s.Reviewer, $"/reviewing/papers/{s.PaperId}"));
        Assert.DoesNotContain(s.PaperId, (await app.Get<BiddingService>().WorkspaceAsync(s.EventId, s.Reviewer.Id))!.Assigned.Select(a => a.SubmissionId));
    }
}
