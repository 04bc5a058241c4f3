namespace Events.Infrastructure.Proceedings;

/// <summary>
/// Attendee registration is not part of the product yet, so no account counts as an attendee: an attendees-only volume
/// is open to the event's organizers alone. Registration replaces this with its own answer.
/// </summary>
public sealed class RegisteredAttendees : IProceedingsAccess
{
    public Task<bool> IsAttendeeAsync(int eventId, string userId, CancellationToken ct = default) => Task.FromResult(false);
}
