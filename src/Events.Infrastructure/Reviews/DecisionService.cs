using Events.Core.Access;
using Events.Core.Common;
using Events.Core.Mail;
using Events.Core.Papers;
using Events.Core.Reviews;
using Events.Core.Reviews.Conflicts;
using Events.Infrastructure.Papers;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Events.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Reviews;

public sealed record DecisionRow(int SubmissionId, int Number, string Title, int? TopicId, string? Topic, PaperStanding Standing, int Assigned,
    int Required, Decision? Decision, DateTimeOffset? DecidedAt, DateTimeOffset? NotifiedAt, int? SessionItemId, Guid ConcurrencyStamp)
{
    /// <summary>The authors, told to revise, have uploaded a new version since: the paper waits for a new decision.</summary>
    public bool RevisionReceived { get; init; }
}

public sealed record DecisionTable(IReadOnlyList<DecisionRow> Rows, IReadOnlyList<TopicOption> Topics, string TimeZoneId, int Undecided, int ToNotify);

/// <summary>A review as organizers see it: who wrote it, every number, and the confidential comments.</summary>
public sealed record CommitteeReview(int AssignmentId, int Label, string ReviewerName, ReviewState? State, double? Score, IReadOnlyDictionary<int, int> Scores,
    int? OverallRecommendation, int? Confidence, string? CommentsToAuthors, string? ConfidentialComments, DateTimeOffset? SubmittedAt, bool Late);

public sealed record NamedConflict(int ReviewerId, string ReviewerName, ConflictReason Reason, string? Detail);

public sealed record CommitteePaperView(int SubmissionId, int Number, string Title, string Abstract, string? Topic, IReadOnlyList<Author> Authors,
    SubmissionState State, Decision? Decision, DateTimeOffset? NotifiedAt, int? SessionItemId, Guid ConcurrencyStamp,
    IReadOnlyList<CriterionView> Criteria, IReadOnlyList<CommitteeReview> Reviews, PaperStanding Standing, IReadOnlyList<NamedConflict> Conflicts,
    string TimeZoneId, int? CurrentFileId)
{
    /// <summary>Where the current PDF names its authors (double-blind calls), as found at upload.</summary>
    public IReadOnlyList<Core.Papers.Anonymity.AnonymityFinding> Anonymity { get; init; } = [];
}

public sealed record NotifyResult(Guid BatchId, int Queued, IReadOnlyList<int> WithoutAddress);

