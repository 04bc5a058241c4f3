using Events.Core.Access;
using Events.Infrastructure.Access;
using System.Globalization;
using Events.Core.Mail;
using Events.Core.Papers;
using Events.Core.Reviews;
using Events.Core.Reviews.Conflicts;
using Events.Infrastructure.Data;
using Events.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Reviews;

public sealed record BoardAssignment(int AssignmentId, int ReviewerId, string ReviewerName, AssignmentSource Source, ReviewState? State);

public sealed record BoardPaper(int SubmissionId, int Number, string Title, int? TopicId, string? Topic, IReadOnlyList<BoardAssignment> Assignments);

public sealed record BoardReviewer(int ReviewerId, string Name, string? Affiliation, int Load, int MaxLoad, IReadOnlyList<int> TopicIds);

/// <summary>The organizer's assignment page: papers, accepted reviewers, bids and every conflict with its reason.</summary>
public sealed record AssignmentBoard(int ReviewsPerPaper, IReadOnlyList<BoardPaper> Papers, IReadOnlyList<BoardReviewer> Reviewers,
    IReadOnlyDictionary<(int SubmissionId, int ReviewerId), BidPreference> Bids, ILookup<(int SubmissionId, int ReviewerId), ConflictFinding> Conflicts);

public enum AssignOutcome
{
    Assigned,
    Conflict,
    AlreadyAssigned,
    NotFound,
    ReviewSubmitted,
    Removed,
    ConflictDeclared,
    ConflictWithdrawn,
}

public sealed record AssignResult(AssignOutcome Outcome, IReadOnlyList<ConflictFinding> Conflicts)
{
    public static AssignResult Of(AssignOutcome outcome) => new(outcome, []);
}

