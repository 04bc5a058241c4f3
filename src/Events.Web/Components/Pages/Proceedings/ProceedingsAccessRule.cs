using System.Security.Claims;
using Events.Core.Proceedings;
using Events.Infrastructure.Proceedings;
using Events.Web.Access;

namespace Events.Web.Components.Pages.Proceedings;

public enum DownloadAccess
{
    Allowed,

    /// <summary>Only attendees may download, and nobody is signed in: ask them to.</summary>
    SignInRequired,
    Forbidden,
}

/// <summary>
/// Who may download an event's volume and papers, decided in this one place for the files and the attendee page alike:
/// anyone when the volume is public; otherwise registered attendees and the event's organizers (administrators too).
/// </summary>
public sealed class ProceedingsAccessRule(IProceedingsAccess attendees, EventAccess events)
{
    public async Task<DownloadAccess> DecideAsync(ClaimsPrincipal user, int eventId, ProceedingsAccess mode, CancellationToken ct = default)
    {
        if (mode == ProceedingsAccess.Public) return DownloadAccess.Allowed;
        if (user.Identity?.IsAuthenticated != true) return DownloadAccess.SignInRequired;
        if (await events.CanManageAsync(user, eventId)) return DownloadAccess.Allowed;
        return await attendees.IsAttendeeAsync(eventId, EventAccess.UserId(user), ct) ? DownloadAccess.Allowed : DownloadAccess.Forbidden;
    }
}
