namespace Events.Core.Attendees;

/// <summary>
/// Where one registration stands. <see cref="Active"/> and <see cref="PendingApproval"/> hold a seat of their
/// category (a pending registration keeps its seat until the organizer decides, so an approval never overbooks);
/// <see cref="Waiting"/> holds none and is admitted only when an organizer approves it into a freed seat.
/// Only <see cref="Active"/> admits to attendees-only pages and downloads.
/// </summary>
public enum RegistrationState
{
    Active,
    Cancelled,

    /// <summary>待审核: the category needs an organizer's approval; the seat is held.</summary>
    PendingApproval,

    /// <summary>未通过: an organizer refused it; the seat was freed and the registrant told by mail.</summary>
    Refused,

    /// <summary>候补: the category was full; no seat is held and the registrant was told by mail.</summary>
    Waiting,
}

public static class RegistrationStates
{
    /// <summary>States that count as "has registered" for the one-registration-per-user rule.</summary>
    public static readonly RegistrationState[] Open = [RegistrationState.Active, RegistrationState.PendingApproval, RegistrationState.Waiting];

    /// <summary>States that hold a seat of the category (and of the event's overall capacity).</summary>
    public static readonly RegistrationState[] HoldingSeat = [RegistrationState.Active, RegistrationState.PendingApproval];

    public static bool IsOpen(RegistrationState s) => s is RegistrationState.Active or RegistrationState.PendingApproval or RegistrationState.Waiting;

    public static bool HoldsSeat(RegistrationState s) => s is RegistrationState.Active or RegistrationState.PendingApproval;
}
