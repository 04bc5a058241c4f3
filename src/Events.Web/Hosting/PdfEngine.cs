using System.Net;
using Events.Infrastructure.Pdf;
using Events.Web.Localization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Events.Web.Hosting;

/// <summary>
/// /healthz reports the PDF engine as Degraded when no browser can be found: the app runs, but every PDF would fail.
/// It only looks for the executable (cheap, no browser is started).
/// </summary>
public sealed class PdfEngineHealthCheck(IOptions<PdfOptions> options, BrowserSearch search) : IHealthCheck
{
    public const string Name = "pdf";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(ChromiumLocator.TryFind(options.Value.BrowserPath, search) is { } path
            ? HealthCheckResult.Healthy($"PDFs are printed with {path}.")
            : HealthCheckResult.Degraded($"No browser for printing PDFs. {ChromiumLocator.InstallAdvice}"));
}

/// <summary>
/// A PDF asked for on a machine without a browser gets a page saying how to install one (503, in the user's language,
/// in every environment) instead of a server error.
/// </summary>
public sealed class BrowserMissingPage(RequestDelegate next, ILogger<BrowserMissingPage> logger)
{
    public async Task InvokeAsync(HttpContext http, IStringLocalizer<SharedResource> L)
    {
        try
        {
            await next(http);
        }
        catch (ChromiumNotFoundException e) when (!http.Response.HasStarted)
        {
            logger.LogError("A PDF was requested at {Path}, but {Message}", http.Request.Path, e.Message);
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.ContentType = "text/html; charset=utf-8";
            http.Response.Headers.CacheControl = "no-store";
            await http.Response.WriteAsync(Html(L), http.RequestAborted);
        }
    }

    public static string Html(IStringLocalizer<SharedResource> L)
    {
        string T(string key) => WebUtility.HtmlEncode(L[key].Value);
        var lang = System.Globalization.CultureInfo.CurrentUICulture.Name == "en" ? "en" : "zh-CN";
        return $$"""
            <!DOCTYPE html>
            <html lang="{{lang}}">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{{T("PdfBrowserMissing.Title")}}</title>
            <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
            <link rel="stylesheet" href="/app.css" />
            </head>
            <body>
            <main class="pdf-browser-missing" data-testid="pdf-browser-missing">
            <h1>{{T("PdfBrowserMissing.Title")}}</h1>
            <p>{{T("PdfBrowserMissing.Intro")}}</p>
            <ul>
            <li>{{T("PdfBrowserMissing.Linux")}} <code>sudo apt-get install chromium</code></li>
            <li>{{T("PdfBrowserMissing.WindowsMac")}}</li>
            <li>{{T("PdfBrowserMissing.Playwright")}} <code>pwsh src/Events.Web/bin/Debug/net10.0/playwright.ps1 install chromium</code></li>
            <li>{{T("PdfBrowserMissing.Configure")}} <code>Pdf__BrowserPath</code></li>
            </ul>
            <p>{{T("PdfBrowserMissing.After")}}</p>
            <p><a href="/">{{T("PdfBrowserMissing.Home")}}</a></p>
            </main>
            </body>
            </html>
            """;
    }
}
