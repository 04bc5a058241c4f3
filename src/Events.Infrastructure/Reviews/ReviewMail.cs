using System.Globalization;
using Events.Core.Papers;
using Events.Infrastructure.Mail;

namespace Events.Infrastructure.Reviews;

/// <summary>Review mail details that depend on the recipient: their language, local times, the pieces filled into placeholders.</summary>
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

    public static string Decision(Decision decision, string culture) => MailPhrases.Get(culture, $"Decision.{decision}");

    /// <summary>The reviews' comments to authors, numbered as the reviewers are numbered on the review pages.</summary>
    public static string Comments(IReadOnlyList<(int Label, string Text)> comments, string culture)
    {
        if (comments.Count == 0) return MailPhrases.Get(culture, "NoComments");
        var label = MailPhrases.Get(culture, "ReviewerLabel");
        return string.Join("\n\n", comments.Select(c => string.Format(CultureInfo.InvariantCulture, label, c.Label) + "\n" + c.Text));
    }

    public static string PaperLine(int number, string title) => $"#{number} {title}";
}
