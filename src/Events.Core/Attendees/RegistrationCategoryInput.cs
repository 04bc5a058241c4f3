using Events.Core.Program;
using Events.Core.Validation;

namespace Events.Core.Attendees;

/// <summary>What an organizer edits for one category; the early-bird deadline is a day and time in the event's zone.</summary>
public sealed class RegistrationCategoryInput
{
    public const int NameLength = 100;
    public const decimal MaxFee = 1_000_000m;
    public const int BadgeLabelLength = 20;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public int? Capacity { get; set; }
    public decimal? Fee { get; set; }
    public decimal? EarlyBirdFee { get; set; }
    public DateOnly? EarlyBirdUntilDay { get; set; }
    public TimeOnly? EarlyBirdUntilTime { get; set; }
    public bool RequiresApproval { get; set; }
    public bool IsClosed { get; set; }

    /// <summary>The badge band's colour, <c>#RRGGBB</c>; empty for the palette's default.</summary>
    public string? BadgeColour { get; set; }
    public string? BadgeLabel { get; set; }
    public string? BadgeLabelEn { get; set; }
    public Guid ConcurrencyStamp { get; set; }

    public IReadOnlyList<RuleViolation> Validate()
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(Name)) errors.Add(new(nameof(Name), "Required"));
        FieldLimits.Check(errors, nameof(Name), Name, NameLength);
        FieldLimits.Check(errors, nameof(NameEn), NameEn, NameLength * 2);
        if (Capacity is <= 0) errors.Add(new(nameof(Capacity), "MustBePositive"));
        if (Fee is < 0 or > MaxFee) errors.Add(new(nameof(Fee), "FeeRange"));
        if (EarlyBirdFee is < 0 or > MaxFee) errors.Add(new(nameof(EarlyBirdFee), "FeeRange"));
        if (EarlyBirdFee is not null && EarlyBirdUntilDay is null) errors.Add(new(nameof(EarlyBirdUntilDay), "Required"));
        if (EarlyBirdFee is not null && Fee is not null && EarlyBirdFee > Fee) errors.Add(new(nameof(EarlyBirdFee), "EarlyBirdAboveFee"));
        if (!string.IsNullOrWhiteSpace(BadgeColour) && OnSite.BadgeColours.Normalize(BadgeColour) is null) errors.Add(new(nameof(BadgeColour), "BadgeColourInvalid"));
        FieldLimits.Check(errors, nameof(BadgeLabel), BadgeLabel, BadgeLabelLength);
        FieldLimits.Check(errors, nameof(BadgeLabelEn), BadgeLabelEn, BadgeLabelLength * 2);
        return errors;
    }

    public static RegistrationCategoryInput From(RegistrationCategory c, TimeZoneInfo zone)
    {
        DateTime? local = c.EarlyBirdUntil is { } at ? TimeZoneInfo.ConvertTime(at, zone).DateTime : null;
        return new()
        {
            Id = c.Id, Name = c.Name, NameEn = c.NameEn, Capacity = c.Capacity, Fee = c.Fee, EarlyBirdFee = c.EarlyBirdFee,
            EarlyBirdUntilDay = local is { } d ? DateOnly.FromDateTime(d) : null,
            EarlyBirdUntilTime = local is { } t ? TimeOnly.FromDateTime(t) : null,
            RequiresApproval = c.RequiresApproval, IsClosed = c.IsClosed, ConcurrencyStamp = c.ConcurrencyStamp,
            BadgeColour = c.BadgeColour, BadgeLabel = c.BadgeLabel, BadgeLabelEn = c.BadgeLabelEn,
        };
    }

    /// <summary>Copies the edited values; the seat count is never the form's to change.</summary>
    public void ApplyTo(RegistrationCategory c, TimeZoneInfo zone)
    {
        c.Name = Name.Trim();
        c.NameEn = string.IsNullOrWhiteSpace(NameEn) ? null : NameEn.Trim();
        c.Capacity = Capacity;
        c.Fee = Fee;
        c.EarlyBirdFee = EarlyBirdFee;
        c.EarlyBirdUntil = EarlyBirdFee is not null && EarlyBirdUntilDay is { } day
            ? ProgramTime.ToInstant(day, EarlyBirdUntilTime ?? RegistrationSettingsInput.EndOfDay, zone) : null;
        c.RequiresApproval = RequiresApproval;
        c.IsClosed = IsClosed;
        c.BadgeColour = OnSite.BadgeColours.Normalize(BadgeColour);
        c.BadgeLabel = string.IsNullOrWhiteSpace(BadgeLabel) ? null : BadgeLabel.Trim();
        c.BadgeLabelEn = string.IsNullOrWhiteSpace(BadgeLabelEn) ? null : BadgeLabelEn.Trim();
    }
}
