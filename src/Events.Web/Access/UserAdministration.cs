using Events.Core.Access;
using Events.Core.Common;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Events.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Events.Web.Access;

public sealed record UserListItem(string Id, string Email, string? DisplayName, IReadOnlyList<string> Roles);

/// <summary>
/// Administrators grant and revoke site roles. Each call uses its own scope, so an interactive page
/// never keeps an Identity store (and its DbContext) open for the life of the circuit.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, IDbContextFactory<EventsDbContext> factory)
{
    public async Task<PagedResult<UserListItem>> SearchAsync(PageRequest page, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.Users.AsQueryable();
        if (page.Term is { } term)
        {
            var upper = term.ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(upper) || (u.DisplayName != null && u.DisplayName.Contains(term)));
        }
        var total = await query.CountAsync(ct);
        var users = await query.OrderBy(u => u.NormalizedEmail).Skip(page.Skip).Take(page.Take)
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var items = users.Select(u => new UserListItem(u.Id, u.Email ?? "", u.DisplayName,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal).ToList())).ToList();
        return new PagedResult<UserListItem>(items, total);
    }

    /// <summary>Sets one role on or off. An administrator cannot remove their own Administrator role, so the site never loses its last one by accident.</summary>
    public async Task<bool> SetRoleAsync(Actor actor, string userId, string role, bool on)
    {
        EventRights.DemandAdministrator(actor);
        if (!Roles.All.Contains(role)) return false;
        if (!on && role == Roles.Administrator && userId == actor.UserId) return false;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null) return false;
        var has = await users.IsInRoleAsync(user, role);
        if (has == on) return true;
        var result = on ? await users.AddToRoleAsync(user, role) : await users.RemoveFromRoleAsync(user, role);
        return result.Succeeded;
    }
}
