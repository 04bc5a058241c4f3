using System.Globalization;
using System.Security.Claims;
using Events.Core.Access;
using Events.Infrastructure.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace Events.Web.Access;

public sealed class EventStaffRequirement : IAuthorizationRequirement
{
    public const string RouteKey = "eventId";
}

/// <summary>
/// Decides event-level organizer rights. The event id comes from the route: an HTTP request passes its HttpContext,
/// an interactive page its RouteData, and a component may pass the id itself.
/// </summary>
public sealed class EventStaffHandler(EventRights rights) : AuthorizationHandler<EventStaffRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, EventStaffRequirement requirement)
    {
        if (context.User.IsInRole(Roles.Administrator))
        {
            context.Succeed(requirement);
            return;
        }
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || EventIdOf(context.Resource) is not { } eventId) return;
        if (await rights.MayManageEventAsync(EventAccess.Actor(context.User), eventId)) context.Succeed(requirement);
    }

    private static int? EventIdOf(object? resource)
    {
        var value = resource switch
        {
            int id => id,
            HttpContext http => http.GetRouteValue(EventStaffRequirement.RouteKey),
            Microsoft.AspNetCore.Components.RouteData route => route.RouteValues
                .FirstOrDefault(kv => string.Equals(kv.Key, EventStaffRequirement.RouteKey, StringComparison.OrdinalIgnoreCase)).Value,
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
