using System.Runtime.CompilerServices;
using Events.Core.Mail;
using Events.Infrastructure.LiveUpdates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Events.Infrastructure.Mail;

/// <summary>
/// Tells open outbox pages that an event's mail changed, so they reload instead of polling. The key is the event id;
/// mail that belongs to no event (account mail) has no page to tell.
/// </summary>
public static class OutboxLiveUpdates
{
    public const string Topic = "mail.outbox";

    public static void NotifyEvents(this ILiveUpdates live, IEnumerable<int?> eventIds)
    {
        foreach (var id in eventIds.OfType<int>().Distinct()) live.Notify(Topic, id);
    }
}

/// <summary>
/// Mail is queued into the caller's context and saved with the change that caused it (<see cref="Outbox"/>), from many
/// features; this interceptor sees every such save in one place and notifies once the transaction is saved, not before.
/// </summary>
public sealed class OutboxSaveNotifier(ILiveUpdates live) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<int?>> pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Flush(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context) pending.Remove(context);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null) return;
        var events = context.ChangeTracker.Entries<OutboxMessage>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.EventId).Where(id => id is not null).ToList();
        if (events.Count > 0) pending.AddOrUpdate(context, events);
        else pending.Remove(context);
    }

    private void Flush(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var events)) return;
        pending.Remove(context);
        live.NotifyEvents(events);
    }
}
