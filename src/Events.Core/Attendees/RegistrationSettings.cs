using Events.Core.Common;

namespace Events.Core.Attendees;

/// <summary>
/// Whether and until when an event takes registrations, and how many. An event without settings takes none:
/// registration opens only when an organizer says so.
/// </summary>
public class RegistrationSettings : IConcurrencyVersioned
{
    public int EventId { get; set; }
    public bool IsOpen { get; set; }

    /// <summary>Seats in all; null means no limit.</summary>
    public int? Capacity { get; set; }

    /// <summary>The moment registration closes (UTC), entered in the event's time zone; null means it stays open.</summary>
    public DateTimeOffset? ClosesAt { get; set; }

    /// <summary>
    /// Active registrations, kept beside the capacity so that taking a seat is one conditional update
    /// (see <see cref="RegistrationRules.HasSeatAt"/>). Registering and cancelling change it in the same transaction
    /// as the registration row; the organizer's form never writes it.
    /// </summary>
    public int SeatsTaken { get; set; }

    /// <summary>Until when (UTC) registrants may edit their 回执, cancel or hand their place over themselves; null: until the event ends.</summary>
    public DateTimeOffset? SelfServiceUntil { get; set; }

    /// <summary>Days after the event's last day when mobile and ID numbers are erased; null keeps them.</summary>
    public int? PersonalDataRetentionDays { get; set; }

    /// <summary>When the retention worker erased the event's personal data; null while it is kept.</summary>
    public DateTimeOffset? PersonalDataErasedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
