using Events.Core.Reviews;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Reviews;

/// <summary>Declaring a conflict of one reviewer with one paper, the same whether the reviewer or the organizers declare it.</summary>
internal static class ConflictDeclarations
{
    private const int ReasonLength = 300;

    /// <summary>
    /// Adds the declaration (or replaces its reason) and withdraws an unsubmitted assignment of that reviewer to the paper
    /// with its draft. Returns false, changing nothing, when the reviewer has already submitted a review of it.
    /// The caller saves.
    /// </summary>
    public static async Task<bool> DeclareAsync(EventsDbContext db, int reviewerId, int submissionId, ConflictSource source, string? reason,
        DateTimeOffset now, CancellationToken ct)
    {
        var assignment = await db.ReviewAssignments.Include(a => a.Review).FirstOrDefaultAsync(a => a.ReviewerId == reviewerId && a.SubmissionId == submissionId, ct);
        if (assignment?.Review?.State == ReviewState.Submitted) return false;
        if (assignment is not null) db.ReviewAssignments.Remove(assignment);

        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()[..Math.Min(reason.Trim().Length, ReasonLength)];
        var declared = await db.DeclaredConflicts.FirstOrDefaultAsync(d => d.ReviewerId == reviewerId && d.SubmissionId == submissionId && d.DeclaredBy == source, ct);
        if (declared is null)
        {
            db.DeclaredConflicts.Add(new DeclaredConflict { ReviewerId = reviewerId, SubmissionId = submissionId, DeclaredBy = source, Reason = text, DeclaredAt = now });
        }
        else
        {
            declared.Reason = text;
        }
        return true;
    }
}
