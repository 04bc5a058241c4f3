using System.Globalization;
using System.Security.Claims;
using Events.Infrastructure.Bulletins;
using Events.Infrastructure.Events;
using Microsoft.AspNetCore.Authorization;

namespace Events.Web.Access;

public sealed class BulletinEditorRequirement : IAuthorizationRequirement
{
    public const string RouteKey = "bulletinId";
}

/// <summary>
/// Who may edit one issue: organizers and administrators (who run the series), and, for an issue about an event,
/// the staff of that event or of its parent forum. The issue id comes from the route, as for <see cref="EventStaffHandler"/>.
/// </summary>
public sealed class BulletinEditorHandler(BulletinService bulletins, EventStaffEditor staff) : AuthorizationHandler<BulletinEditorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, BulletinEditorRequirement requirement)
    {
        if (Policies.OrganizerRoles.Any(context.User.IsInRole))
        {
            context.Succeed(requirement);
            return;
        }
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || BulletinIdOf(context.Resource) is not { } id) return;
        if (await bulletins.AccessInfoAsync(id) is not { } info) return;
        foreach (var eventId in new[] { info.EventId, info.ParentEventId })
        {
            if (eventId is { } e && await staff.IsStaffAsync(e, userId))
            {
                context.Succeed(requirement);
                return;
            }
        }
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
