using Events.Core.Common;
using Events.Core.Validation;

namespace Events.Core.Attendees.Fees;

/// <summary>Where a registrant's fee stands. Recorded by organizers; nothing is charged or refunded here.</summary>
public enum PaymentState
{
    /// <summary>未缴</summary>
    Unpaid,
    /// <summary>已缴</summary>
    Paid,
    /// <summary>免缴</summary>
    Waived,
    /// <summary>退费</summary>
    Refunded,
}

public enum PaymentMethod
{
    /// <summary>银行转账（对公）</summary>
    BankTransfer,
    /// <summary>学校缴费平台</summary>
    FeePlatform,
    /// <summary>现场刷卡</summary>
    Card,
    /// <summary>微信</summary>
    WeChat,
    /// <summary>支付宝</summary>
    Alipay,
    /// <summary>现金</summary>
    Cash,
    Other,
}

/// <summary>
/// The fee of one registration as the organizer recorded it: state, amount, method and the payment's reference
/// (转账流水号, 平台订单号). Kept beside the registration, keyed by it; a registration without a record is unpaid.
/// </summary>
public class FeeRecord : IConcurrencyVersioned
{
    public int RegistrationId { get; set; }
    public int EventId { get; set; }
    public PaymentState State { get; set; }
    public decimal? Amount { get; set; }
    public PaymentMethod? Method { get; set; }
    public string? Reference { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedByUserId { get; set; }
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public const int MaxReferenceLength = 100;
    public const decimal MaxAmount = 1_000_000m;
}

/// <summary>What an organizer sets on one or many registrations at once.</summary>
public sealed class FeeUpdate
{
    public PaymentState State { get; set; }

    /// <summary>Null keeps each registration's amount (or its category fee when none was recorded).</summary>
    public decimal? Amount { get; set; }
    public PaymentMethod? Method { get; set; }
    public string? Reference { get; set; }

    public IReadOnlyList<RuleViolation> Validate()
    {
        var errors = new List<RuleViolation>();
        if (!Enum.IsDefined(State)) errors.Add(new(nameof(State), "OutOfRange"));
        if (Amount is { } a && (a < 0 || a > FeeRecord.MaxAmount || decimal.Round(a, 2) != a)) errors.Add(new(nameof(Amount), "OutOfRange"));
        if (Method is { } m && !Enum.IsDefined(m)) errors.Add(new(nameof(Method), "OutOfRange"));
        if ((Reference ?? "").Trim().Length > FeeRecord.MaxReferenceLength) errors.Add(new(nameof(Reference), "TooLong"));
        return errors;
    }
}
