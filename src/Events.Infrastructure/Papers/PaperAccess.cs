using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Papers;

/// <summary>
/// Who counts as an author of a submission, decided in this one place for pages, actions and downloads:
/// the account that submitted it, or an account whose confirmed email is an author's email on the byline.
/// </summary>
public static class PaperAccess
{
    public static async Task<bool> IsAuthorAsync(EventsDbContext db, int submissionId, string userId, CancellationToken ct)
    {
        var email = await ConfirmedEmailAsync(db, userId, ct);
        return await db.Submissions.AnyAsync(s => s.Id == submissionId
            && (s.SubmitterUserId == userId || (email != null && s.Authors.Any(a => a.Email != null && a.Email.ToUpper() == email))), ct);
    }

    /// <summary>The submissions the user is an author of, as a query to filter further.</summary>
    public static async Task<IQueryable<Core.Papers.Submission>> OfAuthorAsync(EventsDbContext db, string userId, CancellationToken ct)
    {
        var email = await ConfirmedEmailAsync(db, userId, ct);
        return db.Submissions.Where(s => s.SubmitterUserId == userId
            || (email != null && s.Authors.Any(a => a.Email != null && a.Email.ToUpper() == email)));
    }

    /// <summary>Administrators, and the staff of the submission's event.</summary>
    public static async Task<bool> IsEventStaffAsync(EventsDbContext db, int submissionId, string userId, bool isAdministrator, CancellationToken ct)
    {
        if (isAdministrator) return await db.Submissions.AnyAsync(s => s.Id == submissionId, ct);
        return await db.Submissions.Where(s => s.Id == submissionId)
            .AnyAsync(s => db.EventStaff.Any(x => x.EventId == s.EventId && x.UserId == userId), ct);
    }

    /// <summary>An unconfirmed address proves nothing, so it grants nothing.</summary>
    private static Task<string?> ConfirmedEmailAsync(EventsDbContext db, string userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId && u.EmailConfirmed).Select(u => u.NormalizedEmail).FirstOrDefaultAsync(ct);
}
