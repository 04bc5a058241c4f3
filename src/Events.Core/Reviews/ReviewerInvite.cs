using Events.Core.Validation;

namespace Events.Core.Reviews;

/// <summary>An organizer's invitation of one reviewer.</summary>
public sealed class ReviewerInvite
{
    public string Email { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Affiliation { get; set; }
    public int? MaxLoad { get; set; }

    public IReadOnlyList<RuleViolation> Validate()
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(Email)) errors.Add(new(nameof(Email), "Required"));
        else if (!EmailRules.IsBareAddress(Email)) errors.Add(new(nameof(Email), "EmailFormat"));
        FieldLimits.Check(errors, nameof(Email), Email, FieldLimits.Email);
        if (string.IsNullOrWhiteSpace(Name)) errors.Add(new(nameof(Name), "Required"));
        FieldLimits.Check(errors, nameof(Name), Name, FieldLimits.PersonName);
        FieldLimits.Check(errors, nameof(Affiliation), Affiliation, FieldLimits.Affiliation);
        if (MaxLoad is < 0) errors.Add(new(nameof(MaxLoad), "MustNotBeNegative"));
        return errors;
    }
}
