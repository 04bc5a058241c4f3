using Events.Core.Certificates;
using Events.Infrastructure.Files;

namespace Events.Infrastructure.Certificates;

/// <summary>One certificate as printed: every text filled in, the images as data URIs, the QR's URL and the short code.</summary>
public sealed record CertificatePrint(
    int CertificateId, int Version, CertificateKind Kind, string Culture, string OrganizationName, string Title, string Body, string Signature,
    string IssueDate, string Name, string QrUrl, string ShortCode, string? LogoDataUri, string? SealDataUri, string FileName, string CodeLabel, string VerifyNote);

/// <summary>Prints certificates to one PDF (the web app's Razor document through Chromium).</summary>
public interface ICertificatePrinter
{
    Task<byte[]> PrintAsync(IReadOnlyList<CertificatePrint> certificates, CancellationToken ct = default);
}

public sealed record CertificateDesignInput(string OrganizationName, string? OrganizationNameEn, CertificateDateStyle DateStyle);

public sealed record CertificateTemplateView(CertificateKind Kind, string Culture, string Title, string Body, string Signature, Guid? Stamp, bool IsDefault);

/// <summary>What the template page shows: the letterhead, whether images are on file (never the images), and every kind's wording.</summary>
public sealed record CertificateSetup(
    string EventTitle, string OrganizationName, string? OrganizationNameEn, CertificateDateStyle DateStyle, bool HasLogo, bool HasSeal,
    DateTimeOffset? SealUploadedAt, Guid? DesignStamp, IReadOnlyList<CertificateTemplateView> Templates);

public enum CertificateImage
{
    Logo,
    Seal,
}

public enum CertificateSaveOutcome
{
    Saved,
    Invalid,
    Stale,
}

public sealed record CertificateSaveResult(CertificateSaveOutcome Outcome, CertificateTemplateProblem Problem = CertificateTemplateProblem.None, IReadOnlyList<string>? Unknown = null)
{
    public static readonly CertificateSaveResult Saved = new(CertificateSaveOutcome.Saved);
    public static readonly CertificateSaveResult Stale = new(CertificateSaveOutcome.Stale);
}

/// <summary>Who may receive a kind: registrations (filtered by state and category), speakers, or reviewers.</summary>
public sealed record CandidateQuery(int Page, int PageSize, string? Search = null, Core.Attendees.RegistrationState? State = Core.Attendees.RegistrationState.Active, int? CategoryId = null);

/// <summary>A person who may receive a certificate of the kind, with the one already issued (if any).</summary>
public sealed record CertificateCandidate(CertificateRecipient Recipient, int RecipientId, string Name, string Organization, string? Email, string? ReportTitle, IssuedCertificate? Issued);

public sealed record IssuedCertificate(int Id, int Version, string Culture, DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt, DateTimeOffset? MailedAt, string ShortCode);

public sealed record CertificatePage<T>(IReadOnlyList<T> Items, int Total);

public enum VerificationStatus
{
    Valid,
    Revoked,
    Superseded,

    /// <summary>Genuine and current, but whom it names is no longer a real recipient (a speaker taken out of the program): not valid, as not printed.</summary>
    Withdrawn,
    Invalid,
}

/// <summary>What /verify shows: for a genuine code, whom and what it was issued for; for anything else only the status.</summary>
public sealed record CertificateVerification(
    VerificationStatus Status, string? Name = null, string? Organization = null, string? EventTitle = null, string? EventTitleEn = null,
    CertificateKind? Kind = null, DateOnly? IssuedOn = null, DateOnly? RevokedOn = null, string? ShortCode = null);

public sealed record CertificateBuildView(int Id, CertificateKind Kind, CertificateBuildFormat Format, CertificateBuildState State, int Done, int Total, long? Size, string? Error, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt);

public static class CertificateImages
{
    /// <summary>A seal or logo is a small picture: 1 MB is far more than a 600 dpi scan of a 42 mm seal needs.</summary>
    public const long MaxBytes = 1024 * 1024;

    public const string Folder = "certificates";

}
