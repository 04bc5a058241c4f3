namespace Events.Infrastructure.Proceedings;

/// <summary>
/// Whether a signed-in user counts as an attendee of an event, for volumes that only attendees may download.
/// Organizers of the event are let in separately, by the event-staff rule.
/// </summary>
public interface IProceedingsAccess
{
    Task<bool> IsAttendeeAsync(int eventId, string userId, CancellationToken ct = default);
}