/// <summary>The organizers' ranking, decisions and the held batch of decision mail.</summary>
public sealed class DecisionService(IDbContextFactory<EventsDbContext> factory, Outbox outbox, TimeProvider clock, EventRights rights)
{
    /// <summary>
    /// Every paper of the event with its standing, in three queries whatever the number of papers. Sorting and ranking
    /// happen on these computed numbers, so they are done here rather than in SQL; a topic filter narrows the query.
    /// </summary>
    public async Task<DecisionTable> TableAsync(int eventId, int? topicId = null, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var call = await ReviewService.CallAsync(db, eventId, ct);
        var scales = Scales(call);
        var query = db.Submissions.Where(s => s.EventId == eventId && s.State != SubmissionState.Withdrawn);
        if (topicId is { } t) query = query.Where(s => s.TopicId == t);
        var papers = await query.Select(s => new
        {
            s.Id, s.Number, s.Title, s.TopicId, Topic = s.Topic == null ? null : s.Topic.Name, s.Decision, s.DecidedAt, s.DecisionNotifiedAt, s.SessionItemId, s.ConcurrencyStamp,
            Assigned = db.ReviewAssignments.Count(a => a.SubmissionId == s.Id),
            LastUpload = s.Files.Where(f => f.Kind == SubmissionFileKind.Submission).Max(f => (DateTimeOffset?)f.UploadedAt),
        }).AsNoTracking().ToListAsync(ct);
        var reviews = await SubmittedAsync(db, query, ct);
        var rows = papers.Select(p => new DecisionRow(p.Id, p.Number, p.Title, p.TopicId, p.Topic,
                ReviewScoring.Summarize(scales, reviews[p.Id].Select(r => r.Numbers).ToList()), p.Assigned, call.ReviewsPerPaper,
                p.Decision, p.DecidedAt, p.DecisionNotifiedAt, p.SessionItemId, p.ConcurrencyStamp)
            {
                RevisionReceived = p.Decision == Decision.Revise && p.DecisionNotifiedAt is not null && p.LastUpload > p.DecidedAt,
            })
            .OrderByDescending(r => r.Standing.WeightedMean ?? -1).ThenByDescending(r => r.Standing.MeanRecommendation ?? -1).ThenBy(r => r.Number).ToList();
        var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId, ct);
        return new DecisionTable(rows, await ReviewerService.TopicsAsync(db, eventId, ct), ev.TimeZoneId,
            rows.Count(r => r.Decision is null), rows.Count(r => r.Decision is not null && r.NotifiedAt is null));
    }

    public async Task<CommitteePaperView?> PaperAsync(int eventId, int submissionId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var s = await db.Submissions.AsNoTracking().Include(x => x.Topic).Include(x => x.Authors).Include(x => x.Files).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == submissionId && x.EventId == eventId, ct);
        if (s is null) return null;
        var call = await ReviewService.CallAsync(db, eventId, ct);
        var scales = Scales(call);
        var assignments = await db.ReviewAssignments.AsNoTracking().Include(a => a.Reviewer).Include(a => a.Review).ThenInclude(r => r!.Scores)
            .Where(a => a.SubmissionId == submissionId).ToListAsync(ct);
        var labels = ReviewVisibility.Labels(assignments.Select(a => a.Id));
        var reviews = assignments.OrderBy(a => a.Id).Select(a =>
        {
            var scores = a.Review?.Scores.ToDictionary(x => x.CriterionId, x => x.Value) ?? [];
            return new CommitteeReview(a.Id, labels[a.Id], a.Reviewer!.Name, a.Review?.State,
                a.Review?.State == ReviewState.Submitted ? ReviewScoring.ReviewScore(scales, scores) : null, scores,
                a.Review?.OverallRecommendation, a.Review?.Confidence, a.Review?.CommentsToAuthors, a.Review?.ConfidentialComments,
                a.Review?.SubmittedAt, ReviewVisibility.IsLate(a.Review?.SubmittedAt, call.ReviewDeadline));
        }).ToList();
        var submitted = assignments.Where(a => a.Review?.State == ReviewState.Submitted)
            .Select(a => Numbers(a.Review!)).ToList();
        var conflicts = (await ConflictData.ForEventAsync(db, eventId, ct)).Where(c => c.SubmissionId == submissionId).ToList();
        var reviewerIds = conflicts.Select(c => c.ReviewerId).Distinct().ToList();
        var names = await db.Reviewers.Where(r => reviewerIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId, ct);
        // Untracked copies for display: each author under the name the reader's language shows.
        var authorNames = await AuthorNames.ForAsync(db, s.Authors, ct);
        foreach (var author in s.Authors) author.Name = authorNames.Shown(author);
        return new CommitteePaperView(s.Id, s.Number, s.Title, s.Abstract, s.Topic?.Name, s.Authors.OrderBy(a => a.Order).ToList(), s.State,
            s.Decision, s.DecisionNotifiedAt, s.SessionItemId, s.ConcurrencyStamp,
            call.Criteria.OrderBy(c => c.Order).ThenBy(c => c.Id).Select(c => new CriterionView(c.Id, c.Name, c.Description, c.ScaleMax, c.Weight)).ToList(),
            reviews, ReviewScoring.Summarize(scales, submitted),
            conflicts.OrderBy(c => names[c.ReviewerId]).Select(c => new NamedConflict(c.ReviewerId, names[c.ReviewerId], c.Reason, c.Detail)).ToList(),
            ev.TimeZoneId, ReviewService.CurrentFile(s)?.Id)
        {
            Anonymity = Papers.Anonymity.AnonymityCheck.Deserialize(ReviewService.CurrentFile(s)?.AnonymityFindings),
        };
    }

    /// <summary>Sets or clears a decision. A stale table (someone decided meanwhile) writes nothing and reports a conflict.</summary>
    public async Task<SaveResult> DecideAsync(Actor actor, int eventId, int submissionId, Decision? decision, Guid loadedStamp, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var s = await db.Submissions.FirstOrDefaultAsync(x => x.Id == submissionId && x.EventId == eventId && x.State != SubmissionState.Withdrawn, ct);
        if (s is null) return SaveResult.NotFound;
        db.ExpectVersion(s, loadedStamp);
        s.Decision = decision;
        s.DecidedAt = decision is null ? null : clock.GetUtcNow();
        // A changed decision must be told again.
        s.DecisionNotifiedAt = null;
        return await db.TrySaveVersionedAsync(ct) ? SaveResult.Saved(s.Id) : SaveResult.Conflict;
    }

    /// <summary>
    /// Queues one decision mail per decided, not yet notified paper, addressed to all its authors with an address, as one
    /// held batch: nothing leaves until an organizer has read a sample in the outbox and released it. Marking the papers
    /// notified happens in the same save, so authors see their decision from now on.
    /// </summary>
    public async Task<NotifyResult> NotifyAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId, ct);
        var papers = await db.Submissions.Include(s => s.Authors)
            .Where(s => s.EventId == eventId && s.State != SubmissionState.Withdrawn && s.Decision != null && s.DecisionNotifiedAt == null)
            .OrderBy(s => s.Number).ToListAsync(ct);
        var ids = papers.Select(p => p.Id).ToList();
        var assignments = await db.ReviewAssignments.AsNoTracking().Include(a => a.Review).Where(a => ids.Contains(a.SubmissionId)).ToListAsync(ct);
        var submitterIds = papers.Select(p => p.SubmitterUserId).Distinct().ToList();
        var accounts = await db.Users.Where(u => submitterIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => new { u.Email, u.PreferredCulture }, ct);
        var batch = Guid.NewGuid();
        var now = clock.GetUtcNow();
        var queued = 0;
        var without = new List<int>();
        foreach (var paper in papers)
        {
            var recipients = paper.Authors.OrderBy(a => a.Order).Where(a => !string.IsNullOrWhiteSpace(a.Email))
                .DistinctBy(a => a.Email!.Trim().ToLowerInvariant()).ToList();
            var account = accounts.GetValueOrDefault(paper.SubmitterUserId);
            if (recipients.Count == 0 && account?.Email is null)
            {
                without.Add(paper.Number);
                continue;
            }
            var first = paper.Authors.OrderBy(a => a.Order).FirstOrDefault();
            var culture = MailTemplateStore.Normalize(ReviewMail.CultureFor(account?.PreferredCulture, first?.Name ?? ""));
            var mine = assignments.Where(a => a.SubmissionId == paper.Id).ToList();
            var labels = ReviewVisibility.Labels(mine.Select(a => a.Id));
            var comments = mine.Where(a => a.Review?.State == ReviewState.Submitted && !string.IsNullOrWhiteSpace(a.Review.CommentsToAuthors))
                .OrderBy(a => labels[a.Id]).Select(a => (labels[a.Id], a.Review!.CommentsToAuthors!.Trim())).ToList();
            var names = string.Join(culture == "en" ? ", " : "、", paper.Authors.OrderBy(a => a.Order).Select(a => a.Name));
            var to = recipients.Count > 0 ? new MailRecipient(recipients[0].Email!.Trim(), recipients[0].Name, culture) : new MailRecipient(account!.Email!, null, culture);
            var message = await outbox.EnqueueAsync(db, MailTemplateKeys.DecisionNotification, to,
                new Dictionary<string, string>
                {
                    ["name"] = names,
                    ["eventTitle"] = ev.Title,
                    ["paperNumber"] = paper.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["paperTitle"] = paper.Title,
                    ["decision"] = ReviewMail.Decision(paper.Decision!.Value, culture),
                    ["comments"] = ReviewMail.Comments(comments, culture),
                    ["link"] = outbox.Options.Link($"/papers/{paper.Id}"),
                },
                eventId, $"Submission:{paper.Id}", batch, ct: ct);
            foreach (var other in recipients.Skip(1)) message.Recipients.Add(new OutboxRecipient { Address = other.Email!.Trim(), DisplayName = other.Name });
            paper.DecisionNotifiedAt = now;
            queued++;
        }
        await db.SaveChangesAsync(ct);
        return new NotifyResult(batch, queued, without);
    }

    internal static List<CriterionScale> Scales(CallForPapers call) => call.Criteria.Select(c => new CriterionScale(c.Id, c.ScaleMax, c.Weight)).ToList();

    private static ReviewNumbers Numbers(Review r) => new(r.Scores.ToDictionary(x => x.CriterionId, x => x.Value), r.OverallRecommendation, r.Confidence);

    private static async Task<ILookup<int, (int AssignmentId, ReviewNumbers Numbers)>> SubmittedAsync(EventsDbContext db, IQueryable<Submission> papers, CancellationToken ct)
    {
        var rows = await db.ReviewAssignments.Where(a => papers.Any(s => s.Id == a.SubmissionId) && a.Review != null && a.Review.State == ReviewState.Submitted)
            .Select(a => new { a.Id, a.SubmissionId, Review = a.Review! }).AsNoTracking().ToListAsync(ct);
        var reviewIds = rows.Select(r => r.Review.Id).ToList();
        var scores = (await db.ReviewScores.Where(x => reviewIds.Contains(x.ReviewId)).AsNoTracking().ToListAsync(ct)).ToLookup(x => x.ReviewId);
        return rows.ToLookup(r => r.SubmissionId, r => (r.Id, new ReviewNumbers(scores[r.Review.Id].ToDictionary(x => x.CriterionId, x => x.Value),
            r.Review.OverallRecommendation, r.Review.Confidence)));
    }
}
