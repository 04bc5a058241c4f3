using Events.Core.Common;
using Events.Core.Validation;

namespace Events.Core.Attendees.Delegates;

/// <summary>An event's delegate list (代表名单): its printed title and the organizer's protocol order.</summary>
public class DelegateListSettings : IConcurrencyVersioned
{
    public int EventId { get; set; }

    /// <summary>The heading printed above the list; empty prints 代表名单.</summary>
    public string Heading { get; set; } = "";

    /// <summary>Ranked units or regions, one a line (see <see cref="DelegateSorter.ParseProtocol"/>).</summary>
    public string ProtocolOrder { get; set; } = "";

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public const int MaxProtocolLength = 4000;
    public const int MaxHeadingLength = 100;
}

/// <summary>The discussion group (分组) a registration is put in, kept beside the registration rather than on it.</summary>
public class DelegateGroup
{
    public int RegistrationId { get; set; }
    public int EventId { get; set; }
    public required string Name { get; set; }

    public const int MaxNameLength = 50;
}

/// <summary>The delegate-list settings form.</summary>
public sealed class DelegateListSettingsInput
{
    public string Heading { get; set; } = "";
    public string ProtocolOrder { get; set; } = "";
    public Guid ConcurrencyStamp { get; set; }

    public static DelegateListSettingsInput From(DelegateListSettings? s) => s is null
        ? new DelegateListSettingsInput()
        : new DelegateListSettingsInput { Heading = s.Heading, ProtocolOrder = s.ProtocolOrder, ConcurrencyStamp = s.ConcurrencyStamp };

    public IReadOnlyList<RuleViolation> Validate()
    {
        var errors = new List<RuleViolation>();
        if ((Heading ?? "").Trim().Length > DelegateListSettings.MaxHeadingLength) errors.Add(new(nameof(Heading), "TooLong"));
        if ((ProtocolOrder ?? "").Length > DelegateListSettings.MaxProtocolLength) errors.Add(new(nameof(ProtocolOrder), "TooLong"));
        return errors;
    }

    public void ApplyTo(DelegateListSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        s.Heading = (Heading ?? "").Trim();
        s.ProtocolOrder = string.Join("\n", DelegateSorter.ParseProtocol(ProtocolOrder));
    }
}
