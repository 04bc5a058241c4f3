using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Events.Web.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Events.Web.Hosting;

/// <summary>
/// Rate limits on public pages that answer questions about codes. <c>/verify/{code}</c> says whether a certificate code is
/// genuine, so a client (by IP address) may ask at most <c>RateLimits:VerifyPerMinute</c> times a minute (30 unless
/// configured); beyond that it gets 429 with a page in its language and a Retry-After.
/// </summary>
public static class RateLimits
{
    public const string Verify = "verify";
    public const int DefaultVerifyPerMinute = 30;

    public static IServiceCollection AddEventsRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = Math.Max(1, configuration.GetValue("RateLimits:VerifyPerMinute", DefaultVerifyPerMinute));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Verify, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true }));
            options.OnRejected = (context, ct) => TooManyAsync(context.HttpContext, context.Lease, ct);
        });
        return services;
    }

    /// <summary>The 429 page: a short static page in the visitor's language (the request culture is set before the limiter runs).</summary>
    private static async ValueTask TooManyAsync(HttpContext http, RateLimitLease lease, CancellationToken ct)
    {
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? (int)Math.Ceiling(after.TotalSeconds) : 60;
        http.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        http.Response.ContentType = "text/html; charset=utf-8";
        var lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "zh-CN";
        var title = WebUtility.HtmlEncode(l["TooManyRequests"]);
        var hint = WebUtility.HtmlEncode(string.Format(CultureInfo.CurrentCulture, l["TooManyRequestsHint"], retry));
        await http.Response.WriteAsync(
            $$"""
            <!DOCTYPE html>
            <html lang="{{lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
            <title>{{title}}</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.6}h1{font-size:1.5rem}</style></head>
            <body><h1>{{title}}</h1><p>{{hint}}</p><p><a href="/verify">{{WebUtility.HtmlEncode(l["Verify.Title"])}}</a></p></body></html>
            """, ct);
    }
}
