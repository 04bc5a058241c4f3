using System.Collections.Concurrent;
using Events.Infrastructure.Files;
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
/// A document is written to a temporary file and opened from there, with a &lt;base&gt; pointing at
/// <see cref="PdfOptions.AssetRoot"/> (the web root), so its relative links to fonts and styles load straight from disk
/// and stay in the browser's memory cache between renders. (Answering them through Playwright routes instead costs
/// over a second per font, and routing turns the cache off.) The browser has a dead proxy and no loopback exception,
/// and scripts are off, so a document cannot reach the network.
/// </remarks>
public sealed partial class PdfRenderer(IOptions<PdfOptions> options, ILogger<PdfRenderer> logger, BrowserSearch search) : IAsyncDisposable
{
    // Chromium runs as root and headless here; the rest keeps it off the network: documents load local files only.
    // --font-render-hinting=none gives the headless shell the full browser's subpixel glyph positions, so a line holds
    // the same characters whichever of the two prints (the full browser ignores it).
    private static readonly string[] LaunchArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--allow-file-access-from-files", "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--font-render-hinting=none",
    ];

    private readonly PdfOptions settings = options.Value;
    private readonly string assetBase = AssetBaseUrl(options.Value.AssetRoot);
    // One private folder per renderer: several apps in one process (tests) must not delete each other's documents,
    // and documents can hold unpublished papers, so nobody else on the machine may read them.
    private readonly WorkFolder workFolder = WorkFolder.Create();
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
            var pdf = await page.PrintAsync(WithAssetBase(html), render, workFolder, settings.TimeoutSeconds * 1000f);
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
        return new DocumentPage(fresh);
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken ct)
    {
        if (browser is { IsConnected: true } running) return running;
        await startLock.WaitAsync(ct);
        try
        {
            if (browser is { IsConnected: true } started) return started;
            if (browser is not null) await browser.DisposeAsync();
            var path = ChromiumLocator.Find(settings.BrowserPath, search);
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
        workFolder.Dispose();
        startLock.Dispose();
        slots.Dispose();
    }

    /// <summary>
    /// Puts a &lt;base&gt; to the asset root first in the head, ahead of any the document has, so links such as
    /// "fonts/…/fonts.css" resolve to files under the web root when the document is printed.
    /// </summary>
    public string WithAssetBase(string html)
    {
        var tag = $"<base href=\"{assetBase}\">";
        var head = HeadTag().Match(html);
        return head.Success ? html.Insert(head.Index + head.Length, tag) : tag + html;
    }

    private static string AssetBaseUrl(string root) =>
        string.IsNullOrEmpty(root) ? "about:blank" : new Uri(Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar).AbsoluteUri;

    [System.Text.RegularExpressions.GeneratedRegex("<head\\b[^>]*>", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex HeadTag();

    /// <summary>A reusable page; one document at a time.</summary>
    private sealed class DocumentPage(IPage page)
    {
        public IPage Page { get; } = page;

        public async Task<byte[]> PrintAsync(string html, PdfRenderOptions render, WorkFolder folder, float timeoutMs)
        {
            string file;
            await using (var stream = folder.CreateFile($"{Guid.NewGuid():N}.html"))
            await using (var writer = new StreamWriter(stream))
            {
                file = stream.Name;
                await writer.WriteAsync(html);
            }
            try
            {
                await Page.GotoAsync(new Uri(file).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = timeoutMs });
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
                File.Delete(file);
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
