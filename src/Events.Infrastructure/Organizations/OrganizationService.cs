using Events.Core.Access;
using Events.Core.Common;
using Events.Core.Organizations;
using Events.Core.Validation;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Organizations;

public sealed class OrganizationService(IDbContextFactory<EventsDbContext> factory)
{
    /// <summary>Server-side paging and substring search on every name, sorted by pinyin.</summary>
    public async Task<PagedResult<OrganizationListItem>> SearchAsync(PageRequest page, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.Organizations.AsQueryable();
        if (page.Term is { } term)
        {
            var lower = term.ToLower();
            query = query.Where(o => o.Name.Contains(term) || (o.ShortName != null && o.ShortName.Contains(term))
                || (o.NameEn != null && o.NameEn.ToLower().Contains(lower)));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByChinese(db, o => o.Name).Skip(page.Skip).Take(page.Take)
            .Select(o => new OrganizationListItem(o.Id, o.Name, o.ShortName, o.NameEn, o.Kind, o.Parent != null ? o.Parent.Name : null))
            .ToListAsync(ct);
        return new PagedResult<OrganizationListItem>(items, total);
    }

    public async Task<IReadOnlyList<OrganizationListItem>> GetManyAsync(IEnumerable<int> ids, CancellationToken ct = default)
    {
        var list = ids.Distinct().ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Organizations.Where(o => list.Contains(o.Id))
            .Select(o => new OrganizationListItem(o.Id, o.Name, o.ShortName, o.NameEn, o.Kind, o.Parent != null ? o.Parent.Name : null))
            .ToListAsync(ct);
    }

    public async Task<OrganizationInput?> LoadAsync(int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        return org is null ? null : OrganizationInput.From(org);
    }

    public async Task<SaveResult> SaveAsync(Actor actor, OrganizationInput input, CancellationToken ct = default)
    {
        EventRights.DemandOrganizerRole(actor);
        var errors = input.Validate().ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        if (input.ParentId is { } parentId && errors.Count == 0 && await CreatesCycleAsync(db, input.Id, parentId, ct))
        {
            errors.Add(new RuleViolation(nameof(OrganizationInput.ParentId), "ParentCycle"));
        }
        if (errors.Count > 0) return SaveResult.Invalid(errors);

        Organization org;
        if (input.Id is { } id)
        {
            var found = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct);
            if (found is null) return SaveResult.NotFound;
            org = found;
            db.ExpectVersion(org, input.ConcurrencyStamp);
        }
        else
        {
            org = new Organization { Name = input.Name };
            db.Organizations.Add(org);
        }
        input.ApplyTo(org);
        if (!await db.TrySaveVersionedAsync(ct)) return SaveResult.Conflict;
        input.Id = org.Id;
        input.ConcurrencyStamp = org.ConcurrencyStamp;
        return SaveResult.Saved(org.Id);
    }

    private static async Task<bool> CreatesCycleAsync(EventsDbContext db, int? selfId, int parentId, CancellationToken ct)
    {
        if (selfId is null) return false;
        int? current = parentId;
        var seen = new HashSet<int>();
        while (current is { } c && seen.Add(c))
        {
            if (c == selfId) return true;
            current = await db.Organizations.Where(o => o.Id == c).Select(o => o.ParentId).FirstOrDefaultAsync(ct);
        }
        return false;
    }
}
