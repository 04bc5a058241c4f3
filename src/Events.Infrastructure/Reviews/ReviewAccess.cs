using Events.Core.Papers;
using Events.Core.Reviews;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Reviews;

/// <summary>The reviewer side's access rules, in one place for pages, endpoints and services.</summary>
public sealed class ReviewAccess(IDbContextFactory<EventsDbContext> factory)
{
    /// <summary>An accepted reviewer of the event.</summary>
    public async Task<bool> IsEventReviewerAsync(int eventId, string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Reviewers.AnyAsync(r => r.EventId == eventId && r.UserId == userId && r.State == ReviewerState.Accepted, ct);
    }

    /// <summary>
    /// May this user open the paper as its reviewer: an accepted reviewer of its event, assigned to it, the paper not
    /// withdrawn, and no conflict between them that limits the reviewer's view. Such a conflict found after assignment
    /// closes the paper too; a co-authorship found after assignment does not (the reviewer could cause it at will, so it
    /// would answer their guesses): organizers see it flagged and decide.
    /// </summary>
    public async Task<bool> MayReviewAsync(int submissionId, string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await AssignmentOfAsync(db, submissionId, userId, ct) is not null;
    }

    internal static async Task<ReviewAssignment?> AssignmentOfAsync(EventsDbContext db, int submissionId, string userId, CancellationToken ct)
    {
        var assignment = await db.ReviewAssignments.AsNoTracking().Include(a => a.Reviewer)
            .Where(a => a.SubmissionId == submissionId && a.Reviewer!.UserId == userId && a.Reviewer.State == ReviewerState.Accepted)
            .Where(a => db.Submissions.Any(s => s.Id == submissionId && s.State != SubmissionState.Withdrawn && s.EventId == a.Reviewer!.EventId))
            .FirstOrDefaultAsync(ct);
        if (assignment is null) return null;
        var conflicts = await ConflictData.ForReviewerViewAsync(db, assignment.ReviewerId, db.Submissions.Where(s => s.Id == submissionId), ct);
        return conflicts.Count == 0 ? assignment : null;
    }
}
