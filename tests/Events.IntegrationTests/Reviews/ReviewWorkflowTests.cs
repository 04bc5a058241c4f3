using System.Net;
using Events.Core.Access;
using Events.Core.Common;
using Events.Core.Mail;
using Events.Core.Papers;
using Events.Core.Program;
using Events.Core.Reviews;
using Events.Core.Reviews.Conflicts;
using Events.Infrastructure.Papers;
using Events.Infrastructure.Program;
using Events.Infrastructure.Reviews;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Reviews;

/// <summary>The review side's rules on a real database: conflicts, assignment by hand and by the solver, reviews, decisions, placement.</summary>
public sealed class ReviewWorkflowTests : IDisposable
{
    private readonly EventsAppFactory app = new();

    public ReviewWorkflowTests() => _ = app.Server;

    public void Dispose() => app.Dispose();

    private Task<ReviewScenario> ScenarioAsync(DateTimeOffset? reviewDeadline = null) => ReviewScenario.CreateAsync(app, reviewDeadline);

    private async Task<string> HtmlAsync(TestUser user, string url)
    {
        using var request = user.Get(url);
        using var response = await app.CreateRawClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_reviewer_from_the_authors_university_cannot_be_assigned_and_never_sees_the_paper()
    {
        var s = await ScenarioAsync();

        var refused = await app.Get<AssignmentService>().AssignAsync(TestActors.Admin, s.EventId, s.PaperId, s.ConflictedReviewerId);

        Assert.Equal(AssignOutcome.Conflict, refused.Outcome);
        var reason = Assert.Single(refused.Conflicts);
        Assert.Equal(ConflictReason.SameAffiliation, reason.Reason);
        Assert.Contains(ReviewScenario.AuthorAffiliation, reason.Detail, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.ReviewAssignments.AnyAsync(a => a.ReviewerId == s.ConflictedReviewerId));
        }

        var bidding = await app.Get<BiddingService>().BiddablePageAsync(s.EventId, s.ConflictedReviewer.Id, new PageRequest(0, 50), null);
        Assert.Equal([s.OtherPaperId], bidding.Items.Select(p => p.SubmissionId));
        var html = await HtmlAsync(s.ConflictedReviewer, $"/reviewing/events/{s.EventId}");
        Assert.Contains(ReviewScenario.OtherPaperTitle, html, StringComparison.Ordinal);
        Assert.DoesNotContain(ReviewScenario.PaperTitle, html, StringComparison.Ordinal);
        Assert.DoesNotContain("以成渝地区为例", html, StringComparison.Ordinal);
        Assert.Null(await app.Get<ReviewService>().LoadAsync(s.PaperId, s.ConflictedReviewer.Id));
        Assert.Null(await app.Get<ReviewService>().PaperFileAsync(s.PaperId, s.ConflictedReviewer.Id));

        // A conflict that appears after assignment (the byline changed) closes the paper to its reviewer at once.
        await using (var db = app.CreateDbContext())
        {
            var author = await db.Authors.SingleAsync(a => a.SubmissionId == s.PaperId && a.Order == 1);
            author.Affiliation = "北京大学政府管理学院";
            await db.SaveChangesAsync();
        }
        using var request = s.Reviewer.Get($"/reviewing/papers/{s.PaperId}/paper.pdf");
        using var response = await app.CreateRawClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_organizer_declares_a_conflict_no_rule_finds_which_withdraws_the_draft_assignment_refuses_reassignment_and_hides_the_paper()
    {
        var s = await ScenarioAsync();
        var assignments = app.Get<AssignmentService>();
        await using (var db = app.CreateDbContext())
        {
            Assert.True(await db.ReviewAssignments.AnyAsync(a => a.ReviewerId == s.SecondReviewerId && a.SubmissionId == s.PaperId));
        }

        Assert.Equal(AssignOutcome.ConflictDeclared, (await assignments.DeclareConflictAsync(TestActors.Admin, s.EventId, s.PaperId, s.SecondReviewerId, "博士生导师")).Outcome);

        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.ReviewAssignments.AnyAsync(a => a.ReviewerId == s.SecondReviewerId && a.SubmissionId == s.PaperId));
        }
        var reason = Assert.Single((await assignments.AssignAsync(TestActors.Admin, s.EventId, s.PaperId, s.SecondReviewerId)).Conflicts);
        Assert.Equal((ConflictReason.DeclaredByOrganizer, "博士生导师"), (reason.Reason, reason.Detail));
        using var request = s.SecondReviewer.Get($"/reviewing/papers/{s.PaperId}");
        using var response = await app.CreateRawClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(AssignOutcome.NotFound, (await assignments.DeclareConflictAsync(TestActors.Admin, s.EventId + 1000, s.PaperId, s.SecondReviewerId, null)).Outcome);

