using Microsoft.Extensions.Primitives;
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
        // URL-safe base64 (allowed in a CSP nonce): no character that HTML attribute encoding would rewrite.
        var fresh = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));
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
    private static bool IsBlazorDefault(string? policy) =>
        policy is not null && policy.Trim().TrimEnd(';').StartsWith("frame-ancestors", StringComparison.Ordinal);

    public Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        // Set before the page runs as well as when the response starts: the output cache stores the headers a page had
        // when it started, so a cached page is replayed with the policy whose nonce its import map carries.
        Apply(http);
        http.Response.OnStarting(() =>
        {
            Apply(http);
            // A 304 makes the browser reuse the page it stored together with that page's policy; a policy sent with
            // the 304 would replace the stored one and name a nonce the stored page does not carry.
            if (http.Response.StatusCode == StatusCodes.Status304NotModified) http.Response.Headers.Remove(HeaderNames.ContentSecurityPolicy);
            return Task.CompletedTask;
        });
        return next(http);
    }

    private static void Apply(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        // Blazor appends its default to whatever is there; an endpoint that sets its own policy replaces ours.
        var kept = headers.ContentSecurityPolicy.Where(p => !string.IsNullOrWhiteSpace(p) && !IsBlazorDefault(p)).ToArray();
        headers.ContentSecurityPolicy = kept.Length > 0 ? new StringValues(kept) : PolicyFor(CspNonce.Of(http));
        if (!headers.ContainsKey(ReferrerPolicy)) headers[ReferrerPolicy] = "strict-origin-when-cross-origin";
    }
}
