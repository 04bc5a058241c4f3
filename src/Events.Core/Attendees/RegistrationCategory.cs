using Events.Core.Common;

namespace Events.Core.Attendees;

/// <summary>
/// A kind of registrant for one event (正式代表, 学生, 特邀嘉宾, 媒体, 工作人员 …), with its own seats, its fee and
/// whether an organizer approves each registration (审核). Fees are only recorded: there is no payment here.
/// </summary>
public class RegistrationCategory : IConcurrencyVersioned
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }

    /// <summary>Seats of this category; null means only the event's overall capacity limits it.</summary>
    public int? Capacity { get; set; }

    /// <summary>
    /// Registrations holding a seat of this category (active or pending approval), kept beside the capacity so that
    /// taking a seat is one conditional update, like <see cref="RegistrationSettings.SeatsTaken"/>.
    /// </summary>
    public int SeatsTaken { get; set; }

    /// <summary>The fee in yuan; null or 0 means free.</summary>
    public decimal? Fee { get; set; }

    /// <summary>The early-bird fee, charged to registrations made before <see cref="EarlyBirdUntil"/>.</summary>
    public decimal? EarlyBirdFee { get; set; }

    /// <summary>The moment the early-bird fee ends (UTC), entered in the event's time zone.</summary>
    public DateTimeOffset? EarlyBirdUntil { get; set; }

    /// <summary>审核: each registration waits for an organizer's approval before it is confirmed.</summary>
    public bool RequiresApproval { get; set; }

    /// <summary>Order on the registration form; lower first.</summary>
    public int SortOrder { get; set; }

    /// <summary>A category no longer offered to new registrants (kept because registrations refer to it).</summary>
    public bool IsClosed { get; set; }

    /// <summary>The badge band's colour, <c>#RRGGBB</c>; null prints the palette's colour for the category's place (<see cref="OnSite.BadgeColours"/>).</summary>
    public string? BadgeColour { get; set; }

    /// <summary>The word on the badge's foot band (代表, 嘉宾 …); null prints the category's name.</summary>
    public string? BadgeLabel { get; set; }

    /// <summary>The English badge label; null prints the English name, or the Chinese label.</summary>
    public string? BadgeLabelEn { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>The fee a registration made at <paramref name="at"/> owes: the early-bird fee before its deadline.</summary>
    public decimal? FeeAt(DateTimeOffset at) =>
        EarlyBirdFee is { } early && EarlyBirdUntil is { } until && at < until ? early : Fee;

    public string DisplayName(bool english) => english && !string.IsNullOrWhiteSpace(NameEn) ? NameEn! : Name;
}
