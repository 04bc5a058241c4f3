using System.Globalization;
using Events.Core.Papers;

namespace Events.Infrastructure.Reviews;

/// <summary>Small pieces of review mail text that depend on the mail's language, not on the template wording.</summary>
internal static class ReviewMail
{
    /// <summary>Someone without an account preference gets Chinese mail when their name is written in Chinese.</summary>
    public static string CultureFor(string? preferred, string name) =>
        preferred ?? (name.Any(c => c > 0x2E7F) ? "zh-CN" : "en");

    public static string Time(DateTimeOffset instant, string timeZoneId)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var z) ? z : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + $" ({timeZoneId})";
    }

    public static string Decision(Decision decision, string culture) => (decision, culture == "en") switch
    {
        (Core.Papers.Decision.AcceptOral, true) => "Accepted for oral presentation",
        (Core.Papers.Decision.AcceptPoster, true) => "Accepted as a poster",
        (Core.Papers.Decision.Revise, true) => "Revise and resubmit",
        (Core.Papers.Decision.Reject, true) => "Not accepted",
        (Core.Papers.Decision.AcceptOral, false) => "录用（口头报告）",
        (Core.Papers.Decision.AcceptPoster, false) => "录用（墙报交流）",
        (Core.Papers.Decision.Revise, false) => "修改后再审",
        _ => "未录用",
    };

    /// <summary>The reviews' comments to authors, numbered as the reviewers are numbered on the review pages.</summary>
    public static string Comments(IReadOnlyList<(int Label, string Text)> comments, string culture)
    {
        if (comments.Count == 0) return culture == "en" ? "(No comments.)" : "（无评审意见。）";
        return string.Join("\n\n", comments.Select(c => (culture == "en" ? $"Reviewer {c.Label}:\n" : $"审稿人{c.Label}：\n") + c.Text));
    }

    public static string PaperLine(int number, string title) => $"#{number} {title}";
}
