using Events.Core.Common;
using Events.Core.Papers;
using Events.Core.Reviews;
using Events.Core.Validation;
using Events.Infrastructure.Papers;
using Events.Infrastructure.Data;
using Events.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Reviews;

public sealed record CriterionView(int Id, string Name, string? Description, int ScaleMax, decimal Weight);

/// <summary>Another reviewer's submitted review, as a fellow reviewer sees it: numbered, never named.</summary>
public sealed record OtherReview(int Label, IReadOnlyDictionary<int, int> Scores, int? OverallRecommendation, int? Confidence, string? CommentsToAuthors);

/// <summary>
/// The reviewer's paper page. <see cref="Authors"/> is null in a double-blind call, and nothing else on it names them.
/// <see cref="OthersHidden"/> tells the page that others' reviews exist but wait for the reviewer's own.
/// </summary>
public sealed record ReviewPaperView(int SubmissionId, int EventId, string EventTitle, string TimeZoneId, int Number, string Title, string Abstract,
    string? Keywords, string? Topic, IReadOnlyList<string>? Authors, bool HasFile, int PageCount, ReviewMode Mode,
    IReadOnlyList<CriterionView> Criteria, ReviewInput Input, ReviewState? State, DateTimeOffset? SubmittedAt, bool Late,
    DateTimeOffset ReviewDeadline, bool Locked, int OwnLabel, IReadOnlyList<OtherReview> Others, bool OthersHidden);

public sealed record ReviewFile(byte[] Content, string FileName);

/// <summary>Reviewing one assigned paper: the page, the blind copy of the file, and saving the review.</summary>
public sealed class ReviewService(IDbContextFactory<EventsDbContext> factory, FileStore files, TimeProvider clock)
{
    /// <summary>The folder the author side stores submission files in.</summary>
    public const string PaperFolder = Papers.SubmissionService.FileFolder;

    public async Task<ReviewPaperView?> LoadAsync(int submissionId, string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var assignment = await ReviewAccess.AssignmentOfAsync(db, submissionId, userId, ct);
        if (assignment is null) return null;
        var s = await db.Submissions.AsNoTracking().Include(x => x.Topic).Include(x => x.Authors).Include(x => x.Files).AsSplitQuery().SingleAsync(x => x.Id == submissionId, ct);
        var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == s.EventId, ct);
        var call = await CallAsync(db, s.EventId, ct);
        var criteria = call.Criteria.OrderBy(c => c.Order).ThenBy(c => c.Id).Select(c => new CriterionView(c.Id, c.Name, c.Description, c.ScaleMax, c.Weight)).ToList();
        var own = await db.Reviews.AsNoTracking().Include(r => r.Scores).FirstOrDefaultAsync(r => r.AssignmentId == assignment.Id, ct);

