using System.Net;
using System.Text.RegularExpressions;

namespace Events.IntegrationTests.Infrastructure;

/// <summary>Posts a server-rendered form the way a browser does: read the page for its antiforgery token, then post the fields.</summary>
public static partial class FormPost
{
    /// <summary>GETs <paramref name="pageUrl"/>, then POSTs <paramref name="fields"/> with the page's token to <paramref name="postUrl"/> (the page itself by default).</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string handler, IReadOnlyDictionary<string, string> fields, string? postUrl = null)
    {
        var page = await client.GetStringAsync(pageUrl);
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = HiddenValue(page, "__RequestVerificationToken") };
        if (handler.Length > 0) body["_handler"] = handler;
        return await client.PostAsync(postUrl ?? pageUrl, new FormUrlEncodedContent(body));
    }

    public static string HiddenValue(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"").Groups[1].Value);

    /// <summary>The text of the form's error or status line, decoded, for comparing two answers.</summary>
    public static string Alerts(string html) =>
        string.Join("|", AlertLine().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim()));

    [GeneratedRegex("role=\"(?:alert|status)\"[^>]*>([^<]*)<")]
    private static partial Regex AlertLine();
}
