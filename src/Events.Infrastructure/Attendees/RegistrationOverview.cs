using Events.Core.Attendees;
using Events.Core.Events;

namespace Events.Infrastructure.Attendees;

/// <summary>What the registration page needs to know about one published event for one user.</summary>
public sealed record RegistrationOverview(
    int EventId, string Slug, string Title, DateOnly StartDate, DateOnly EndDate, string TimeZoneId,
    int? Capacity, int SeatsTaken, DateTimeOffset? ClosesAt,
    RegistrationRefusal? Refusal, int? ActiveRegistrationId, RegistrationInput Prefill)
{
    public int? SeatsLeft => RegistrationRules.SeatsLeft(Capacity, SeatsTaken);

    /// <summary>The categories a registrant chooses from (open ones, in order); empty when the event has none.</summary>
    public IReadOnlyList<RegistrationCategory> Categories { get; init; } = [];

    /// <summary>The event's 回执; empty when it has none.</summary>
    public Core.Attendees.Forms.ReplyFormDefinition Form { get; init; } = new();
}

public enum RegistrationOutcome
{
    Registered,
    Invalid,
    Refused,
    NotFound,
}

/// <summary>The answer to one registration attempt. Nothing was written unless the outcome is Registered.</summary>
public sealed record RegistrationResult(
    RegistrationOutcome Outcome, int RegistrationId = 0, RegistrationRefusal? Refusal = null,
    IReadOnlyList<Core.Validation.RuleViolation>? Errors = null)
{
    public IReadOnlyList<Core.Validation.RuleViolation> Violations => Errors ?? [];
    /// <summary>Active, pending approval (审核) or waiting (候补) when Registered.</summary>
    public RegistrationState State { get; init; } = RegistrationState.Active;
    public static RegistrationResult Registered(int id, RegistrationState state = RegistrationState.Active) => new(RegistrationOutcome.Registered, id) { State = state };
    public static RegistrationResult Invalid(IReadOnlyList<Core.Validation.RuleViolation> errors) => new(RegistrationOutcome.Invalid, Errors: errors);
    public static RegistrationResult Refused(RegistrationRefusal why) => new(RegistrationOutcome.Refused, Refusal: why);
    public static readonly RegistrationResult NotFound = new(RegistrationOutcome.NotFound);
}

/// <summary>A user's registration with the event it is for, as the attendee sees it.</summary>
public sealed record MyRegistration(
    int RegistrationId, int EventId, string Slug, string EventTitle, DateOnly StartDate, DateOnly EndDate, string TimeZoneId,
    string Name, string Organization, string Title, string Email, string? Phone,
    RegistrationState State, DateTimeOffset RegisteredAt, DateTimeOffset? CancelledAt, bool CancelledByOrganizer);

/// <summary>A published event a page shows, and the active registration that lets the user in (its own, or its parent event's); null when they are not registered.</summary>
public sealed record EventAdmission(int EventId, string EventTitle, MyRegistration? Registration);

public enum ChangeOutcome
{
    Done,
    /// <summary>A handover waits for the organizer's approval.</summary>
    Pending,
    Invalid,
    Refused,
    Conflict,
    NotFound,
}

/// <summary>The answer to a registrant's or organizer's change of an existing registration; nothing was written unless Done or Pending.</summary>
public sealed record ChangeResult(ChangeOutcome Outcome, RegistrationRefusal? Refusal = null, IReadOnlyList<Core.Validation.RuleViolation>? Errors = null)
{
    public IReadOnlyList<Core.Validation.RuleViolation> Violations => Errors ?? [];
    public static readonly ChangeResult Done = new(ChangeOutcome.Done);
    public static readonly ChangeResult Pending = new(ChangeOutcome.Pending);
    public static readonly ChangeResult Conflict = new(ChangeOutcome.Conflict);
    public static readonly ChangeResult NotFound = new(ChangeOutcome.NotFound);
    public static ChangeResult Invalid(IReadOnlyList<Core.Validation.RuleViolation> errors) => new(ChangeOutcome.Invalid, Errors: errors);
    public static ChangeResult Refused(RegistrationRefusal why) => new(ChangeOutcome.Refused, why);
}

public enum DecisionOutcome
{
    Done,
    NotFound,
    /// <summary>A waiting registration cannot be admitted: no seat is free in the event or its category.</summary>
    NoSeat,
    EventEnded,
}

/// <summary>A registrant's own registration, ready to edit: the form filled from it, the 回执, and whether they may still change it.</summary>
public sealed record OwnRegistration(
    int RegistrationId, int EventId, RegistrationState State, int? CategoryId, RegistrationInput Input,
    Core.Attendees.Forms.ReplyFormDefinition Form, RegistrationRefusal? SelfServiceRefusal, bool HandoverPending)
{
    /// <summary>The category registered in (closed ones too); null without categories.</summary>
    public RegistrationCategory? Category { get; init; }

    /// <summary>The badge's current version: the confirmation QR on the registrant's page is the badge's signed code of this version.</summary>
    public int BadgeVersion { get; init; }

    /// <summary>Until when the registrant may change, cancel or hand over the registration themselves; null: until the event ends.</summary>
    public DateTimeOffset? SelfServiceUntil { get; init; }

    public string TimeZoneId { get; init; } = Event.DefaultTimeZone;

    /// <summary>The fee owed, fixed when registering (the early-bird fee before its deadline).</summary>
    public decimal? FeeAmount { get; init; }

    /// <summary>The colleague a handover waiting for approval would give the place to.</summary>
    public string? HandoverName { get; init; }
    public string? HandoverEmail { get; init; }
}
