using Events.Core.Common;

namespace Events.Core.Certificates;

/// <summary>What a document attests: 参会证明, 报告证明, 审稿证明, or an invitation letter (邀请函).</summary>
public enum CertificateKind
{
    Attendance,
    Presentation,
    Reviewing,
    Invitation,
}

/// <summary>Whom a certificate is about: a registration, a person speaking in the program, or a reviewer of the event's call.</summary>
public enum CertificateRecipient
{
    Registration,
    Speaker,
    Reviewer,
}

/// <summary>The date under the signature: 2027年5月11日 or 二〇二七年五月十一日 (English documents always print 11 May 2027).</summary>
public enum CertificateDateStyle
{
    Arabic,
    Chinese,
}

/// <summary>
/// The letterhead of an event's certificates: the issuing organization and the organizer's seal or signature image.
/// The images are kept in the file store under app-chosen names and are never served at any URL; they are only
/// printed onto certificates issued to a real registration, speaker or reviewer of the event.
/// </summary>
public class CertificateDesign : IConcurrencyVersioned
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public required string OrganizationName { get; set; }
    public string? OrganizationNameEn { get; set; }

    /// <summary>Stored name of the letterhead logo (PNG/JPEG) in the file store folder <c>certificates</c>.</summary>
    public string? LogoFile { get; set; }

    /// <summary>Stored name of the seal or signature image (PNG/JPEG) in the file store folder <c>certificates</c>.</summary>
    public string? SealFile { get; set; }
    public DateTimeOffset? SealUploadedAt { get; set; }
    public CertificateDateStyle DateStyle { get; set; }
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>The wording of one kind of document in one language (zh-CN or en) for one event.</summary>
public class CertificateTemplate : IConcurrencyVersioned
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public CertificateKind Kind { get; set; }
    public required string Culture { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }

    /// <summary>The signature line: who signs (主办单位 name, or a person and their office).</summary>
    public required string Signature { get; set; }
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>
/// One issued document. Its QR code and short code are signed over (purpose, <see cref="Id"/>, <see cref="Version"/>)
/// (<c>ISignedCodes</c>), so they cannot be guessed or edited; a reissue bumps <see cref="Version"/> and supersedes the
/// codes printed before, and a revocation makes every code of it show as revoked. At most one per kind and recipient.
/// </summary>
public class Certificate
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public CertificateKind Kind { get; set; }
    public CertificateRecipient Recipient { get; set; }

    /// <summary>The registration's, person's or reviewer's id, as <see cref="Recipient"/> says.</summary>
    public int RecipientId { get; set; }

    /// <summary>zh-CN or en: the language it prints in.</summary>
    public required string Culture { get; set; }

    /// <summary>The name, unit, address and talk titles as issued (what the verification page shows).</summary>
    public required string Name { get; set; }
    public string? Organization { get; set; }
    public string? Email { get; set; }
    public string? ReportTitle { get; set; }

    public DateTimeOffset IssuedAt { get; set; }
    public required string IssuedByUserId { get; set; }
    public int Version { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedByUserId { get; set; }
    public DateTimeOffset? MailedAt { get; set; }
}

public enum CertificateBuildFormat
{
    /// <summary>One PDF with every certificate, one after another.</summary>
    Combined,

    /// <summary>A zip of one PDF per person.</summary>
    Zip,

    /// <summary>Each person's PDF mailed to them, held in the event's outbox until an organizer releases the batch.</summary>
    Mail,
}

public enum CertificateBuildState
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>A bulk print queued from the certificates page and run in the background with its progress on the row.</summary>
public class CertificateBuild : IClaimedBuild<CertificateBuildState>
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public CertificateKind Kind { get; set; }
    public CertificateBuildFormat Format { get; set; }

    /// <summary>The certificates to print, comma-separated ids, fixed when queued.</summary>
    public required string CertificateIds { get; set; }
    public CertificateBuildState State { get; set; }
    public int Done { get; set; }
    public int Total { get; set; }
    public string? StoredName { get; set; }
    public long? Size { get; set; }
    public string? Error { get; set; }
    public required string RequestedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>
    /// While running: until when the running instance holds it; it renews this every heartbeat. A build whose claim
    /// lapsed (its process stopped) is queued again, at most <see cref="MaxAttempts"/> starts in all.
    /// </summary>
    public DateTimeOffset? ClaimExpiresAt { get; set; }

    /// <summary>How many times a worker has started it.</summary>
    public int Attempts { get; set; }

    public const int MaxAttempts = 3;
}
