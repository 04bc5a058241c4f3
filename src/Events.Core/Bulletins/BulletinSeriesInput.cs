using System.Text.RegularExpressions;
using Events.Core.Validation;

namespace Events.Core.Bulletins;

/// <summary>What an organizer edits on the series form.</summary>
public sealed partial class BulletinSeriesInput
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public string Publisher { get; set; } = "";
    public int? PublisherOrganizationId { get; set; }
    public BulletinHouseStyle Style { get; set; } = BulletinHouseStyle.Classic();
    public int? CounterYear { get; set; }
    public int NextNumberInYear { get; set; } = 1;
    public int NextCumulativeNumber { get; set; } = 1;
    public string? Director { get; set; }
    public string? Deputies { get; set; }
    public string? EditorInChief { get; set; }
    public string? Phone { get; set; }
    public string? Fax { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    public string MastheadColor { get; set; } = BulletinSeries.DefaultMastheadColor;
    public Guid ConcurrencyStamp { get; set; }

    public IReadOnlyList<RuleViolation> Validate()
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(Name)) errors.Add(new(nameof(Name), "Required"));
        if (string.IsNullOrWhiteSpace(Publisher)) errors.Add(new(nameof(Publisher), "Required"));
        FieldLimits.Check(errors, nameof(Name), Name, BulletinLimits.SeriesName);
        FieldLimits.Check(errors, nameof(Publisher), Publisher, BulletinLimits.Publisher);
        FieldLimits.Check(errors, nameof(Director), Director, BulletinLimits.PersonNames);
        FieldLimits.Check(errors, nameof(Deputies), Deputies, BulletinLimits.PersonNames);
        FieldLimits.Check(errors, nameof(EditorInChief), EditorInChief, BulletinLimits.PersonNames);
        foreach (var (field, value) in new[] { (nameof(Phone), Phone), (nameof(Fax), Fax), (nameof(Email), Email), (nameof(Address), Address), (nameof(Postcode), Postcode) })
        {
            FieldLimits.Check(errors, field, value, BulletinLimits.ContactField);
        }
        if (!string.IsNullOrWhiteSpace(Email) && !EmailRules.IsBareAddress(Email)) errors.Add(new(nameof(Email), "EmailFormat"));
        Style.Validate(errors);
        if (NextNumberInYear < 1) errors.Add(new(nameof(NextNumberInYear), "MustBePositive"));
        if (NextCumulativeNumber < 1) errors.Add(new(nameof(NextCumulativeNumber), "MustBePositive"));
        if (CounterYear is < 1900 or > 2999) errors.Add(new(nameof(CounterYear), "YearOutOfRange"));
        if (!HexColor().IsMatch(MastheadColor ?? "")) errors.Add(new(nameof(MastheadColor), "ColorFormat"));
        return errors;
    }

    public static BulletinSeriesInput From(BulletinSeries s) => new()
    {
        Id = s.Id,
        Name = s.Name,
        Publisher = s.Publisher,
        PublisherOrganizationId = s.PublisherOrganizationId,
        Style = s.Style.Copy(),
        CounterYear = s.CounterYear,
        NextNumberInYear = s.NextNumberInYear,
        NextCumulativeNumber = s.NextCumulativeNumber,
        Director = s.EditorialBoard.Director,
        Deputies = s.EditorialBoard.Deputies,
        EditorInChief = s.EditorialBoard.EditorInChief,
        Phone = s.Contact.Phone,
        Fax = s.Contact.Fax,
        Email = s.Contact.Email,
        Address = s.Contact.Address,
        Postcode = s.Contact.Postcode,
        MastheadColor = s.MastheadColor,
        ConcurrencyStamp = s.ConcurrencyStamp,
    };

    /// <summary>Copies the form onto the series. The counters are part of the form: an organizer may set where a moved series continues.</summary>
    public void ApplyTo(BulletinSeries s)
    {
        s.Name = Name.Trim();
        s.Publisher = Publisher.Trim();
        s.PublisherOrganizationId = PublisherOrganizationId;
        s.Style = Style.Copy();
        foreach (var mark in s.Style.Marks) mark.Text = mark.Text.Trim();
        s.Style.NumberLine1 = Clean(s.Style.NumberLine1);
        s.Style.NumberLine2 = Clean(s.Style.NumberLine2);
        s.Style.FooterLabel = Clean(s.Style.FooterLabel);
        s.CounterYear = CounterYear;
        s.NextNumberInYear = NextNumberInYear;
        s.NextCumulativeNumber = NextCumulativeNumber;
        s.EditorialBoard = new EditorialBoard { Director = Clean(Director), Deputies = Clean(Deputies), EditorInChief = Clean(EditorInChief) };
        s.Contact = new BulletinContact { Phone = Clean(Phone), Fax = Clean(Fax), Email = Clean(Email), Address = Clean(Address), Postcode = Clean(Postcode) };
        s.MastheadColor = MastheadColor.ToUpperInvariant();
    }

    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColor();
}
