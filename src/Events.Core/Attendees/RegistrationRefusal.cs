namespace Events.Core.Attendees;

/// <summary>Why a registration is not taken; each has a message for the attendee (RegistrationRefusal.*).</summary>
public enum RegistrationRefusal
{
    NotPublished,
    AlreadyRegistered,
    NotOpen,
    DeadlinePassed,
    Full,

    /// <summary>The event is over: nothing is registered or changed for it any more.</summary>
    EventEnded,

    /// <summary>The registrant's own changes (回执, cancelling, handing over) closed at the event's self-service deadline.</summary>
    SelfServiceClosed,
}
