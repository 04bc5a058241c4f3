using Events.Core.Access;
using Events.Infrastructure.Access;
using System.Globalization;
using Events.Core.Bulletins;
using Events.Core.Mail;
using Events.Infrastructure.Data;
using Events.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Bulletins;

public sealed record BulletinMailing(Guid BatchId, int Count, int Held, int Sent);

/// <summary>
/// Mails a published issue's PDF to its distribution list. It is bulk mail, so the messages are created held in one batch;
/// nothing leaves until an organizer releases it (the same rule as speaker notices).
/// </summary>
public sealed class BulletinMailer(IDbContextFactory<EventsDbContext> factory, Outbox outbox, TimeProvider clock)
{
    public static string RelatedEntity(int bulletinId) => string.Create(CultureInfo.InvariantCulture, $"Bulletin:{bulletinId}");

    /// <summary>Queues one held message per address with the PDF attached; null when the issue is not published or has no addresses.</summary>
    public async Task<BulletinMailing?> QueueAsync(Actor actor, int bulletinId, byte[] pdf, string fileName, CancellationToken ct = default)
    {
        EventRights.DemandOrganizerRole(actor);
        await using var db = await factory.CreateDbContextAsync(ct);
        var b = await db.Bulletins.AsNoTracking().Include(x => x.Series).FirstOrDefaultAsync(x => x.Id == bulletinId && x.Status == BulletinStatus.Published, ct);
        if (b is null) return null;
        var addresses = b.Distribution.MailAddresses();
        if (addresses.Count == 0) return null;
        var batch = Guid.NewGuid();
        var values = new Dictionary<string, string>
        {
            ["seriesName"] = b.Series!.Name,
            ["numbers"] = BulletinText.Numbers(b.Series, b),
            ["title"] = b.Title,
            ["issueDate"] = BulletinNumbering.DateText(b.IssueDate, b.Series.Style.DateStyle),
            ["link"] = outbox.Options.Link($"/bulletins/{b.Id}.pdf"),
        };
        foreach (var address in addresses)
        {
            await outbox.EnqueueAsync(db, MailTemplateKeys.BulletinIssue, new MailRecipient(address, null, "zh-CN"), values,
                b.EventId, RelatedEntity(b.Id), batch, [new MailFile(fileName, "application/pdf", pdf)], ct);
        }
        await db.SaveChangesAsync(ct);
        return new BulletinMailing(batch, addresses.Count, addresses.Count, 0);
    }

    /// <summary>The issue's mailings, newest first, with how many messages are still held and how many went out.</summary>
    public async Task<IReadOnlyList<BulletinMailing>> MailingsAsync(int bulletinId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var related = RelatedEntity(bulletinId);
        var rows = await db.OutboxMessages.Where(m => m.RelatedEntity == related && m.BatchId != null)
            .GroupBy(m => m.BatchId)
            .Select(g => new
            {
                Batch = g.Key!.Value,
                Count = g.Count(),
                Held = g.Count(m => m.State == OutboxState.Held),
                Sent = g.Count(m => m.State == OutboxState.Sent),
                First = g.Min(m => m.Id),
            })
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.First).Select(r => new BulletinMailing(r.Batch, r.Count, r.Held, r.Sent)).ToList();
    }

    public async Task<int> ReleaseAsync(Actor actor, int bulletinId, Guid batchId, CancellationToken ct = default)
    {
        EventRights.DemandOrganizerRole(actor);
        await using var db = await factory.CreateDbContextAsync(ct);
        var related = RelatedEntity(bulletinId);
        var now = clock.GetUtcNow();
        return await db.OutboxMessages.Where(m => m.RelatedEntity == related && m.BatchId == batchId && m.State == OutboxState.Held)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Pending).SetProperty(m => m.NextAttemptAt, now), ct);
    }

    public async Task<int> CancelAsync(Actor actor, int bulletinId, Guid batchId, CancellationToken ct = default)
    {
        EventRights.DemandOrganizerRole(actor);
        await using var db = await factory.CreateDbContextAsync(ct);
        var related = RelatedEntity(bulletinId);
        return await db.OutboxMessages.Where(m => m.RelatedEntity == related && m.BatchId == batchId && m.State == OutboxState.Held)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Cancelled), ct);
    }
}
