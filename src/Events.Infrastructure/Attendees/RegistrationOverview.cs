using Events.Core.Attendees;

namespace Events.Infrastructure.Attendees;

/// <summary>What the registration page needs to know about one published event for one user.</summary>
public sealed record RegistrationOverview(
    int EventId, string Slug, string Title, DateOnly StartDate, DateOnly EndDate, string TimeZoneId,
    int? Capacity, int SeatsTaken, DateTimeOffset? ClosesAt,
    RegistrationRefusal? Refusal, int? ActiveRegistrationId, RegistrationInput Prefill)
{
    public int? SeatsLeft => RegistrationRules.SeatsLeft(Capacity, SeatsTaken);
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
    public static RegistrationResult Registered(int id) => new(RegistrationOutcome.Registered, id);
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
