namespace Events.Core.Attendees;

/// <summary>Why a registration is not taken; each has a message for the attendee (RegistrationRefusal.*).</summary>
public enum RegistrationRefusal
{
    NotPublished,
    AlreadyRegistered,
    NotOpen,
    DeadlinePassed,
    Full,
}
