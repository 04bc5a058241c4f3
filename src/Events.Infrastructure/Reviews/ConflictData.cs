using Events.Core.Papers;
using Events.Core.Reviews;
using Events.Core.Reviews.Conflicts;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Reviews;

/// <summary>Loads what <see cref="ConflictRules"/> compares, in a few set-based queries per call.</summary>
internal static class ConflictData
{
    public static async Task<List<PaperParties>> PapersAsync(EventsDbContext db, IQueryable<Submission> submissions, CancellationToken ct)
    {
        var rows = await submissions
            .Select(s => new
            {
                s.Id, s.Number, s.SubmitterUserId,
                SubmitterEmail = db.Users.Where(u => u.Id == s.SubmitterUserId).Select(u => u.Email).FirstOrDefault(),
                Authors = s.Authors.OrderBy(a => a.Order).Select(a => new PaperAuthor(a.Name, a.Email, a.Affiliation)).ToList(),
            })
            .AsSplitQuery().AsNoTracking().ToListAsync(ct);
        return rows.Select(r => new PaperParties(r.Id, r.Number, r.SubmitterUserId, r.SubmitterEmail, r.Authors)).ToList();
    }

    public static async Task<List<ReviewerIdentity>> ReviewersAsync(EventsDbContext db, IQueryable<Reviewer> reviewers, CancellationToken ct)
    {
        var rows = await reviewers
            .Select(r => new
            {
                r.Id, r.UserId, r.Email, r.Name, r.Affiliation,
                // An unconfirmed account address proves nothing about its holder, so it neither grants nor binds.
                AccountEmail = db.Users.Where(u => u.Id == r.UserId && u.EmailConfirmed).Select(u => u.Email).FirstOrDefault(),
            })
            .AsNoTracking().ToListAsync(ct);
        return rows.Select(r => new ReviewerIdentity(r.Id, r.UserId,
            r.AccountEmail is null ? [r.Email] : [r.Email, r.AccountEmail], r.Name, r.Affiliation)).ToList();
    }

    /// <summary>Declared conflicts, and conflict bids as the reviewer's own declaration (they are written together, this is belt and braces).</summary>
    public static async Task<List<DeclaredConflictInput>> DeclaredAsync(EventsDbContext db, IQueryable<Reviewer> reviewers, IQueryable<Submission> submissions, CancellationToken ct)
    {
        var declared = await db.DeclaredConflicts
            .Where(d => reviewers.Any(r => r.Id == d.ReviewerId) && submissions.Any(s => s.Id == d.SubmissionId))
            .Select(d => new DeclaredConflictInput(d.SubmissionId, d.ReviewerId, d.DeclaredBy, d.Reason))
            .AsNoTracking().ToListAsync(ct);
        var bids = await db.Bids
            .Where(b => b.Preference == BidPreference.Conflict && reviewers.Any(r => r.Id == b.ReviewerId) && submissions.Any(s => s.Id == b.SubmissionId))
            .Select(b => new { b.SubmissionId, b.ReviewerId }).AsNoTracking().ToListAsync(ct);
        foreach (var bid in bids)
        {
            if (!declared.Any(d => d.SubmissionId == bid.SubmissionId && d.ReviewerId == bid.ReviewerId && d.DeclaredBy == ConflictSource.Reviewer))
            {
                declared.Add(new DeclaredConflictInput(bid.SubmissionId, bid.ReviewerId, ConflictSource.Reviewer, null));
            }
        }
        return declared;
    }

    /// <summary>Every conflict between the event's reviewers (invited, accepted or declined) and its papers.</summary>
    public static async Task<IReadOnlyList<ConflictFinding>> ForEventAsync(EventsDbContext db, int eventId, CancellationToken ct)
    {
        var submissions = db.Submissions.Where(s => s.EventId == eventId);
        var reviewers = db.Reviewers.Where(r => r.EventId == eventId);
        var rules = new ConflictRules(await PapersAsync(db, submissions, ct));
        return rules.FindAll(await ReviewersAsync(db, reviewers, ct), await DeclaredAsync(db, reviewers, submissions, ct));
    }

    /// <summary>
    /// The conflicts that shape what the reviewer sees and may open (see <see cref="ConflictRules.LimitsReviewerView"/>):
    /// nothing the reviewer does to their own submissions changes them, so they cannot be used to test guesses about authors.
    /// </summary>
    public static async Task<IReadOnlyList<ConflictFinding>> ForReviewerViewAsync(EventsDbContext db, int reviewerId, IQueryable<Submission> targets, CancellationToken ct) =>
        (await ForReviewerAsync(db, reviewerId, targets, ct)).Where(c => ConflictRules.LimitsReviewerView(c.Reason)).ToList();

    /// <summary>
    /// One reviewer against some papers of the event. Co-authorship needs the papers the reviewer wrote too,
    /// so those are loaded alongside the targets rather than the whole event.
    /// </summary>
    public static async Task<IReadOnlyList<ConflictFinding>> ForReviewerAsync(EventsDbContext db, int reviewerId, IQueryable<Submission> targets, CancellationToken ct)
    {
        var reviewerQuery = db.Reviewers.Where(r => r.Id == reviewerId);
        var reviewer = (await ReviewersAsync(db, reviewerQuery, ct)).SingleOrDefault();
        if (reviewer is null) return [];
        var eventId = await reviewerQuery.Select(r => r.EventId).SingleAsync(ct);
        var emails = reviewer.Emails.Select(ConflictRules.NormalizeEmail).ToList();
        var userId = reviewer.UserId;
        var written = db.Submissions.Where(s => s.EventId == eventId
            && ((userId != null && s.SubmitterUserId == userId) || s.Authors.Any(a => a.Email != null && emails.Contains(a.Email.ToLower()))));
        var targetPapers = await PapersAsync(db, targets, ct);
        var writtenPapers = await PapersAsync(db, written, ct);
        var rules = new ConflictRules(writtenPapers.Concat(targetPapers).DistinctBy(p => p.SubmissionId).ToList());
        var found = targetPapers.SelectMany(p => rules.Detect(reviewer, p)).ToList();
        var declared = await DeclaredAsync(db, reviewerQuery, targets, ct);
        found.AddRange(declared.Select(d => new ConflictFinding(d.SubmissionId, d.ReviewerId, ConflictRules.ReasonOf(d.DeclaredBy), d.Reason)));
        return found;
    }
}
