using System.Text.RegularExpressions;

namespace Events.Core.Certificates;

/// <summary>One placeholder of a certificate's body: its Chinese and English spellings, both accepted in either language.</summary>
public sealed record CertificatePlaceholder(string Key, string Zh, string En);

/// <summary>The values a certificate fills in.</summary>
public sealed record CertificateValues(string Name, string Organization, string EventTitle, string EventDates, string Venue, string ReportTitle, string IssueDate);

public enum CertificateTemplateProblem
{
    None,
    TitleRequired,
    TitleTooLong,
    BodyRequired,
    BodyTooLong,
    SignatureTooLong,
    UnknownPlaceholder,
}

/// <summary>
/// Placeholders, the built-in wording of each kind in Chinese and English (used until an event saves its own), and the
/// rules a template is saved under: every <c>{…}</c> must be a known placeholder.
/// </summary>
public static partial class CertificateText
{
    public const int TitleMax = 60;
    public const int BodyMax = 4000;
    public const int SignatureMax = 200;
    public const int OrganizationMax = 200;

    public static readonly IReadOnlyList<string> Cultures = ["zh-CN", "en"];

    public static readonly IReadOnlyList<CertificatePlaceholder> Placeholders =
    [
        new("name", "姓名", "name"),
        new("organization", "单位", "organization"),
        new("event", "会议名称", "event"),
        new("dates", "日期", "dates"),
        new("venue", "地点", "venue"),
        new("report", "报告题目", "report"),
        new("issueDate", "落款日期", "issueDate"),
    ];

    public static string Normalize(string? culture) => culture is not null && culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh-CN";

    public static (string Title, string Body, string Signature) Default(CertificateKind kind, string culture) => (Normalize(culture), kind) switch
    {
        ("en", CertificateKind.Attendance) => ("Certificate of Attendance",
            "This is to certify that {name} of {organization} attended {event}, held in {venue} on {dates}.", "The Organizing Committee"),
        ("en", CertificateKind.Presentation) => ("Certificate of Presentation",
            "This is to certify that {name} of {organization} presented \"{report}\" at {event}, held in {venue} on {dates}.", "The Organizing Committee"),
        ("en", CertificateKind.Reviewing) => ("Certificate of Reviewing",
            "This is to certify that {name} of {organization} served as a reviewer for {event} ({dates}). We thank them for their contribution.", "The Programme Committee"),
        ("en", CertificateKind.Invitation) => ("Letter of Invitation",
            "Dear {name},\n\nOn behalf of the organizing committee, we are pleased to invite you to attend {event}, to be held in {venue} on {dates}.\n\nWe look forward to welcoming you.", "The Organizing Committee"),
        (_, CertificateKind.Attendance) => ("参会证明",
            "兹证明{单位}{姓名}同志于{日期}在{地点}参加{会议名称}。\n\n特此证明。", "会议组委会"),
        (_, CertificateKind.Presentation) => ("报告证明",
            "兹证明{单位}{姓名}同志于{日期}在{会议名称}上作题为《{报告题目}》的报告。\n\n特此证明。", "会议组委会"),
        (_, CertificateKind.Reviewing) => ("审稿证明",
            "兹证明{单位}{姓名}同志担任{会议名称}（{日期}）论文评审专家，认真完成了论文评审工作。\n\n特此证明，并致谢忱。", "会议程序委员会"),
        _ => ("邀请函",
            "尊敬的{姓名}：\n\n{会议名称}定于{日期}在{地点}举行。诚挚邀请您拨冗出席。\n\n敬请回复为盼。", "会议组委会"),
    };

    /// <summary>The label before the short code, in the document's language.</summary>
    public static string CodeLabel(CertificateKind kind, string culture) => Normalize(culture) == "en"
        ? kind == CertificateKind.Invitation ? "Letter code" : "Certificate code"
        : kind == CertificateKind.Invitation ? "函件编号" : "证书编号";

    /// <summary>How a reader checks the document, printed beside the QR code.</summary>
    public static string VerifyNote(string culture, string verifyUrl) => Normalize(culture) == "en"
        ? $"Scan the QR code, or enter the code at {verifyUrl}, to check that this document is genuine."
        : $"扫描二维码，或在 {verifyUrl} 输入编号，即可核验本文件真伪。";

    [GeneratedRegex(@"\{([^{}\r\n]{1,20})\}")]
    private static partial Regex PlaceholderPattern();

    public static CertificatePlaceholder? Find(string spelled) =>
        Placeholders.FirstOrDefault(p => p.Zh == spelled || string.Equals(p.En, spelled, StringComparison.OrdinalIgnoreCase));

    /// <summary>The unknown placeholders in <paramref name="text"/>, as written.</summary>
    public static IReadOnlyList<string> Unknown(string? text) =>
        text is null ? [] : PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).Where(v => Find(v) is null).Distinct().ToList();

    public static CertificateTemplateProblem Check(string? title, string? body, string? signature)
    {
        if (string.IsNullOrWhiteSpace(title)) return CertificateTemplateProblem.TitleRequired;
        if (title.Trim().Length > TitleMax) return CertificateTemplateProblem.TitleTooLong;
        if (string.IsNullOrWhiteSpace(body)) return CertificateTemplateProblem.BodyRequired;
        if (body.Length > BodyMax) return CertificateTemplateProblem.BodyTooLong;
        if ((signature ?? "").Length > SignatureMax) return CertificateTemplateProblem.SignatureTooLong;
        if (Unknown(title).Count > 0 || Unknown(body).Count > 0 || Unknown(signature).Count > 0) return CertificateTemplateProblem.UnknownPlaceholder;
        return CertificateTemplateProblem.None;
    }

    /// <summary>Replaces every known placeholder with its value; text is never interpreted as markup here (the document encodes it).</summary>
    public static string Fill(string text, CertificateValues values) => PlaceholderPattern().Replace(text, m => Find(m.Groups[1].Value)?.Key switch
    {
        "name" => values.Name,
        "organization" => values.Organization,
        "event" => values.EventTitle,
        "dates" => values.EventDates,
        "venue" => values.Venue,
        "report" => values.ReportTitle,
        "issueDate" => values.IssueDate,
        _ => m.Value,
    });
}
