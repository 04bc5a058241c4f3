using System.Globalization;
using System.Security.Claims;
using Events.Infrastructure.Reviews;
using Microsoft.AspNetCore.Authorization;

namespace Events.Web.Access;

/// <summary>An accepted reviewer of the event in route <c>{eventId}</c>.</summary>
public sealed class EventReviewerRequirement : IAuthorizationRequirement
{
    public const string RouteKey = "eventId";
}

/// <summary>The assigned, accepted and unconflicted reviewer of the paper in route <c>{submissionId}</c>.</summary>
public sealed class PaperReviewerRequirement : IAuthorizationRequirement
{
    public const string RouteKey = "submissionId";
}

/// <summary>Both reviewer rules ask <see cref="ReviewAccess"/>, the one place where they are decided.</summary>
public sealed class ReviewerHandler(ReviewAccess access) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        foreach (var requirement in context.PendingRequirements.ToList())
        {
            if (userId is null) return;
            switch (requirement)
            {
                case EventReviewerRequirement when RouteInt(context.Resource, EventReviewerRequirement.RouteKey) is { } eventId:
                    if (await access.IsEventReviewerAsync(eventId, userId)) context.Succeed(requirement);
                    break;
                case PaperReviewerRequirement when RouteInt(context.Resource, PaperReviewerRequirement.RouteKey) is { } submissionId:
                    if (await access.MayReviewAsync(submissionId, userId)) context.Succeed(requirement);
                    break;
            }
        }
    }

    private static int? RouteInt(object? resource, string key)
    {
        var value = resource switch
        {
            HttpContext http => http.GetRouteValue(key),
            Microsoft.AspNetCore.Components.RouteData route => route.RouteValues
                .FirstOrDefault(kv => string.Equals(kv.Key, key, StringComparison.OrdinalIgnoreCase)).Value,
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
