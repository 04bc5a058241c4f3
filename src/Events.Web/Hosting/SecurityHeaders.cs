using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Events.Web.Hosting;

/// <summary>
/// The per-request nonce that lets the page's one inline script (Blazor's import map, see App.razor) run under the
/// Content-Security-Policy while any other inline script is refused.
/// </summary>
public static class CspNonce
{
    private static readonly object Key = new();

    /// <summary>The nonce of this request; the same value the policy header names.</summary>
    public static string Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Items.TryGetValue(Key, out var existing) && existing is string nonce) return nonce;
        var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        http.Items[Key] = fresh;
        return fresh;
    }
}

/// <summary>
/// Adds the security headers to every response: nosniff (downloads are never read as HTML or script), the
/// Content-Security-Policy and the Referrer-Policy. A response that set its own policy (the bulletin preview) keeps it.
/// </summary>
/// <remarks>
/// The policy was measured in Chromium on the app's pages (see CspBrowserTests): scripts are our own files plus the
/// nonce'd import map; styles need 'unsafe-inline' because MudBlazor and Blazor set style attributes; the circuit's
/// WebSocket is same-origin ('self'); images include data: URIs. Headers are set as the response starts, so an error
/// page re-executed after the exception handler cleared the headers gets them too.
/// </remarks>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string ReferrerPolicy = "Referrer-Policy";

    public static string PolicyFor(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self'; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    /// <summary>
    /// A policy set by the endpoint stays, except Blazor's own default for interactive pages ("frame-ancestors 'self'"
    /// alone), which ours replaces: it says the same about framing and more about everything else.
    /// </summary>
    private static bool HasOwnPolicy(IHeaderDictionary headers) =>
        headers.TryGetValue(HeaderNames.ContentSecurityPolicy, out var existing)
        && !existing.ToString().Trim().TrimEnd(';').StartsWith("frame-ancestors", StringComparison.Ordinal);

    public Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (!HasOwnPolicy(headers)) headers.ContentSecurityPolicy = PolicyFor(CspNonce.Of(http));
            if (!headers.ContainsKey(ReferrerPolicy)) headers[ReferrerPolicy] = "strict-origin-when-cross-origin";
            return Task.CompletedTask;
        });
        return next(http);
    }
}
