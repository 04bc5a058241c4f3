using System.Security.Claims;
using Events.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Events.Web.Access;

/// <summary>
/// Puts the user's display name into the sign-in cookie, so the app bar can greet people by name instead of their email
/// address. The cookie is rebuilt on every request (see the security stamp settings), so a renamed user sees the new name
/// on the next page.
/// </summary>
public sealed class DisplayNameClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string ClaimType = "events:display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName)) identity.AddClaim(new Claim(ClaimType, user.DisplayName));
        return identity;
    }

    /// <summary>The name to show for the signed-in user: the display name, or the email address for an account without one.</summary>
    public static string NameOf(ClaimsPrincipal user) =>
        user.FindFirst(ClaimType)?.Value ?? user.Identity?.Name ?? "";
}
