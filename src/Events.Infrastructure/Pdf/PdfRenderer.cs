using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Events.Infrastructure.Pdf;

/// <summary>
/// Prints HTML to PDF with one Chromium for the whole process. Starting a browser takes seconds and a new page
/// about 1.8 s, so both are kept: the browser starts on the first render, and up to <see cref="PdfOptions.PoolSize"/>
/// pages are reused, one render per page at a time. Safe to call from many threads.
/// </summary>
/// <remarks>
/// A document is loaded from <see cref="Origin"/>, an address that never reaches the network: the page's routes answer
/// it with the HTML and with files from <see cref="PdfOptions.AssetRoot"/>, and refuse every other request, so a
/// document can load our fonts and nothing from outside.
/// </remarks>
public sealed class PdfRenderer(IOptions<PdfOptions> options, ILogger<PdfRenderer> logger) : IAsyncDisposable
{
    public const string Origin = "http://document.invalid";
    private const string DocumentPath = "/document.html";

    // Chromium runs as root and headless here; the rest keeps it off the network it does not have.
    private static readonly string[] LaunchArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly PdfOptions settings = options.Value;
    private readonly DocumentAssets assets = new(options.Value.AssetRoot);
    private readonly SemaphoreSlim startLock = new(1, 1);
    private readonly SemaphoreSlim slots = new(Math.Max(1, options.Value.PoolSize));
    private readonly ConcurrentBag<DocumentPage> idle = [];
    private IPlaywright? playwright;
    private IBrowser? browser;
    private bool disposed;

    /// <summary>The executable in use, once the browser has started.</summary>
    public string? BrowserPath { get; private set; }

    /// <summary>Renders a complete HTML document (with its own &lt;head&gt; and styles) to PDF bytes.</summary>
    public async Task<byte[]> RenderAsync(string html, PdfRenderOptions? render = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        ObjectDisposedException.ThrowIf(disposed, this);
        render ??= PdfRenderOptions.Default;
        await slots.WaitAsync(ct);
        DocumentPage? page = null;
        try
        {
            page = await TakePageAsync(ct);
            var pdf = await page.PrintAsync(html, render, settings.TimeoutSeconds * 1000f);
            idle.Add(page);
            page = null;
            return pdf;
        }
        finally
        {
            // A page that failed mid-render is not trusted again.
            if (page is not null) await page.CloseQuietlyAsync();
            slots.Release();
        }
    }

    /// <summary>Starts the browser now instead of on the first render (a warm-up for benchmarks and tests).</summary>
    public async Task WarmUpAsync(CancellationToken ct = default)
    {
        await slots.WaitAsync(ct);
        try
        {
            idle.Add(await TakePageAsync(ct));
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task<DocumentPage> TakePageAsync(CancellationToken ct)
    {
        while (idle.TryTake(out var page))
        {
            if (!page.Page.IsClosed && browser is { IsConnected: true }) return page;
            await page.CloseQuietlyAsync();
        }
        var current = await BrowserAsync(ct);
        var fresh = await current.NewPageAsync(new BrowserNewPageOptions { JavaScriptEnabled = false, Locale = "zh-CN" });
        var result = new DocumentPage(fresh);
        await fresh.RouteAsync("**/*", route => Answer(route, result));
        return result;
    }

    private async Task Answer(IRoute route, DocumentPage page)
    {
        var url = new Uri(route.Request.Url);
        if (!route.Request.Url.StartsWith(Origin + "/", StringComparison.Ordinal))
        {
            await route.AbortAsync("blockedbyclient");
            return;
        }
        if (url.AbsolutePath == DocumentPath && page.Html is { } html)
        {
            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = html });
            return;
        }
        if (assets.Find(url.AbsolutePath) is { } asset)
        {
            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = asset.ContentType, BodyBytes = asset.Content });
            return;
        }
        logger.LogWarning("A document asked for {Path}, which is not an asset", url.AbsolutePath);
        await route.FulfillAsync(new RouteFulfillOptions { Status = 404 });
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken ct)
    {
        if (browser is { IsConnected: true } running) return running;
        await startLock.WaitAsync(ct);
        try
        {
            if (browser is { IsConnected: true } started) return started;
            if (browser is not null) await browser.DisposeAsync();
            var path = ChromiumLocator.Find(settings.BrowserPath);
            playwright ??= await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = path, Headless = true, Args = LaunchArgs });
            BrowserPath = path;
            logger.LogInformation("Started {Browser} {Version} for PDF rendering", path, browser.Version);
            return browser;
        }
        finally
        {
            startLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        while (idle.TryTake(out var page)) await page.CloseQuietlyAsync();
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        startLock.Dispose();
        slots.Dispose();
    }

    /// <summary>A reusable page and the HTML it is printing now (its route hands that out).</summary>
    private sealed class DocumentPage(IPage page)
    {
        public IPage Page { get; } = page;
        public string? Html { get; private set; }

        public async Task<byte[]> PrintAsync(string html, PdfRenderOptions render, float timeoutMs)
        {
            Html = html;
            try
            {
                await Page.GotoAsync(Origin + DocumentPath, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = timeoutMs });
                // Web fonts load after layout; printing before they are ready would fall back to system fonts.
                await Page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
                var templates = render.HeaderTemplate is not null || render.FooterTemplate is not null;
                return await Page.PdfAsync(new PagePdfOptions
                {
                    Format = "A4",
                    PrintBackground = true,
                    PreferCSSPageSize = true,
                    Outline = render.Outline,
                    Tagged = render.Outline,
                    DisplayHeaderFooter = templates,
                    HeaderTemplate = render.HeaderTemplate ?? (templates ? "<span></span>" : null),
                    FooterTemplate = render.FooterTemplate ?? (templates ? "<span></span>" : null),
                });
            }
            finally
            {
                Html = null;
            }
        }

        public async Task CloseQuietlyAsync()
        {
            try
            {
                await Page.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // The browser is already gone; nothing left to close.
            }
        }
    }
}
