using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Events.Core.Mail;

public sealed record RenderedMail(string Subject, string TextBody, string HtmlBody);

/// <summary>
/// A subject and a plain-text body with {{placeholders}}. The HTML alternative is derived from the text:
/// values are escaped, blank lines make paragraphs, and placeholders ending in "link" become links.
/// </summary>
public sealed partial record MailTemplate(string Subject, string Body)
{
    public IReadOnlyList<string> UsedPlaceholders() =>
        Placeholder().Matches(Subject + "\n" + Body).Select(m => m.Groups[1].Value).Distinct().ToList();

    /// <summary>Placeholders the text uses that the template kind does not supply; such a template must not be saved.</summary>
    public IReadOnlyList<string> UnknownPlaceholders(IEnumerable<string> allowed)
    {
        var known = allowed.ToHashSet(StringComparer.Ordinal);
        var unknown = UsedPlaceholders().Where(p => !known.Contains(p)).ToList();
        // A brace pair that is not a well-formed placeholder would also reach the reader as raw text.
        if (Stray().IsMatch(Placeholder().Replace(Subject + "\n" + Body, ""))) unknown.Add("{{…}}");
        return unknown;
    }

    public RenderedMail Render(IReadOnlyDictionary<string, string> values)
    {
        var missing = UsedPlaceholders().Where(p => !values.ContainsKey(p)).ToList();
        if (missing.Count > 0) throw new InvalidOperationException("No value for placeholder(s): " + string.Join(", ", missing));

        var subject = Placeholder().Replace(Subject, m => values[m.Groups[1].Value]).ReplaceLineEndings(" ").Trim();
        var text = Placeholder().Replace(Body, m => values[m.Groups[1].Value]);
        return new RenderedMail(subject, text, ToHtml(values));
    }

    private string ToHtml(IReadOnlyDictionary<string, string> values)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family: sans-serif; line-height: 1.6\">");
        foreach (var paragraph in Body.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var encoded = Placeholder().Split(paragraph);
            html.Append("<p>");
            // Split with one capture group alternates literal text and placeholder names.
            for (var i = 0; i < encoded.Length; i++)
            {
                if (i % 2 == 0)
                {
                    html.Append(WebUtility.HtmlEncode(encoded[i]).Replace("\n", "<br>", StringComparison.Ordinal));
                    continue;
                }
                var name = encoded[i];
                var value = WebUtility.HtmlEncode(values[name]);
                html.Append(name.EndsWith("link", StringComparison.OrdinalIgnoreCase) ? $"<a href=\"{value}\">{value}</a>" : value.Replace("\n", "<br>", StringComparison.Ordinal));
            }
            html.Append("</p>");
        }
        return html.Append("</body></html>").ToString();
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\{\{|\}\}")]
    private static partial Regex Stray();
}
