using Events.Core.Validation;

namespace Events.Core.People;

/// <summary>What an organizer edits on the person form; positions are kept in the order shown.</summary>
public sealed class PersonInput
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public string? Bio { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public List<PositionInput> Positions { get; set; } = [];
    public Guid ConcurrencyStamp { get; set; }

    public IReadOnlyList<RuleViolation> Validate()
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(Name)) errors.Add(new(nameof(Name), "Required"));
        if (!string.IsNullOrWhiteSpace(Email) && !EmailRules.IsBareAddress(Email)) errors.Add(new(nameof(Email), "EmailFormat"));
        FieldLimits.Check(errors, nameof(Name), Name, FieldLimits.PersonName);
        FieldLimits.Check(errors, nameof(NameEn), NameEn, FieldLimits.PersonNameEn);
        FieldLimits.Check(errors, nameof(Bio), Bio, FieldLimits.Bio);
        FieldLimits.Check(errors, nameof(Email), Email, FieldLimits.Email);
        FieldLimits.Check(errors, nameof(Phone), Phone, FieldLimits.Phone);
        for (var i = 0; i < Positions.Count; i++)
        {
            var field = $"{nameof(Positions)}[{i}].Title";
            if (string.IsNullOrWhiteSpace(Positions[i].Title)) errors.Add(new(field, "Required"));
            FieldLimits.Check(errors, field, Positions[i].Title, FieldLimits.Title);
        }
        return errors;
    }

    public static PersonInput From(Person p) => new()
    {
        Id = p.Id,
        Name = p.Name,
        NameEn = p.NameEn,
        Bio = p.Bio,
        Email = p.Email,
        Phone = p.Phone,
        Positions = p.Positions.OrderBy(x => x.Order)
            .Select(x => new PositionInput { OrganizationId = x.OrganizationId, Title = x.Title }).ToList(),
        ConcurrencyStamp = p.ConcurrencyStamp,
    };

    /// <summary>Positions are replaced wholesale: their identity is their place in the list.</summary>
    public void ApplyTo(Person p)
    {
        p.Name = Name.Trim();
        p.NameEn = Blank(NameEn);
        p.Bio = Blank(Bio);
        p.Email = Blank(Email);
        p.Phone = Blank(Phone);
        p.Positions.Clear();
        p.Positions.AddRange(Positions.Select((x, i) => new Position { OrganizationId = x.OrganizationId, Title = x.Title.Trim(), Order = i }));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
