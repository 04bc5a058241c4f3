using Events.Infrastructure.Data;
using Events.Infrastructure.Publishing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Events.Web.PublicPages;

/// <summary>Drops the cached pages and exports that show a changed event: its own, its parent's and its forums', and the event list.</summary>
public sealed class OutputCachePublicPages(IOutputCacheStore store, IDbContextFactory<EventsDbContext> factory) : IPublicPageCache
{
    public async Task EventChangedAsync(int eventId, string? formerSlug = null, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var parentId = await db.Events.Where(e => e.Id == eventId).Select(e => e.ParentEventId).FirstOrDefaultAsync(ct);
        var slugs = await db.Events
            .Where(e => e.Id == eventId || e.ParentEventId == eventId || (parentId != null && e.Id == parentId))
            .Select(e => e.Slug).ToListAsync(ct);
        if (formerSlug is not null) slugs.Add(formerSlug);
        // Evicting must not fail a publish that is already saved; the entries would expire anyway.
        foreach (var slug in slugs) await store.EvictByTagAsync(PublicPageCachePolicy.EventTag(slug), CancellationToken.None);
        await store.EvictByTagAsync(PublicPageCachePolicy.EventListTag, CancellationToken.None);
    }

    public async Task EventPagesChangedAsync(string slug, CancellationToken ct = default) =>
        await store.EvictByTagAsync(PublicPageCachePolicy.EventTag(slug), CancellationToken.None);

    public async Task BulletinsChangedAsync(CancellationToken ct = default) =>
        await store.EvictByTagAsync(PublicPageCachePolicy.BulletinsTag, CancellationToken.None);
}
