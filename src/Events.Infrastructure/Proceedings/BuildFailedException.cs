namespace Events.Infrastructure.Proceedings;

/// <summary>Why a build failed, as a stable code the page shows in the organizer's language, plus the detail (such as "#12").</summary>
public sealed class BuildFailedException(string code, string? detail = null) : Exception($"{code}: {detail}")
{
    public const string NoPapers = nameof(NoPapers);
    public const string PaperMissing = nameof(PaperMissing);
    public const string PaperUnreadable = nameof(PaperUnreadable);
    public const string Layout = nameof(Layout);
    public const string Interrupted = nameof(Interrupted);
    public const string Unexpected = nameof(Unexpected);

    public static readonly string[] Codes = [NoPapers, PaperMissing, PaperUnreadable, Layout, Interrupted, Unexpected];

    public string Code { get; } = code;
    public string? Detail { get; } = detail;

    /// <summary>The stored form, "Code: detail".</summary>
    public string Stored => Detail is null ? Code : $"{Code}: {Detail}";

    public static (string Code, string? Detail) Parse(string? stored)
    {
        if (string.IsNullOrEmpty(stored)) return (Unexpected, null);
        var colon = stored.IndexOf(':', StringComparison.Ordinal);
        var code = colon < 0 ? stored : stored[..colon];
        var detail = colon < 0 ? null : stored[(colon + 1)..].Trim();
        return Codes.Contains(code) ? (code, detail) : (Unexpected, stored);
    }
}
