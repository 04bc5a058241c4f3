namespace Events.Core.Attendees;

/// <summary>
/// One signed-in user's registration (报名) for one event, with the details they gave for the attendee list.
/// A cancelled registration stays as history; the user may register again, and at most one is active at a time.
/// </summary>
public class Registration
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required string Organization { get; set; }

    /// <summary>职务 / 职称, as on a name badge.</summary>
    public required string Title { get; set; }
    public required string Email { get; set; }
    public string? Phone { get; set; }
    public RegistrationState State { get; set; } = RegistrationState.Active;
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>True when an organizer cancelled on the attendee's behalf.</summary>
    public bool CancelledByOrganizer { get; set; }

    /// <summary>How many times the badge was reprinted. Its QR and short code are signed with this, so a reprint withdraws the lost badge.</summary>
    public int BadgeVersion { get; set; }
}
