using Events.Core.Access;
using Events.Core.Bulletins;
using Events.Core.Validation;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Events.Infrastructure.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Bulletins;

public enum BulletinPublishOutcome
{
    Published,
    NotFound,

    /// <summary>The issue changed since the editor loaded it (or someone else published it); nothing was written.</summary>
    Conflict,
    Invalid,
}

public sealed record BulletinPublishResult(BulletinPublishOutcome Outcome, IssueNumbers? Numbers = null, IReadOnlyList<RuleViolation>? Errors = null);

/// <summary>
/// Gives an issue its numbers and makes it final. The numbers come from counters on the series row, which is written
/// back in the same SaveChanges under its concurrency stamp: when two editors publish in one series at once, one save
/// fails on the stamp, reads the advanced counters and tries again, so numbers are unique and leave no gaps on SQLite
/// and SQL Server alike. Unique indexes on (series, year, number) and (series, cumulative number) stand behind that.
/// </summary>
public sealed class BulletinPublisher(IDbContextFactory<EventsDbContext> factory, TimeProvider clock, IPublicPageCache pages)
{
    private const int Attempts = 8;

    public async Task<BulletinPublishResult> PublishAsync(Actor actor, int bulletinId, Guid loadedStamp, string? publishedBy, CancellationToken ct = default)
    {
        EventRights.DemandOrganizerRole(actor);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var bulletin = await db.Bulletins.FirstOrDefaultAsync(b => b.Id == bulletinId, ct);
            if (bulletin is null) return new(BulletinPublishOutcome.NotFound);
            if (bulletin.ConcurrencyStamp != loadedStamp || !BulletinWorkflow.CanMove(bulletin.Status, BulletinStatus.Published))
            {
                return bulletin.ConcurrencyStamp != loadedStamp || bulletin.IsPublished
                    ? new(BulletinPublishOutcome.Conflict)
                    : new(BulletinPublishOutcome.Invalid, Errors: [new RuleViolation("Status", "BulletinBadTransition")]);
            }
            var series = await db.BulletinSeries.SingleAsync(s => s.Id == bulletin.SeriesId, ct);

            var errors = new List<RuleViolation>();
            var anyPublished = await BulletinService.AnyPublishedAsync(db, series.Id, ct);
            var numbers = BulletinNumbering.Next(series, bulletin.IssueDate, errors, anyPublished);
            if (errors.Count > 0) return new(BulletinPublishOutcome.Invalid, Errors: errors);

            bulletin.Status = BulletinStatus.Published;
            bulletin.Year = numbers.Year;
            bulletin.NumberInYear = numbers.NumberInYear;
            bulletin.CumulativeNumber = numbers.CumulativeNumber;
            bulletin.PublishedAt = clock.GetUtcNow();
            bulletin.PublishedBy = publishedBy;
            bulletin.UpdatedAt = bulletin.PublishedAt.Value;
            db.ExpectVersion(bulletin, loadedStamp);
            BulletinNumbering.Advance(series, numbers, anyPublished);
            db.ExpectVersion(series, series.ConcurrencyStamp);
            try
            {
                await db.SaveChangesAsync(ct);
                await pages.BulletinsChangedAsync(ct);
                return new(BulletinPublishOutcome.Published, numbers);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Either the series moved on (another issue was published) or this issue changed; the next round tells which.
            }
        }
    }
}
