using Events.Core.Validation;

namespace Events.Core.Attendees;

/// <summary>换人: the colleague a registrant hands their place to.</summary>
public sealed class HandoverInput
{
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string? Organization { get; set; }

    public IReadOnlyList<RuleViolation> Validate()
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(Name)) errors.Add(new(nameof(Name), "Required"));
        if (string.IsNullOrWhiteSpace(Email)) errors.Add(new(nameof(Email), "Required"));
        else if (!EmailRules.IsBareAddress(Email)) errors.Add(new(nameof(Email), "EmailFormat"));
        FieldLimits.Check(errors, nameof(Name), Name, FieldLimits.PersonName);
        FieldLimits.Check(errors, nameof(Email), Email, FieldLimits.Email);
        FieldLimits.Check(errors, nameof(Organization), Organization, FieldLimits.OrganizationName);
        return errors;
    }
}
