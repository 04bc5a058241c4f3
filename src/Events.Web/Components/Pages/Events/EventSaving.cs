using System.Security.Claims;
using Events.Core.Common;
using Events.Core.Events;
using Events.Core.Validation;
using Events.Infrastructure.Events;
using Events.Web.Access;

namespace Events.Web.Components.Pages.Events;

/// <summary>
/// Saving from the new and edit pages: placing an event under a parent needs organizer rights over the parent,
/// checked here on the server before anything is written.
/// </summary>
public sealed class EventSaving(EventEditor editor, EventAccess access)
{
    public async Task<SaveResult> SaveAsync(EventInput input, ClaimsPrincipal user)
    {
        if (input.ParentEventId is { } parentId && !await access.CanManageAsync(user, parentId))
        {
            return SaveResult.Invalid([new RuleViolation(nameof(EventInput.ParentEventId), "ParentNotYours")]);
        }
        return await editor.SaveAsync(input, EventAccess.UserId(user));
    }
}
