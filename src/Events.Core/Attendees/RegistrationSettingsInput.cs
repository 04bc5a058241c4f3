using Events.Core.Program;
using Events.Core.Validation;

namespace Events.Core.Attendees;

/// <summary>
/// What an organizer edits on the registration settings form. The closing time is entered as a day and a time in
/// the event's own time zone; a day without a time closes at the end of that day.
/// </summary>
public sealed class RegistrationSettingsInput
{
    public bool IsOpen { get; set; }
    public int? Capacity { get; set; }
    public DateOnly? ClosesOn { get; set; }
    public TimeOnly? ClosesAtTime { get; set; }

    /// <summary>The last day (and time) registrants may edit their 回执, cancel or hand over themselves; none: until the event ends.</summary>
    public DateOnly? SelfServiceUntilDay { get; set; }
    public TimeOnly? SelfServiceUntilTime { get; set; }

    /// <summary>Days after the event when mobile and ID numbers are erased; none keeps them.</summary>
    public int? PersonalDataRetentionDays { get; set; }

    /// <summary>The stamp loaded with the settings; empty when the event had none yet.</summary>
    public Guid ConcurrencyStamp { get; set; }

    public IReadOnlyList<RuleViolation> Validate()
    {
        var errors = new List<RuleViolation>();
        if (Capacity is <= 0) errors.Add(new(nameof(Capacity), "MustBePositive"));
        if (ClosesAtTime is not null && ClosesOn is null) errors.Add(new(nameof(ClosesOn), "Required"));
        if (SelfServiceUntilTime is not null && SelfServiceUntilDay is null) errors.Add(new(nameof(SelfServiceUntilDay), "Required"));
        if (PersonalDataRetentionDays is < 0 or > 3650) errors.Add(new(nameof(PersonalDataRetentionDays), "RetentionRange"));
        return errors;
    }

    public DateTimeOffset? ClosesAt(TimeZoneInfo zone) =>
        ClosesOn is { } day ? ProgramTime.ToInstant(day, ClosesAtTime ?? EndOfDay, zone) : null;

    public static RegistrationSettingsInput From(RegistrationSettings? s, TimeZoneInfo zone)
    {
        if (s is null) return new RegistrationSettingsInput();
        DateTime? local = s.ClosesAt is { } at ? TimeZoneInfo.ConvertTime(at, zone).DateTime : null;
        DateTime? self = s.SelfServiceUntil is { } su ? TimeZoneInfo.ConvertTime(su, zone).DateTime : null;
        return new RegistrationSettingsInput
        {
            IsOpen = s.IsOpen,
            Capacity = s.Capacity,
            ClosesOn = local is { } d ? DateOnly.FromDateTime(d) : null,
            ClosesAtTime = local is { } t ? TimeOnly.FromDateTime(t) : null,
            SelfServiceUntilDay = self is { } sd ? DateOnly.FromDateTime(sd) : null,
            SelfServiceUntilTime = self is { } st ? TimeOnly.FromDateTime(st) : null,
            PersonalDataRetentionDays = s.PersonalDataRetentionDays,
            ConcurrencyStamp = s.ConcurrencyStamp,
        };
    }

    /// <summary>Copies the edited values; the seat count is never the form's to change.</summary>
    public void ApplyTo(RegistrationSettings s, TimeZoneInfo zone)
    {
        s.IsOpen = IsOpen;
        s.Capacity = Capacity;
        s.ClosesAt = ClosesAt(zone);
        s.SelfServiceUntil = SelfServiceUntilDay is { } day ? ProgramTime.ToInstant(day, SelfServiceUntilTime ?? EndOfDay, zone) : null;
        if (s.PersonalDataRetentionDays != PersonalDataRetentionDays) s.PersonalDataErasedAt = null;
        s.PersonalDataRetentionDays = PersonalDataRetentionDays;
    }

    /// <summary>23:59 — the last minute of the day, which is how people read "closes on 8 September".</summary>
    public static readonly TimeOnly EndOfDay = new(23, 59);
}
