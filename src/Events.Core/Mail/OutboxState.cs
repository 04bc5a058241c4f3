namespace Events.Core.Mail;

public enum OutboxState
{
    /// <summary>Bulk mail waiting for an organizer to review and release it.</summary>
    Held,
    Pending,

    /// <summary>Claimed by the sender; if the app dies here the claim expires and the message is sent again (at most once more).</summary>
    Sending,
    Sent,
    Failed,
    Cancelled,
}