        var all = await db.ReviewAssignments.Where(a => a.SubmissionId == submissionId).Select(a => a.Id).ToListAsync(ct);
        var labels = ReviewVisibility.Labels(all);
        var mayView = ReviewVisibility.MaySeeOthers(call.HideOtherReviewsUntilSubmitted, own?.State);
        var others = new List<OtherReview>();
        var othersExist = await db.Reviews.AnyAsync(r => all.Contains(r.AssignmentId) && r.AssignmentId != assignment.Id && r.State == ReviewState.Submitted, ct);
        if (mayView && othersExist)
        {
            var rows = await db.Reviews.AsNoTracking().Include(r => r.Scores)
                .Where(r => all.Contains(r.AssignmentId) && r.AssignmentId != assignment.Id && r.State == ReviewState.Submitted).ToListAsync(ct);
            others = rows.OrderBy(r => labels[r.AssignmentId]).Select(r => new OtherReview(labels[r.AssignmentId],
                r.Scores.ToDictionary(x => x.CriterionId, x => x.Value), r.OverallRecommendation, r.Confidence, r.CommentsToAuthors)).ToList();
        }
        var file = CurrentFile(s);
        var blind = call.ReviewMode == ReviewMode.DoubleBlind;
        var authorNames = blind ? null : await AuthorNames.ForAsync(db, s.Authors, ct);
        return new ReviewPaperView(s.Id, s.EventId, ev.Title, ev.TimeZoneId, s.Number, s.Title, s.Abstract, s.Keywords, s.Topic?.Name,
            authorNames is null ? null : s.Authors.OrderBy(a => a.Order).Select(a => $"{authorNames.Shown(a)}（{a.Affiliation}）").ToList(),
            file is not null, file?.PageCount ?? 0, call.ReviewMode, criteria,
            ReviewInput.From(own, criteria.Select(c => c.Id)), own?.State, own?.SubmittedAt, ReviewVisibility.IsLate(own?.SubmittedAt, call.ReviewDeadline),
            call.ReviewDeadline, s.DecisionNotifiedAt is not null, labels[assignment.Id], others, !mayView && othersExist);
    }

    /// <summary>
    /// Saves the reviewer's draft or submits it. A submitted review can still be corrected (it stays submitted and must stay
    /// complete) until the authors have been notified; after the review deadline it is accepted and marked late.
    /// </summary>
    public async Task<SaveResult> SaveAsync(int submissionId, string userId, ReviewInput input, bool submit, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var assignment = await ReviewAccess.AssignmentOfAsync(db, submissionId, userId, ct);
        if (assignment is null) return SaveResult.NotFound;
        var submission = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == submissionId, ct);
        if (submission.DecisionNotifiedAt is not null) return SaveResult.Invalid([new RuleViolation("", "ReviewLocked")]);
        var call = await CallAsync(db, submission.EventId, ct);
        var scales = call.Criteria.Select(c => new CriterionScale(c.Id, c.ScaleMax, c.Weight)).ToList();

        var review = await db.Reviews.Include(r => r.Scores).FirstOrDefaultAsync(r => r.AssignmentId == assignment.Id, ct);
        var submitting = submit || review?.State == ReviewState.Submitted;
        var errors = input.Validate(scales, submitting);
        if (errors.Count > 0) return SaveResult.Invalid(errors);

        var now = clock.GetUtcNow();
        if (review is null)
        {
            // A review created by someone else in the meantime (another tab) fails on the unique index: a conflict, not a crash.
            if (input.ConcurrencyStamp != Guid.Empty) return SaveResult.Conflict;
            review = new Review { AssignmentId = assignment.Id };
            db.Reviews.Add(review);
        }
        else
        {
            db.ExpectVersion(review, input.ConcurrencyStamp);
        }
        input.ApplyTo(review, scales);
        review.UpdatedAt = now;
        if (submit && review.State == ReviewState.Draft)
        {
            review.State = ReviewState.Submitted;
            review.SubmittedAt = now;
        }
        try
        {
            if (!await db.TrySaveVersionedAsync(ct)) return SaveResult.Conflict;
        }
        catch (DbUpdateException)
        {
            return SaveResult.Conflict;
        }
        input.ConcurrencyStamp = review.ConcurrencyStamp;
        return SaveResult.Saved(review.Id);
    }

    /// <summary>The blind copy of the current submission file, named by number alone in a double-blind call.</summary>
    public async Task<ReviewFile?> PaperFileAsync(int submissionId, string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await ReviewAccess.AssignmentOfAsync(db, submissionId, userId, ct) is null) return null;
        var s = await db.Submissions.AsNoTracking().Include(x => x.Files).SingleAsync(x => x.Id == submissionId, ct);
        var file = CurrentFile(s);
        if (file is null) return null;
        await using var stream = files.OpenRead(PaperFolder, file.StoredName);
        if (stream is null) return null;
        var content = ReviewCopy.Create(stream);
        // Named by number in every mode: in double-blind the uploader's file name could name them, and in single-blind
        // a reviewer filing many papers is helped by the paper numbers the pages use.
        return new ReviewFile(content, $"paper-{s.Number}.pdf");
    }

    /// <summary>Reviewers review the submitted version; the camera-ready copy comes after the decision.</summary>
    internal static SubmissionFile? CurrentFile(Submission s) =>
        s.Files.Where(f => f.Kind == SubmissionFileKind.Submission).OrderByDescending(f => f.Version).FirstOrDefault();

    internal static async Task<CallForPapers> CallAsync(EventsDbContext db, int eventId, CancellationToken ct) =>
        await db.CallsForPapers.AsNoTracking().Include(c => c.Criteria).Include(c => c.Topics).AsSplitQuery().FirstOrDefaultAsync(c => c.EventId == eventId, ct)
        ?? new CallForPapers { EventId = eventId };
}