        // Withdrawn, the reviewer may be assigned again; only the organizers' own declaration is removed this way.
        Assert.Equal(AssignOutcome.NotFound, (await assignments.WithdrawConflictAsync(TestActors.Admin, s.EventId, s.PaperId, s.ConflictedReviewerId)).Outcome);
        Assert.Equal(AssignOutcome.ConflictWithdrawn, (await assignments.WithdrawConflictAsync(TestActors.Admin, s.EventId, s.PaperId, s.SecondReviewerId)).Outcome);
        Assert.Equal(AssignOutcome.Assigned, (await assignments.AssignAsync(TestActors.Admin, s.EventId, s.PaperId, s.SecondReviewerId)).Outcome);
    }

    [Fact]
    public async Task A_conflict_bid_is_a_declared_conflict_that_hides_the_paper_refuses_assignment_and_withdraws_a_draft_assignment()
    {
        var s = await ScenarioAsync();
        var bidding = app.Get<BiddingService>();
        var assignments = app.Get<AssignmentService>();

        Assert.Equal(BidOutcome.Saved, await bidding.SetBidAsync(s.EventId, s.ConflictedReviewer.Id, s.OtherPaperId, BidPreference.Conflict, "同一课题组"));

        var workspace = (await bidding.WorkspaceAsync(s.EventId, s.ConflictedReviewer.Id))!;
        var declared = Assert.Single(workspace.Declared);
        Assert.Equal((s.OtherPaperId, "同一课题组"), (declared.SubmissionId, declared.Reason));
        Assert.Empty((await bidding.BiddablePageAsync(s.EventId, s.ConflictedReviewer.Id, new PageRequest(0, 50), null)).Items);
        var refused = await assignments.AssignAsync(TestActors.Admin, s.EventId, s.OtherPaperId, s.ConflictedReviewerId);
        Assert.Equal(ConflictReason.DeclaredByReviewer, Assert.Single(refused.Conflicts).Reason);

        // Withdrawing the declaration makes the paper biddable again.
        Assert.Equal(BidOutcome.Saved, await bidding.SetBidAsync(s.EventId, s.ConflictedReviewer.Id, s.OtherPaperId, null));
        Assert.Single((await bidding.BiddablePageAsync(s.EventId, s.ConflictedReviewer.Id, new PageRequest(0, 50), null)).Items);

        // An assigned reviewer who finds a conflict before submitting gives the paper back.
        Assert.Equal(BidOutcome.Saved, await bidding.SetBidAsync(s.EventId, s.SecondReviewer.Id, s.PaperId, BidPreference.Conflict));
        await using var db = app.CreateDbContext();
        Assert.False(await db.ReviewAssignments.AnyAsync(a => a.ReviewerId == s.SecondReviewerId && a.SubmissionId == s.PaperId));
        Assert.True(await db.DeclaredConflicts.AnyAsync(d => d.ReviewerId == s.SecondReviewerId && d.DeclaredBy == ConflictSource.Reviewer));
    }

    [Fact]
    public async Task Automatic_assignment_previews_then_commits_and_a_rerun_fills_only_what_is_missing()
    {
        var s = await ScenarioAsync();
        var auto = app.Get<AutoAssignment>();
        // Free one of paper #1's two places: only the second reviewer can take it, the conflicted one never.
        await using (var db = app.CreateDbContext())
        {
            var second = await db.ReviewAssignments.SingleAsync(a => a.SubmissionId == s.PaperId && a.ReviewerId == s.SecondReviewerId);
            Assert.Equal(AssignOutcome.Removed, (await app.Get<AssignmentService>().UnassignAsync(TestActors.Admin, s.EventId, second.Id)).Outcome);
        }
        await app.Get<BiddingService>().SetBidAsync(s.EventId, s.ConflictedReviewer.Id, s.OtherPaperId, BidPreference.Eager);

        var preview = await auto.PreviewAsync(s.EventId);

        Assert.True(preview.IsProvenOptimal);
        Assert.Empty(preview.Unfilled);
        Assert.Equal(1, preview.ExistingKept);
        Assert.Equal([(s.PaperId, s.SecondReviewerId)], preview.Added.Where(a => a.SubmissionId == s.PaperId).Select(a => (a.SubmissionId, a.ReviewerId)));
        Assert.DoesNotContain(preview.Added, a => a.SubmissionId == s.PaperId && a.ReviewerId == s.ConflictedReviewerId);
        Assert.Equal(2, preview.Added.Count(a => a.SubmissionId == s.OtherPaperId));
        var eager = Assert.Single(preview.Added, a => a.SubmissionId == s.OtherPaperId && a.ReviewerId == s.ConflictedReviewerId);
        Assert.True(eager.Reasons.HasFlag(Events.Core.Reviews.Assignment.AssignmentReason.EagerBid));
        long lastMailBefore;
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(1, await db.ReviewAssignments.CountAsync(a => a.SubmissionId == s.PaperId));
            lastMailBefore = await db.OutboxMessages.MaxAsync(m => m.Id);
        }

        var committed = await auto.CommitAsync(TestActors.Admin, s.EventId, preview.Added);

        Assert.Equal((3, 0), (committed.Added, committed.Skipped));
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(3, await db.ReviewAssignments.CountAsync(a => a.Source == AssignmentSource.Automatic));
            var kept = await db.ReviewAssignments.SingleAsync(a => a.SubmissionId == s.PaperId && a.ReviewerId == s.ReviewerId);
            Assert.Equal(AssignmentSource.Manual, kept.Source);
            var mails = await db.OutboxMessages.Include(m => m.Recipients).Where(m => m.TemplateKey == MailTemplateKeys.ReviewAssignment).ToListAsync();
            // Two manual mails from the scenario, then one per reviewer with new papers.
            Assert.Equal(2 + committed.Mails, mails.Count);
            var automatic = mails.Where(m => m.Id > lastMailBefore).ToList();
            Assert.Equal(committed.Mails, automatic.Count);
            Assert.Contains(automatic, m => m.Recipients.Any(r => r.Address == "reviewer2@test.local") && m.TextBody.Contains($"#1 {ReviewScenario.PaperTitle}", StringComparison.Ordinal));
            Assert.Contains(automatic, m => m.Recipients.Any(r => r.Address == "conflicted@test.local") && m.TextBody.Contains($"#2 {ReviewScenario.OtherPaperTitle}", StringComparison.Ordinal));
        }

        var again = await auto.PreviewAsync(s.EventId);
        Assert.Empty(again.Added);
        Assert.Empty(again.Unfilled);
        Assert.Equal(4, again.ExistingKept);
    }

    [Fact]
    public async Task A_review_saves_as_a_draft_submits_only_when_complete_detects_stale_edits_and_marks_late_reviews()
    {
        var s = await ScenarioAsync(reviewDeadline: DateTimeOffset.UtcNow.AddDays(-1));
        var reviews = app.Get<ReviewService>();
        var view = (await reviews.LoadAsync(s.PaperId, s.Reviewer.Id))!;
        Assert.Null(view.Authors);
        Assert.Equal(1, view.OwnLabel);

        var draft = new ReviewInput { Scores = new() { [s.CriterionIds[0]] = 4 }, CommentsToAuthors = "初稿", ConcurrencyStamp = view.Input.ConcurrencyStamp };
        Assert.Equal(SaveOutcome.Saved, (await reviews.SaveAsync(s.PaperId, s.Reviewer.Id, draft, submit: false)).Outcome);
        var staleStamp = view.Input.ConcurrencyStamp;

        var incomplete = await reviews.SaveAsync(s.PaperId, s.Reviewer.Id, draft, submit: true);
        Assert.Equal(SaveOutcome.Invalid, incomplete.Outcome);
        Assert.Contains(new Events.Core.Validation.RuleViolation(ReviewInput.ScoreField(s.CriterionIds[1]), "Required"), incomplete.Violations);

        var stale = new ReviewInput { Scores = new() { [s.CriterionIds[0]] = 2 }, ConcurrencyStamp = staleStamp };
        Assert.Equal(SaveOutcome.Conflict, (await reviews.SaveAsync(s.PaperId, s.Reviewer.Id, stale, submit: false)).Outcome);

        view = (await reviews.LoadAsync(s.PaperId, s.Reviewer.Id))!;
        Assert.Equal(4, view.Input.Scores[s.CriterionIds[0]]);
        Assert.Equal(ReviewState.Draft, view.State);
        Assert.Equal(SaveOutcome.Saved, (await reviews.SaveAsync(s.PaperId, s.Reviewer.Id, ReviewScenario.CompleteReview(view, 5, "结论可信。"), submit: true)).Outcome);
        view = (await reviews.LoadAsync(s.PaperId, s.Reviewer.Id))!;
        Assert.Equal(ReviewState.Submitted, view.State);
        Assert.True(view.Late);

        var table = await app.Get<DecisionService>().TableAsync(s.EventId);
        var row = table.Rows.Single(r => r.SubmissionId == s.PaperId);
        Assert.Equal(100d, row.Standing.WeightedMean!.Value, 6);
        Assert.Equal((1, 2, 2), (row.Standing.ReviewsDone, row.Assigned, row.Required));
        Assert.Equal(s.PaperId, table.Rows[0].SubmissionId);
    }

    [Fact]
    public async Task A_decision_saved_from_a_stale_table_is_refused()
    {
        var s = await ScenarioAsync();
        var decisions = app.Get<DecisionService>();
        var stamp = (await decisions.TableAsync(s.EventId)).Rows.Single(r => r.SubmissionId == s.PaperId).ConcurrencyStamp;

        Assert.Equal(SaveOutcome.Saved, (await decisions.DecideAsync(TestActors.Admin, s.EventId, s.PaperId, Decision.AcceptPoster, stamp)).Outcome);
        Assert.Equal(SaveOutcome.Conflict, (await decisions.DecideAsync(TestActors.Admin, s.EventId, s.PaperId, Decision.Reject, stamp)).Outcome);

        var filtered = await decisions.TableAsync(s.EventId, s.TopicIds[1]);
        Assert.Equal([s.OtherPaperId], filtered.Rows.Select(r => r.SubmissionId));
        Assert.Equal(Decision.AcceptPoster, (await decisions.TableAsync(s.EventId)).Rows.Single(r => r.SubmissionId == s.PaperId).Decision);
    }

    [Fact]
    public async Task The_author_sees_the_talks_session_time_and_room_once_the_decision_was_sent()
    {
        var s = await ScenarioAsync();
        var decisions = app.Get<DecisionService>();
        var stamp = (await decisions.TableAsync(s.EventId)).Rows.Single(r => r.SubmissionId == s.PaperId).ConcurrencyStamp;
        await decisions.DecideAsync(TestActors.Admin, s.EventId, s.PaperId, Decision.AcceptOral, stamp);
        var placement = app.Get<PaperPlacement>();
        var session = Assert.Single(await placement.SessionsAsync(s.EventId));
        var placed = await placement.PlaceAsync(TestActors.Admin, s.EventId, s.PaperId, session.SessionId, null, [], 12);
        var submissions = app.Get<SubmissionService>();

        Assert.Null((await submissions.GetForAuthorAsync(s.PaperId, s.Author.Id))!.Slot);

        await decisions.NotifyAsync(TestActors.Admin, s.EventId);
        var slot = (await submissions.GetForAuthorAsync(s.PaperId, s.Author.Id))!.Slot;

        await using var db = app.CreateDbContext();
        var row = await db.Sessions.Include(x => x.Items).Include(x => x.Room).SingleAsync(x => x.Id == session.SessionId);
        var before = row.Items.Where(i => i.Id != placed.ItemId).Sum(i => i.DurationMinutes);
        Assert.Equal(new PaperSlot(row.Title, row.Start.AddMinutes(before), row.Start.AddMinutes(before + 12), row.Room?.Name), slot);

        var zone = TimeZoneInfo.FindSystemTimeZoneById((await db.Events.SingleAsync(e => e.Id == s.EventId)).TimeZoneId);
        var local = (DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, zone);
        var text = System.Text.RegularExpressions.Regex.Replace(await HtmlAsync(s.Author, $"/papers/{s.PaperId}"), "<[^>]+>", "");
        Assert.Contains($"{row.Title} · {local(slot!.Start):yyyy-MM-dd HH:mm}–{local(slot.End):HH:mm}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Placing_a_paper_adds_an_item_with_presenter_and_discussants_and_removing_the_item_unplaces_it()
    {
        var s = await ScenarioAsync();
        var decisions = app.Get<DecisionService>();
        var stamp = (await decisions.TableAsync(s.EventId)).Rows.Single(r => r.SubmissionId == s.PaperId).ConcurrencyStamp;
        await decisions.DecideAsync(TestActors.Admin, s.EventId, s.PaperId, Decision.AcceptOral, stamp);
        var placement = app.Get<PaperPlacement>();
        var session = Assert.Single(await placement.SessionsAsync(s.EventId));
        int discussant;
        await using (var db = app.CreateDbContext())
        {
            discussant = await db.People.Where(p => p.Name == "郭俊华").Select(p => p.Id).SingleAsync();
        }

        Assert.Equal(PlacementOutcome.NotAccepted, (await placement.PlaceAsync(TestActors.Admin, s.EventId, s.OtherPaperId, session.SessionId, null, [])).Outcome);
        var placed = await placement.PlaceAsync(TestActors.Admin, s.EventId, s.PaperId, session.SessionId, null, [discussant]);
        Assert.Equal(PlacementOutcome.Placed, placed.Outcome);
        Assert.Equal(PlacementOutcome.AlreadyPlaced, (await placement.PlaceAsync(TestActors.Admin, s.EventId, s.PaperId, session.SessionId, null, [])).Outcome);

        await using (var db = app.CreateDbContext())
        {
            var item = await db.SessionItems.Include(i => i.Participants).ThenInclude(p => p.Person).ThenInclude(p => p!.Positions).SingleAsync(i => i.Id == placed.ItemId);
            Assert.Equal(ReviewScenario.PaperTitle, item.Title);
            Assert.Equal(session.SessionId, item.SessionId);
            var speaker = Assert.Single(item.Participants, p => p.Role == ItemRole.Speaker);
            Assert.Equal((ReviewScenario.AuthorName, ReviewScenario.AuthorEmail), (speaker.Person!.Name, speaker.Person.Email));
            Assert.Equal(ReviewScenario.AuthorAffiliation, Assert.Single(speaker.Person.Positions).Title);
            Assert.Equal(discussant, Assert.Single(item.Participants, p => p.Role == ItemRole.Discussant).PersonId);
            Assert.Equal(placed.ItemId, (await db.Submissions.SingleAsync(x => x.Id == s.PaperId)).SessionItemId);
        }

        // Removing the item in the timetable's editor unplaces the paper; the other items keep their identity.
        var program = app.Get<ProgramService>();
        var input = (await program.LoadSessionAsync(session.SessionId))!;
        var otherIds = input.Items.Where(i => i.Id != placed.ItemId).Select(i => i.Id).ToList();
        input.Items.RemoveAll(i => i.Id == placed.ItemId);
        Assert.Equal(SaveOutcome.Saved, (await program.SaveSessionAsync(TestActors.Admin, s.EventId, input)).Outcome);
        await using (var db = app.CreateDbContext())
        {
            Assert.Null((await db.Submissions.SingleAsync(x => x.Id == s.PaperId)).SessionItemId);
            Assert.False(await db.SessionItems.AnyAsync(i => i.Id == placed.ItemId));
            Assert.Equal(otherIds, await db.SessionItems.Where(i => i.SessionId == session.SessionId).OrderBy(i => i.Order).Select(i => (int?)i.Id).ToListAsync());
        }

        // Placed again, the presenter is the same person (found by address); deleting the whole session unplaces it too.
        var again = await placement.PlaceAsync(TestActors.Admin, s.EventId, s.PaperId, session.SessionId, null, []);
        Assert.Equal(PlacementOutcome.Placed, again.Outcome);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(1, await db.People.CountAsync(p => p.Email == ReviewScenario.AuthorEmail));
        }
        var stampNow = (await program.LoadSessionAsync(session.SessionId))!.ConcurrencyStamp;
        Assert.Equal(SaveOutcome.Saved, (await program.DeleteSessionAsync(TestActors.Admin, session.SessionId, stampNow)).Outcome);
        await using (var db = app.CreateDbContext())
        {
            Assert.Null((await db.Submissions.SingleAsync(x => x.Id == s.PaperId)).SessionItemId);
        }
    }

    [Fact]
    public async Task An_invitation_is_mailed_with_its_link_and_accepting_links_the_account_with_its_topics()
    {
        var s = await ScenarioAsync();
        var reviewers = app.Get<ReviewerService>();
        var newcomer = await TestUsers.CreateAsync(app, "newcomer@test.local", []);
        var invited = await reviewers.InviteAsync(TestActors.Admin, s.EventId, new ReviewerInvite { Email = "Newcomer@Test.local", Name = "新来的审稿人", Affiliation = "浙江大学" });
        Assert.Equal(SaveOutcome.Saved, invited.Outcome);
        Assert.Equal(SaveOutcome.Invalid, (await reviewers.InviteAsync(TestActors.Admin, s.EventId, new ReviewerInvite { Email = "newcomer@test.local", Name = "重复" })).Outcome);

        string token;
        await using (var db = app.CreateDbContext())
        {
            token = await db.Reviewers.Where(r => r.Id == invited.Id).Select(r => r.InvitationToken).SingleAsync();
            var mail = await db.OutboxMessages.Include(m => m.Recipients).SingleAsync(m => m.TemplateKey == MailTemplateKeys.ReviewerInvitation && m.Recipients.Any(r => r.Address == "Newcomer@Test.local"));
            Assert.Contains($"/reviewing/invitations/{token}", mail.TextBody, StringComparison.Ordinal);
            Assert.Equal("zh-CN", mail.Culture);
        }
        Assert.Single(await reviewers.PendingInvitationsAsync(newcomer.Id));

        Assert.Equal(InvitationOutcome.Done, await reviewers.AcceptAsync(token, newcomer.Id, [s.TopicIds[1], 999_999]));
        Assert.Equal(InvitationOutcome.UsedByAnotherAccount, await reviewers.AcceptAsync(token, s.Author.Id, []));
        Assert.Equal(InvitationOutcome.HasAssignments, await reviewers.DeclineAsync(await TokenOfAsync(s.ReviewerId), s.Reviewer.Id));

        var row = (await reviewers.ListAsync(s.EventId)).Single(r => r.Id == invited.Id);
        Assert.Equal((ReviewerState.Accepted, true), (row.State, row.Linked));
        Assert.Equal(["绿色创新"], row.Topics);
        Assert.Equal(3, row.EffectiveMaxLoad);
        Assert.Single(await reviewers.EventsOfAsync(newcomer.Id));
        await using (var db = app.CreateDbContext())
        {
            var roleId = await db.Roles.Where(r => r.Name == Roles.Reviewer).Select(r => r.Id).SingleAsync();
            Assert.True(await db.UserRoles.AnyAsync(ur => ur.UserId == newcomer.Id && ur.RoleId == roleId));
        }
        var page = await HtmlAsync(newcomer, $"/reviewing/events/{s.EventId}");
        Assert.Contains(ReviewScenario.PaperTitle, page, StringComparison.Ordinal);
    }

    private async Task<string> TokenOfAsync(int reviewerId)
    {
        await using var db = app.CreateDbContext();
        return await db.Reviewers.Where(r => r.Id == reviewerId).Select(r => r.InvitationToken).SingleAsync();
    }
}
