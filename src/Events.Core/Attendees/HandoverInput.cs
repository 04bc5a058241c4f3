using Events.Core.Validation;

namespace Events.Core.Attendees;

/// <summary>换人: the colleague a registrant hands their place to.</summary>
public sealed class HandoverInput
{
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string? Organization { get; set; }

    /// <summary>The colleague's mainland mobile (optional, as the registrant's own phone is), validated like the 回执's.</summary>
    public string? Mobile { get; set; }

    /// <summary>The mobile as stored: 11 digits, or null when none was given.</summary>
    public string? NormalizedMobile => ChineseIdentifiers.NormalizeMobile(Mobile);

    public IReadOnlyList<RuleViolation> Validate()
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(Name)) errors.Add(new(nameof(Name), "Required"));
        if (string.IsNullOrWhiteSpace(Email)) errors.Add(new(nameof(Email), "Required"));
        else if (!EmailRules.IsBareAddress(Email)) errors.Add(new(nameof(Email), "EmailFormat"));
        FieldLimits.Check(errors, nameof(Name), Name, FieldLimits.PersonName);
        FieldLimits.Check(errors, nameof(Email), Email, FieldLimits.Email);
        FieldLimits.Check(errors, nameof(Organization), Organization, FieldLimits.OrganizationName);
        FieldLimits.Check(errors, nameof(Mobile), Mobile, FieldLimits.Phone);
        if (!string.IsNullOrWhiteSpace(Mobile) && NormalizedMobile is null) errors.Add(new(nameof(Mobile), "MobileFormat"));
        return errors;
    }
}
