using Events.Core.Access;
using Events.Core.Common;
using Events.Core.Mail;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Events.Infrastructure.LiveUpdates;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Mail;

/// <summary>One message in the outbox list; <see cref="To"/> holds every recipient, in the order they were added.</summary>
public sealed record OutboxListItem(long Id, string Subject, IReadOnlyList<string> To, string TemplateKey, OutboxState State, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset NextAttemptAt, string? LastError, Guid? BatchId);

public sealed record HeldBatch(Guid BatchId, string TemplateKey, int Count, DateTimeOffset CreatedAt, long SampleId);

/// <summary>What organizers see and do with an event's outbox. Each change is told to the event's open outbox pages.</summary>
public sealed class OutboxAdmin(IDbContextFactory<EventsDbContext> factory, TimeProvider clock, EventRights rights, ILiveUpdates live)
{
    public async Task<PagedResult<OutboxListItem>> SearchAsync(int eventId, OutboxState? state, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.OutboxMessages.Where(m => m.EventId == eventId);
        if (state is { } s) query = query.Where(m => m.State == s);
        if (page.Term is { } term) query = query.Where(m => m.Subject.Contains(term) || m.Recipients.Any(r => r.Address.Contains(term) || (r.DisplayName != null && r.DisplayName.Contains(term))));
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(m => m.Id).Skip(page.Skip).Take(page.Take)
            .Select(m => new OutboxListItem(m.Id, m.Subject,
                m.Recipients.OrderBy(r => r.Id).Select(r => r.DisplayName != null ? r.DisplayName + " <" + r.Address + ">" : r.Address).ToList(),
                m.TemplateKey, m.State, m.Attempts, m.CreatedAt, m.SentAt, m.NextAttemptAt, m.LastError, m.BatchId))
            .ToListAsync(ct);
        return new PagedResult<OutboxListItem>(items, total);
    }

    public async Task<OutboxMessage?> GetAsync(int eventId, long id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.OutboxMessages.AsNoTracking().Include(m => m.Recipients).Include(m => m.Attachments)
            .FirstOrDefaultAsync(m => m.Id == id && m.EventId == eventId, ct);
    }

    /// <summary>A failed message goes back to the queue with a fresh set of attempts.</summary>
    public async Task<bool> RetryAsync(Actor actor, int eventId, long id, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        return Changed(eventId, await ActionableBy(actor, db.OutboxMessages).Where(m => m.Id == id && m.EventId == eventId && m.State == OutboxState.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Pending).SetProperty(m => m.Attempts, 0).SetProperty(m => m.NextAttemptAt, now), ct)) == 1;
    }

    /// <summary>Only a message that is not being sent can be cancelled; the state check makes that race-free.</summary>
    public async Task<bool> CancelAsync(Actor actor, int eventId, long id, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        return Changed(eventId, await ActionableBy(actor, db.OutboxMessages).Where(m => m.Id == id && m.EventId == eventId && (m.State == OutboxState.Pending || m.State == OutboxState.Held))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Cancelled), ct)) == 1;
    }

    public async Task<IReadOnlyList<HeldBatch>> HeldBatchesAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.OutboxMessages.Where(m => m.EventId == eventId && m.State == OutboxState.Held && m.BatchId != null)
            .GroupBy(m => new { m.BatchId, m.TemplateKey })
            .Select(g => new { g.Key.BatchId, g.Key.TemplateKey, Count = g.Count(), SampleId = g.Min(m => m.Id) })
            .ToListAsync(ct);
        var created = await db.OutboxMessages.Where(m => rows.Select(r => r.SampleId).Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.CreatedAt, ct);
        return rows.Select(r => new HeldBatch(r.BatchId!.Value, r.TemplateKey, r.Count, created[r.SampleId], r.SampleId))
            .OrderByDescending(b => b.CreatedAt).ToList();
    }

    public async Task<int> ReleaseBatchAsync(Actor actor, int eventId, Guid batchId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        return Changed(eventId, await ActionableBy(actor, db.OutboxMessages).Where(m => m.EventId == eventId && m.BatchId == batchId && m.State == OutboxState.Held)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Pending).SetProperty(m => m.NextAttemptAt, now), ct));
    }

    public async Task<int> CancelBatchAsync(Actor actor, int eventId, Guid batchId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        return Changed(eventId, await ActionableBy(actor, db.OutboxMessages).Where(m => m.EventId == eventId && m.BatchId == batchId && m.State == OutboxState.Held)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Cancelled), ct));
    }

    private int Changed(int eventId, int rows)
    {
        if (rows > 0) live.Notify(OutboxLiveUpdates.Topic, eventId);
        return rows;
    }

    /// <summary>
    /// A bulletin's distribution is filed under the event the issue reports on, so it shows in that event's outbox; but
    /// releasing or cancelling it is the organizers' decision (as in <c>BulletinMailer</c>), not the event staff's.
    /// </summary>
    private static IQueryable<OutboxMessage> ActionableBy(Actor actor, IQueryable<OutboxMessage> messages) =>
        actor.HasOrganizerRole ? messages : messages.Where(m => m.TemplateKey != MailTemplateKeys.BulletinIssue);
}
