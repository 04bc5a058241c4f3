using System.Globalization;
using System.Security.Claims;
using Events.Infrastructure.Access;
using Microsoft.AspNetCore.Authorization;

namespace Events.Web.Access;

public sealed class BulletinEditorRequirement : IAuthorizationRequirement
{
    public const string RouteKey = "bulletinId";
}

/// <summary>
/// Who may edit one issue, decided by <see cref="EventRights.MayEditBulletinAsync"/>.
/// The issue id comes from the route, as for <see cref="EventStaffHandler"/>.
/// </summary>
public sealed class BulletinEditorHandler(EventRights rights) : AuthorizationHandler<BulletinEditorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, BulletinEditorRequirement requirement)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || BulletinIdOf(context.Resource) is not { } id) return;
        if (await rights.MayEditBulletinAsync(EventAccess.Actor(context.User), id)) context.Succeed(requirement);
    }

    private static int? BulletinIdOf(object? resource)
    {
        var value = resource switch
        {
            int id => id,
            HttpContext http => http.GetRouteValue(BulletinEditorRequirement.RouteKey),
            Microsoft.AspNetCore.Components.RouteData route => route.RouteValues
                .FirstOrDefault(kv => string.Equals(kv.Key, BulletinEditorRequirement.RouteKey, StringComparison.OrdinalIgnoreCase)).Value,
            _ => null,
        };
        return value switch
        {
            int i => i,
            string s when int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }
}
