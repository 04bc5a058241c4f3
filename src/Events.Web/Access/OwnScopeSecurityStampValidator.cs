using Events.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Events.Web.Access;

/// <summary>
/// Identity's security-stamp check, run in a scope of its own. The stock check uses the request's scoped
/// <c>EventsDbContext</c>, and a request lives as long as it runs: for the WebSocket of an interactive page that is as long
/// as the tab stays open, so each circuit kept a database context (and the identity services around it, about 15 KB) it
/// used once, when the socket opened (docs/benchmarks.md, "Idle organizer circuits"). Checked the same way, on every
/// request (see <see cref="AccessServiceCollectionExtensions"/>).
/// </summary>
public sealed class OwnScopeSecurityStampValidator(IServiceScopeFactory scopes) : ISecurityStampValidator
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var scope = scopes.CreateAsyncScope();
        var stock = ActivatorUtilities.CreateInstance<SecurityStampValidator<AppUser>>(scope.ServiceProvider);
        await stock.ValidateAsync(context);
    }
}
