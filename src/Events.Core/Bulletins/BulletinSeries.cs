using Events.Core.Common;
using Events.Core.Organizations;

namespace Events.Core.Bulletins;

/// <summary>A bulletin title that appears issue after issue (浦江创新观察), with its numbering and the people behind it.</summary>
public class BulletinSeries : IConcurrencyVersioned
{
    public const string DefaultMastheadColor = "#C00000";

    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The publisher as printed under the masthead; <see cref="PublisherOrganizationId"/> links it to a known organization.</summary>
    public required string Publisher { get; set; }
    public int? PublisherOrganizationId { get; set; }
    public Organization? PublisherOrganization { get; set; }

    /// <summary>The series' house style: numbering lines, marks, date, type, page and footer block.</summary>
    public BulletinHouseStyle Style { get; set; } = BulletinHouseStyle.Classic();

    /// <summary>
    /// The counters that publishing reads and advances, under this row's concurrency stamp. A series that existed before
    /// it moved here starts from its own next numbers.
    /// </summary>
    public int? CounterYear { get; set; }
    public int NextNumberInYear { get; set; } = 1;
    public int NextCumulativeNumber { get; set; } = 1;

    public EditorialBoard EditorialBoard { get; set; } = new();
    public BulletinContact Contact { get; set; } = new();
    public string MastheadColor { get; set; } = DefaultMastheadColor;

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>编委会: names as printed; deputies may be several, separated by 、.</summary>
public class EditorialBoard
{
    public string? Director { get; set; }
    public string? Deputies { get; set; }
    public string? EditorInChief { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Director) && string.IsNullOrWhiteSpace(Deputies) && string.IsNullOrWhiteSpace(EditorInChief);
}

/// <summary>The contact block printed at the end of every issue.</summary>
public class BulletinContact
{
    public string? Phone { get; set; }
    public string? Fax { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? Postcode { get; set; }

    public bool IsEmpty => new[] { Phone, Fax, Email, Address, Postcode }.All(string.IsNullOrWhiteSpace);
}
