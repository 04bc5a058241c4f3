using Events.Core.Validation;

namespace Events.Core.Attendees.Fees;

/// <summary>普通发票 or 增值税专用发票.</summary>
public enum InvoiceKind
{
    /// <summary>普票</summary>
    Ordinary,
    /// <summary>专票</summary>
    Special,
}

/// <summary>
/// The invoice a registrant asks for (发票信息), entered on their own page: the payer's name (发票抬头), its taxpayer
/// number (纳税人识别号, a unified social credit code checked per GB 32100), where to send the e-invoice, and the kind.
/// </summary>
public class InvoiceRequest
{
    public int RegistrationId { get; set; }
    public int EventId { get; set; }
    public required string Title { get; set; }
    public required string TaxId { get; set; }
    public required string Email { get; set; }
    public InvoiceKind Kind { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public const int MaxTitleLength = 100;
}

public sealed class InvoiceRequestInput
{
    public string Title { get; set; } = "";
    public string TaxId { get; set; } = "";
    public string Email { get; set; } = "";
    public InvoiceKind Kind { get; set; }

    public static InvoiceRequestInput From(InvoiceRequest? r) => r is null
        ? new InvoiceRequestInput()
        : new InvoiceRequestInput { Title = r.Title, TaxId = r.TaxId, Email = r.Email, Kind = r.Kind };

    public IReadOnlyList<RuleViolation> Validate()
    {
        var errors = new List<RuleViolation>();
        var title = (Title ?? "").Trim();
        if (title.Length == 0) errors.Add(new(nameof(Title), "Required"));
        else if (title.Length > InvoiceRequest.MaxTitleLength) errors.Add(new(nameof(Title), "TooLong"));
        switch (ChineseIdentifiers.CheckCreditCode(TaxId))
        {
            case CreditCodeProblem.None: break;
            case CreditCodeProblem.CheckDigit: errors.Add(new(nameof(TaxId), "TaxIdCheckDigit")); break;
            default: errors.Add(new(nameof(TaxId), string.IsNullOrWhiteSpace(TaxId) ? "Required" : "TaxIdFormat")); break;
        }
        var email = (Email ?? "").Trim();
        if (email.Length == 0) errors.Add(new(nameof(Email), "Required"));
        else if (email.Length > FieldLimits.Email || !EmailRules.IsBareAddress(email)) errors.Add(new(nameof(Email), "EmailFormat"));
        if (!Enum.IsDefined(Kind)) errors.Add(new(nameof(Kind), "OutOfRange"));
        return errors;
    }

    public void ApplyTo(InvoiceRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        r.Title = Title.Trim();
        r.TaxId = ChineseIdentifiers.NormalizeCreditCode(TaxId)!;
        r.Email = Email.Trim();
        r.Kind = Kind;
    }
}
