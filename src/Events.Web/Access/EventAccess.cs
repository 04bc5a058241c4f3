using System.Security.Claims;
using Events.Core.Access;
using Microsoft.AspNetCore.Authorization;

namespace Events.Web.Access;

/// <summary>Asks the <see cref="Policies.EventStaff"/> rule about an event that is not in the route, such as a new sub-forum's parent.</summary>
public sealed class EventAccess(IAuthorizationService authorization)
{
    public async Task<bool> CanManageAsync(ClaimsPrincipal user, int eventId) =>
        (await authorization.AuthorizeAsync(user, eventId, Policies.EventStaff)).Succeeded;

    public static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The user is not signed in.");

    public static bool IsAdministrator(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator);
}
