using Events.Core.Validation;

namespace Events.Core.Organizations;

public sealed class OrganizationInput
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public string? ShortName { get; set; }
    public string? NameEn { get; set; }
    public OrganizationKind Kind { get; set; } = OrganizationKind.Other;
    public int? ParentId { get; set; }
    public Guid ConcurrencyStamp { get; set; }

    public IReadOnlyList<RuleViolation> Validate()
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(Name)) errors.Add(new(nameof(Name), "Required"));
        FieldLimits.Check(errors, nameof(Name), Name, FieldLimits.OrganizationName);
        FieldLimits.Check(errors, nameof(ShortName), ShortName, FieldLimits.ShortName);
        FieldLimits.Check(errors, nameof(NameEn), NameEn, FieldLimits.OrganizationNameEn);
        if (ParentId is not null && ParentId == Id) errors.Add(new(nameof(ParentId), "ParentIsSelf"));
        return errors;
    }

    public static OrganizationInput From(Organization o) => new()
    {
        Id = o.Id,
        Name = o.Name,
        ShortName = o.ShortName,
        NameEn = o.NameEn,
        Kind = o.Kind,
        ParentId = o.ParentId,
        ConcurrencyStamp = o.ConcurrencyStamp,
    };

    public void ApplyTo(Organization o)
    {
        o.Name = Name.Trim();
        o.ShortName = string.IsNullOrWhiteSpace(ShortName) ? null : ShortName.Trim();
        o.NameEn = string.IsNullOrWhiteSpace(NameEn) ? null : NameEn.Trim();
        o.Kind = Kind;
        o.ParentId = ParentId;
    }
}
