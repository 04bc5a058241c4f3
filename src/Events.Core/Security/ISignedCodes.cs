namespace Events.Core.Security;

/// <summary>
/// Codes printed on badges and certificates: a URL-safe token for the QR code and a short code a person can type.
/// Both are an HMAC-SHA256 over (purpose, subject id, version) under a key that never leaves the server, so they
/// cannot be guessed or edited. The version lives on the subject (a badge's reprint count, a certificate's
/// revision); bumping it, or a revoked flag on the subject, withdraws every code issued before.
/// </summary>
public interface ISignedCodes
{
    /// <summary>The URL-safe token (base64url, about 25 characters) for a QR code.</summary>
    string Token(SignedSubject subject);

    /// <summary>The short human code, grouped by four (<c>ABCD-EFGH-JK</c>), in an alphabet without 0/O/1/I.</summary>
    string ShortCode(SignedSubject subject);

    /// <summary>
    /// Reads a token or short code without trusting it: the subject id it names and, for a token, the version it
    /// was issued for. Null when the text cannot be a code. Load the subject by that id, then call <see cref="Check"/>.
    /// </summary>
    SignedCodeClaim? Parse(string? code);

    /// <summary>
    /// Whether <paramref name="code"/> is genuine for <paramref name="purpose"/> and the subject's current version.
    /// A code for another purpose, an edited code and a code issued before the last version bump are all refused.
    /// </summary>
    SignedCodeCheck Check(string purpose, int subjectId, int currentVersion, string? code);
}

/// <summary>What a code is about: a purpose such as <see cref="SignedCodePurposes.Badge"/>, a subject id and its version.</summary>
public sealed record SignedSubject(string Purpose, int SubjectId, int Version);

/// <summary>The unverified content of a code. <see cref="Version"/> is null for a short code, which carries none.</summary>
public sealed record SignedCodeClaim(int SubjectId, int? Version, bool IsShortCode);

public enum SignedCodeCheck
{
    /// <summary>Genuine and current.</summary>
    Valid,

    /// <summary>Genuine, but issued for an earlier version of the subject (a reprinted badge, a reissued certificate).</summary>
    Superseded,

    /// <summary>Not a code this server issued for this purpose and subject: forged, edited or mistyped.</summary>
    Invalid,
}

/// <summary>The purposes in use. Each signs separately, so a badge code never verifies as a certificate.</summary>
public static class SignedCodePurposes
{
    public const string Badge = "badge";
    public const string Certificate = "certificate";
    /// <summary>An invitation letter (邀请函): a certificate, verified in public at /verify.</summary>
    public const string Invitation = "invitation";

    /// <summary>
    /// The personal link of an invitation to register (<c>?invite=</c>), which pre-fills the invitee's mobile. Its own purpose,
    /// apart from <see cref="Invitation"/>: a letter's public code must never open the invitation of the same id, nor the other way round.
    /// </summary>
    public const string RegistrationInvitation = "registration-invitation";
}
