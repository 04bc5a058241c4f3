using Events.Core.Events;
using Events.Core.Program;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Events.Infrastructure.Program;

/// <summary>A published program as the public sees it, narrowed to one forum when the slug names a sub-forum.</summary>
public sealed record PublishedView(ProgramSnapshot Snapshot, string Slug, int? ForumId)
{
    public IEnumerable<SnapshotSession> Sessions => ForumId is { } id ? Snapshot.Sessions.Where(s => s.EventId == id) : Snapshot.Sessions;

    /// <summary>The snapshot narrowed to what this slug shows, for exports of a single sub-forum.</summary>
    public ProgramSnapshot Scoped => ForumId is null ? Snapshot : Snapshot with
    {
        Sessions = Sessions.ToList(),
        Forums = Snapshot.Forums.Where(f => f.EventId == ForumId).ToList(),
        Rooms = Snapshot.Rooms.Where(r => r.EventId == ForumId).ToList(),
    };
}

/// <summary>Reads the latest published version; unpublished events and events never published have no program.</summary>
public sealed class PublishedPrograms(IDbContextFactory<EventsDbContext> factory, IMemoryCache cache)
{
    public async Task<PublishedView?> GetAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == slug && e.Status == EventStatus.Published, ct);
        if (ev is null) return null;
        var rootId = ev.ParentEventId ?? ev.Id;
        if (ev.ParentEventId is not null && !await db.Events.AnyAsync(e => e.Id == rootId && e.Status == EventStatus.Published, ct)) return null;
        var versionId = await db.ProgramVersions.Where(v => v.EventId == rootId).OrderByDescending(v => v.Number).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct);
        if (versionId is not { } id) return null;
        // A published version never changes, so its parsed snapshot can be kept; only the newest id is looked up per request.
        var snapshot = await cache.GetOrCreateAsync(("program-version", id), async entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(10);
            entry.Size = 1;
            var version = await db.ProgramVersions.AsNoTracking().SingleAsync(v => v.Id == id, ct);
            return ProgramPublisher.Read(version);
        }) ?? throw new InvalidOperationException($"Program version {id} could not be read.");
        // Sub-forums that are not published stay out of the public program even if their sessions were in the snapshot.
        var hidden = await db.Events.Where(e => e.ParentEventId == rootId && e.Status != EventStatus.Published).Select(e => e.Id).ToListAsync(ct);
        if (hidden.Count > 0)
        {
            snapshot = snapshot with
            {
                Sessions = snapshot.Sessions.Where(s => !hidden.Contains(s.EventId)).ToList(),
                Forums = snapshot.Forums.Where(f => !hidden.Contains(f.EventId)).ToList(),
            };
        }
        return new PublishedView(snapshot, slug, ev.ParentEventId is null ? null : ev.Id);
    }
}
