using Events.Infrastructure.Attendees;

namespace Events.Infrastructure.Proceedings;

/// <summary>An attendee, for an attendees-only volume, is whoever registration counts as registered (the parent forum's registration included).</summary>
public sealed class RegisteredAttendees(RegistrationStatus registrations) : IProceedingsAccess
{
    public Task<bool> IsAttendeeAsync(int eventId, string userId, CancellationToken ct = default) =>
        registrations.IsRegisteredAsync(eventId, userId, ct);
}
