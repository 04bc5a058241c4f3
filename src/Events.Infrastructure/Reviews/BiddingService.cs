using Events.Core.Common;
using Events.Core.Papers;
using Events.Core.Reviews;
using Events.Core.Reviews.Conflicts;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Reviews;

/// <summary>A paper as a reviewer sees it before assignment. <see cref="Authors"/> is null in a double-blind call.</summary>
public sealed record BidPaper(int SubmissionId, int Number, string Title, string? Topic, string Abstract, string? Keywords,
    IReadOnlyList<string>? Authors, BidPreference? Bid);

public sealed record DeclaredPaper(int SubmissionId, int Number, string Title, string? Reason);

public sealed record AssignedPaper(int SubmissionId, int Number, string Title, ReviewState? State, bool Late);

public sealed record ReviewerWorkspace(int ReviewerId, int EventId, string EventTitle, string TimeZoneId, ReviewMode Mode, DateTimeOffset? ReviewDeadline,
    IReadOnlyList<TopicOption> Topics, IReadOnlyList<int> MyTopics, IReadOnlyList<DeclaredPaper> Declared, IReadOnlyList<AssignedPaper> Assigned);

public enum BidOutcome
{
    Saved,
    NotFound,
    ReviewSubmitted,
}

/// <summary>
/// A reviewer's page of an event: the papers to bid on and the papers assigned. Papers in conflict with the reviewer
/// never appear, except those the reviewer declared a conflict with themselves: those stay listed by number and title
/// (which the reviewer has already read) so a mistaken declaration can be withdrawn.
/// </summary>
public sealed class BiddingService(IDbContextFactory<EventsDbContext> factory, TimeProvider clock)
{
    public async Task<ReviewerWorkspace?> WorkspaceAsync(int eventId, string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var reviewer = await AcceptedAsync(db, eventId, userId, ct);
        if (reviewer is null) return null;
        var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId, ct);
        var call = await db.CallsForPapers.AsNoTracking().FirstOrDefaultAsync(c => c.EventId == eventId, ct);
        var conflicts = await ConflictsAsync(db, reviewer.Id, eventId, ct);
        var othersConflicted = conflicts.Where(c => c.Reason != ConflictReason.DeclaredByReviewer).Select(c => c.SubmissionId).ToHashSet();
        var ownDeclared = conflicts.Where(c => c.Reason == ConflictReason.DeclaredByReviewer && !othersConflicted.Contains(c.SubmissionId))
            .GroupBy(c => c.SubmissionId).ToDictionary(g => g.Key, g => g.Select(c => c.Detail).FirstOrDefault(d => d is not null));
        var declaredIds = ownDeclared.Keys.ToList();
        var declared = await db.Submissions.Where(s => declaredIds.Contains(s.Id) && s.State != SubmissionState.Withdrawn)
            .OrderBy(s => s.Number).Select(s => new { s.Id, s.Number, s.Title }).AsNoTracking().ToListAsync(ct);
        var assigned = await db.ReviewAssignments.Where(a => a.ReviewerId == reviewer.Id)
            .Join(db.Submissions.Where(s => s.State != SubmissionState.Withdrawn), a => a.SubmissionId, s => s.Id,
                (a, s) => new { s.Id, s.Number, s.Title, State = a.Review == null ? (ReviewState?)null : a.Review.State, SubmittedAt = a.Review == null ? null : a.Review.SubmittedAt })
            .OrderBy(x => x.Number).AsNoTracking().ToListAsync(ct);
        return new ReviewerWorkspace(reviewer.Id, eventId, ev.Title, ev.TimeZoneId, call?.ReviewMode ?? ReviewMode.DoubleBlind, call?.ReviewDeadline,
            await ReviewerService.TopicsAsync(db, eventId, ct),
            await db.ReviewerTopics.Where(t => t.ReviewerId == reviewer.Id).Select(t => t.TopicId).ToListAsync(ct),
            declared.Select(d => new DeclaredPaper(d.Id, d.Number, d.Title, ownDeclared[d.Id])).ToList(),
            assigned.Where(a => !othersConflicted.Contains(a.Id))
                .Select(a => new AssignedPaper(a.Id, a.Number, a.Title, a.State, call is not null && ReviewVisibility.IsLate(a.SubmittedAt, call.ReviewDeadline))).ToList());
    }

    /// <summary>The papers open for bidding, a page at a time, searched by title or number and filtered by topic.</summary>
    public async Task<PagedResult<BidPaper>> BiddablePageAsync(int eventId, string userId, PageRequest page, int? topicId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var reviewer = await AcceptedAsync(db, eventId, userId, ct);
        if (reviewer is null) return new PagedResult<BidPaper>([], 0);
        var call = await db.CallsForPapers.AsNoTracking().FirstOrDefaultAsync(c => c.EventId == eventId, ct);
        var hidden = (await ConflictsAsync(db, reviewer.Id, eventId, ct)).Select(c => c.SubmissionId).Distinct().ToList();
        var query = db.Submissions.Where(s => s.EventId == eventId && s.State != SubmissionState.Withdrawn && !hidden.Contains(s.Id)
            && !db.ReviewAssignments.Any(a => a.ReviewerId == reviewer.Id && a.SubmissionId == s.Id));
        if (topicId is { } t) query = query.Where(s => s.TopicId == t);
        if (page.Term is { } term)
        {
            query = int.TryParse(term.TrimStart('#'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
                ? query.Where(s => s.Number == number || s.Title.Contains(term))
                : query.Where(s => s.Title.Contains(term) || (s.Keywords != null && s.Keywords.Contains(term)));
        }
        var total = await query.CountAsync(ct);
        var blind = (call?.ReviewMode ?? ReviewMode.DoubleBlind) == ReviewMode.DoubleBlind;
        var rows = await query.OrderBy(s => s.Number).Skip(page.Skip).Take(page.Take)
            .Select(s => new
            {
                s.Id, s.Number, s.Title, Topic = s.Topic == null ? null : s.Topic.Name, s.Abstract, s.Keywords,
                Bid = db.Bids.Where(b => b.ReviewerId == reviewer.Id && b.SubmissionId == s.Id).Select(b => (BidPreference?)b.Preference).FirstOrDefault(),
            })
            .AsNoTracking().ToListAsync(ct);
        Dictionary<int, List<string>> authors = [];
        if (!blind)
        {
            var ids = rows.Select(r => r.Id).ToList();
            authors = (await db.Authors.Where(a => ids.Contains(a.SubmissionId)).OrderBy(a => a.Order).AsNoTracking().ToListAsync(ct))
                .GroupBy(a => a.SubmissionId).ToDictionary(g => g.Key, g => g.Select(a => $"{a.Name}（{a.Affiliation}）").ToList());
        }
        return new PagedResult<BidPaper>(rows.Select(r => new BidPaper(r.Id, r.Number, r.Title, r.Topic, r.Abstract, r.Keywords,
            blind ? null : authors.GetValueOrDefault(r.Id) ?? [], r.Bid)).ToList(), total);
    }

    /// <summary>
    /// Records a bid; null clears it. A conflict bid is the reviewer's declaration of a conflict of interest: it is stored
    /// as such, and an assignment to that paper is withdrawn unless its review is already submitted.
    /// </summary>
    public async Task<BidOutcome> SetBidAsync(int eventId, string userId, int submissionId, BidPreference? preference, string? reason = null, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var reviewer = await AcceptedAsync(db, eventId, userId, ct);
        if (reviewer is null) return BidOutcome.NotFound;
        if (!await db.Submissions.AnyAsync(s => s.Id == submissionId && s.EventId == eventId && s.State != SubmissionState.Withdrawn, ct)) return BidOutcome.NotFound;
        var conflicts = await ConflictData.ForReviewerViewAsync(db, reviewer.Id, db.Submissions.Where(s => s.Id == submissionId), ct);
        if (conflicts.Any(c => c.Reason != ConflictReason.DeclaredByReviewer)) return BidOutcome.NotFound;

        var bid = await db.Bids.FirstOrDefaultAsync(b => b.ReviewerId == reviewer.Id && b.SubmissionId == submissionId, ct);
        if (preference == BidPreference.Conflict)
        {
            if (!await ConflictDeclarations.DeclareAsync(db, reviewer.Id, submissionId, ConflictSource.Reviewer, reason, clock.GetUtcNow(), ct)) return BidOutcome.ReviewSubmitted;
        }
        else if (await db.DeclaredConflicts.FirstOrDefaultAsync(d => d.ReviewerId == reviewer.Id && d.SubmissionId == submissionId && d.DeclaredBy == ConflictSource.Reviewer, ct) is { } declared)
        {
            db.DeclaredConflicts.Remove(declared);
        }

        if (preference is { } p)
        {
            if (bid is null) db.Bids.Add(new Bid { ReviewerId = reviewer.Id, SubmissionId = submissionId, Preference = p });
            else bid.Preference = p;
        }
        else if (bid is not null)
        {
            db.Bids.Remove(bid);
        }
        await db.SaveChangesAsync(ct);
        return BidOutcome.Saved;
    }

    internal static Task<Reviewer?> AcceptedAsync(EventsDbContext db, int eventId, string userId, CancellationToken ct) =>
        db.Reviewers.AsNoTracking().FirstOrDefaultAsync(r => r.EventId == eventId && r.UserId == userId && r.State == ReviewerState.Accepted, ct);

    /// <summary>What the reviewer's lists leave out: conflicts they cannot cause themselves (see ConflictRules.LimitsReviewerView).</summary>
    private static Task<IReadOnlyList<ConflictFinding>> ConflictsAsync(EventsDbContext db, int reviewerId, int eventId, CancellationToken ct) =>
        ConflictData.ForReviewerViewAsync(db, reviewerId, db.Submissions.Where(s => s.EventId == eventId), ct);
}
