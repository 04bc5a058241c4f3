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

    /// <summary>The signed-in user as the services see them: the id and the site roles that carry rights.</summary>
    public static Actor Actor(ClaimsPrincipal user) =>
        new(UserId(user), user.IsInRole(Roles.Administrator), user.IsInRole(Roles.Organizer));
}

public static class ActorExtensions
{
    /// <summary>For pages: <c>await Auth.ActorAsync()</c> with their cascading authentication state.</summary>
    public static async Task<Actor> ActorAsync(this Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState> auth) =>
        EventAccess.Actor((await auth).User);
}