/// <summary>Manual assignment. Every assignment, however it is made, passes the conflict check here on the server.</summary>
public sealed class AssignmentService(IDbContextFactory<EventsDbContext> factory, Outbox outbox, TimeProvider clock, EventRights rights)
{
    public async Task<AssignmentBoard> BoardAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var call = await ReviewService.CallAsync(db, eventId, ct);
        var papers = await db.Submissions.Where(s => s.EventId == eventId && s.State != SubmissionState.Withdrawn).OrderBy(s => s.Number)
            .Select(s => new { s.Id, s.Number, s.Title, s.TopicId, Topic = s.Topic == null ? null : s.Topic.Name }).AsNoTracking().ToListAsync(ct);
        var assignments = await db.ReviewAssignments.Where(a => a.Reviewer!.EventId == eventId)
            .Select(a => new { a.Id, a.SubmissionId, a.ReviewerId, a.Reviewer!.Name, a.Source, State = a.Review == null ? (ReviewState?)null : a.Review.State })
            .AsNoTracking().ToListAsync(ct);
        var reviewers = await db.Reviewers.Where(r => r.EventId == eventId && r.State == ReviewerState.Accepted)
            .Select(r => new { r.Id, r.Name, r.Affiliation, r.MaxLoad, Topics = r.Topics.Select(t => t.TopicId).ToList() }).AsNoTracking().ToListAsync(ct);
        var bids = await db.Bids.Where(b => db.Reviewers.Any(r => r.Id == b.ReviewerId && r.EventId == eventId))
            .Select(b => new { b.SubmissionId, b.ReviewerId, b.Preference }).AsNoTracking().ToListAsync(ct);
        var accepted = reviewers.Select(r => r.Id).ToHashSet();
        var conflicts = (await ConflictData.ForEventAsync(db, eventId, ct)).Where(c => accepted.Contains(c.ReviewerId)).ToList();
        var byPaper = assignments.ToLookup(a => a.SubmissionId);
        var load = assignments.GroupBy(a => a.ReviewerId).ToDictionary(g => g.Key, g => g.Count());
        var culture = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), false);
        return new AssignmentBoard(call.ReviewsPerPaper,
            papers.Select(p => new BoardPaper(p.Id, p.Number, p.Title, p.TopicId, p.Topic,
                byPaper[p.Id].OrderBy(a => a.Id).Select(a => new BoardAssignment(a.Id, a.ReviewerId, a.Name, a.Source, a.State)).ToList())).ToList(),
            reviewers.OrderBy(r => r.Name, culture).Select(r => new BoardReviewer(r.Id, r.Name, r.Affiliation, load.GetValueOrDefault(r.Id), r.MaxLoad ?? call.MaxLoadPerReviewer, r.Topics)).ToList(),
            bids.ToDictionary(b => (b.SubmissionId, b.ReviewerId), b => b.Preference),
            conflicts.ToLookup(c => (c.SubmissionId, c.ReviewerId)));
    }

    /// <summary>Assigns one reviewer to one paper and mails them. A conflict of any kind refuses it, with the reasons.</summary>
    public async Task<AssignResult> AssignAsync(Actor actor, int eventId, int submissionId, int reviewerId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var reviewer = await db.Reviewers.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reviewerId && r.EventId == eventId && r.State == ReviewerState.Accepted, ct);
        var submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == submissionId && s.EventId == eventId && s.State != SubmissionState.Withdrawn, ct);
        if (reviewer is null || submission is null) return AssignResult.Of(AssignOutcome.NotFound);
        var conflicts = await ConflictData.ForReviewerAsync(db, reviewerId, db.Submissions.Where(s => s.Id == submissionId), ct);
        if (conflicts.Count > 0) return new AssignResult(AssignOutcome.Conflict, conflicts);
        if (await db.ReviewAssignments.AnyAsync(a => a.SubmissionId == submissionId && a.ReviewerId == reviewerId, ct)) return AssignResult.Of(AssignOutcome.AlreadyAssigned);

        db.ReviewAssignments.Add(new ReviewAssignment { SubmissionId = submissionId, ReviewerId = reviewerId, Source = AssignmentSource.Manual, AssignedAt = clock.GetUtcNow() });
        await QueueAssignmentMailAsync(db, eventId, reviewer, [submission], ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return AssignResult.Of(AssignOutcome.AlreadyAssigned);
        }
        return AssignResult.Of(AssignOutcome.Assigned);
    }

    /// <summary>
    /// Records a conflict the organizers know of and no rule detects (a supervisor, a close collaborator outside this event,
    /// a relative). An unsubmitted assignment of that reviewer to the paper is withdrawn with its draft; a submitted review
    /// is never thrown away this way. Declaring again replaces the reason.
    /// </summary>
    public async Task<AssignResult> DeclareConflictAsync(Actor actor, int eventId, int submissionId, int reviewerId, string? reason, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var known = await db.Reviewers.AnyAsync(r => r.Id == reviewerId && r.EventId == eventId, ct)
            && await db.Submissions.AnyAsync(s => s.Id == submissionId && s.EventId == eventId && s.State != SubmissionState.Withdrawn, ct);
        if (!known) return AssignResult.Of(AssignOutcome.NotFound);
        if (!await ConflictDeclarations.DeclareAsync(db, reviewerId, submissionId, ConflictSource.Organizer, reason, clock.GetUtcNow(), ct))
        {
            return AssignResult.Of(AssignOutcome.ReviewSubmitted);
        }
        await db.SaveChangesAsync(ct);
        return AssignResult.Of(AssignOutcome.ConflictDeclared);
    }

    /// <summary>Withdraws a conflict the organizers declared; conflicts from the rules, authors or reviewers stay.</summary>
    public async Task<AssignResult> WithdrawConflictAsync(Actor actor, int eventId, int submissionId, int reviewerId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var removed = await db.DeclaredConflicts
            .Where(d => d.ReviewerId == reviewerId && d.SubmissionId == submissionId && d.DeclaredBy == ConflictSource.Organizer
                && db.Submissions.Any(s => s.Id == submissionId && s.EventId == eventId))
            .ExecuteDeleteAsync(ct);
        return AssignResult.Of(removed > 0 ? AssignOutcome.ConflictWithdrawn : AssignOutcome.NotFound);
    }

    /// <summary>Removes an assignment and its draft. A submitted review is never thrown away this way.</summary>
    public async Task<AssignResult> UnassignAsync(Actor actor, int eventId, int assignmentId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var assignment = await db.ReviewAssignments.Include(a => a.Review).Include(a => a.Reviewer)
            .FirstOrDefaultAsync(a => a.Id == assignmentId && a.Reviewer!.EventId == eventId, ct);
        if (assignment is null) return AssignResult.Of(AssignOutcome.NotFound);
        if (assignment.Review?.State == ReviewState.Submitted) return AssignResult.Of(AssignOutcome.ReviewSubmitted);
        db.ReviewAssignments.Remove(assignment);
        await db.SaveChangesAsync(ct);
        return AssignResult.Of(AssignOutcome.Removed);
    }

    /// <summary>One mail listing the reviewer's new papers by number and title; author names never go into reviewers' mail.</summary>
    internal async Task QueueAssignmentMailAsync(EventsDbContext db, int eventId, Reviewer reviewer, IReadOnlyList<Submission> papers, CancellationToken ct)
    {
        var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId, ct);
        var call = await db.CallsForPapers.AsNoTracking().FirstOrDefaultAsync(c => c.EventId == eventId, ct);
        var preferred = reviewer.UserId is null ? null : await db.Users.Where(u => u.Id == reviewer.UserId).Select(u => u.PreferredCulture).FirstOrDefaultAsync(ct);
        var culture = MailTemplateStore.Normalize(ReviewMail.CultureFor(preferred, reviewer.Name));
        var address = reviewer.UserId is null ? null : await db.Users.Where(u => u.Id == reviewer.UserId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        await outbox.EnqueueAsync(db, MailTemplateKeys.ReviewAssignment, new MailRecipient(address ?? reviewer.Email, reviewer.Name, culture),
            new Dictionary<string, string>
            {
                ["name"] = reviewer.Name,
                ["eventTitle"] = ev.Title,
                ["papers"] = string.Join("\n", papers.OrderBy(p => p.Number).Select(p => ReviewMail.PaperLine(p.Number, p.Title))),
                ["reviewDeadline"] = call is null ? "-" : ReviewMail.Time(call.ReviewDeadline, ev.TimeZoneId),
                ["link"] = outbox.Options.Link($"/reviewing/events/{eventId}"),
            },
            eventId, $"Reviewer:{reviewer.Id}", ct: ct);
    }
}
