using Events.Core.Common;
using Events.Core.Events;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Events;

public sealed class EventQueries(IDbContextFactory<EventsDbContext> factory)
{
    /// <summary>Published top-level events; sub-forums are shown inside their parent.</summary>
    public async Task<PagedResult<EventListItem>> SearchPublicAsync(PageRequest page, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.Events.Where(e => e.Status == EventStatus.Published && e.ParentEventId == null);
        return await PageAsync(Filter(query, page.Term), page, ct);
    }

    /// <summary>Events the user may organize: all of them for an administrator, else those whose staff list names the user.</summary>
    public async Task<PagedResult<EventListItem>> SearchManagedAsync(PageRequest page, string userId, bool isAdministrator, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.Events.AsQueryable();
        if (!isAdministrator) query = query.Where(e => e.Staff.Any(s => s.UserId == userId));
        return await PageAsync(Filter(query, page.Term), page, ct);
    }

    public async Task<Event?> GetPublishedAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var ev = await WithDetails(db.Events).AsNoTracking()
            .FirstOrDefaultAsync(e => e.Slug == slug && e.Status == EventStatus.Published, ct);
        if (ev is null) return null;
        if (ev.ParentEventId is { } parentId)
        {
            ev.ParentEvent = await db.Events.AsNoTracking().FirstOrDefaultAsync(p => p.Id == parentId && p.Status == EventStatus.Published, ct);
        }
        ev.SubForums = await WithDetails(db.Events).AsNoTracking()
            .Where(s => s.ParentEventId == ev.Id && s.Status == EventStatus.Published)
            .OrderBy(s => s.StartDate).ThenBy(s => s.Id)
            .ToListAsync(ct);
        return ev;
    }

    /// <summary>Events a person takes part in; only published ones unless <paramref name="includeUnpublished"/>.</summary>
    public async Task<IReadOnlyList<EventParticipant>> ParticipationsOfAsync(int personId, bool includeUnpublished, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.EventParticipants.AsNoTracking()
            .Include(p => p.Event)
            .Where(p => p.PersonId == personId && (includeUnpublished || p.Event!.Status == EventStatus.Published))
            .OrderByDescending(p => p.Event!.StartDate).ThenBy(p => p.Order)
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<EventSeries>> SeriesAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Series.AsNoTracking().OrderByChinese(db, s => s.Name).ToListAsync(ct);
    }

    /// <summary>Candidates for a sub-forum's parent: events that are not sub-forums themselves.</summary>
    public async Task<IReadOnlyList<EventListItem>> ParentCandidatesAsync(int? excludeId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.Events.Where(e => e.Kind != EventKind.SubForum && e.Id != excludeId);
        return await Project(query.OrderByDescending(e => e.StartDate)).ToListAsync(ct);
    }

    private static IQueryable<Event> WithDetails(IQueryable<Event> events) => events
        .Include(e => e.Series)
        .Include(e => e.Units).ThenInclude(u => u.Organization)
        .Include(e => e.Participants).ThenInclude(p => p.Person).ThenInclude(p => p!.Positions).ThenInclude(p => p.Organization)
        .AsSplitQuery();

    private static IQueryable<Event> Filter(IQueryable<Event> query, string? term) =>
        term is null
            ? query
            : query.Where(e => e.Title.Contains(term) || (e.Theme != null && e.Theme.Contains(term))
                || (e.City != null && e.City.Contains(term)) || e.Slug.Contains(term.ToLower()));

    private static async Task<PagedResult<EventListItem>> PageAsync(IQueryable<Event> query, PageRequest page, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var items = await Project(query.OrderByDescending(e => e.StartDate).ThenBy(e => e.Id).Skip(page.Skip).Take(page.Take)).ToListAsync(ct);
        return new PagedResult<EventListItem>(items, total);
    }

    private static IQueryable<EventListItem> Project(IQueryable<Event> query) => query.Select(e => new EventListItem(
        e.Id, e.Slug, e.Title, e.Kind, e.Edition, e.Theme, e.StartDate, e.EndDate, e.TimeZoneId, e.City, e.Status,
        e.ParentEvent != null ? e.ParentEvent.Title : null, e.SubForums.Count, e.TitleEn));
}
