using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Events.E2E;

/// <summary>
/// The safety net under every page: each role opens every routed page and every GET endpoint of the app, found in its
/// route table, opens each tab and panel on the page, and the crawl fails on a visible error bar, a 5xx answer or any
/// error the server logs. The roles run side by side, one browser context each.
/// </summary>
[Collection(AuditCollection.Name)]
public sealed class CrawlTests(BrowserApp app, ITestOutputHelper output)
{
    /// <summary>Blazor writes this marker into a page it will make interactive; a statically rendered page has none.</summary>
    internal const string InteractiveMarker = "<!--Blazor:{\"type\":\"server\"";

    [Fact]
    public async Task Every_role_opens_every_routed_page_and_its_tabs_without_an_error_a_5xx_or_a_logged_exception()
    {
        var pages = AppRoutes.Pages();
        var endpoints = AppRoutes.GetEndpoints(app.Services);
        var roles = await CrawlScenario.ForAsync(app);

        // Every route must have data to open it with before anything runs.
        var unresolved = roles.SelectMany(r => pages.Concat(endpoints).Where(t => !r.Parameters.TryFill(t, out _, out _))
                .Select(t => { r.Parameters.TryFill(t, out _, out var missing); return $"{t} (no value for {missing})"; }))
            .Distinct().ToList();
        Assert.True(unresolved.Count == 0, "Add these route parameters to CrawlScenario:" + Environment.NewLine + string.Join(Environment.NewLine, unresolved));

        var current = new ConcurrentDictionary<string, string>();
        app.ServerErrors.DescribeActivity = () => string.Join("; ", current.Select(c => $"{c.Key} on {c.Value}"));
        var mark = app.ServerErrors.Count;
        var problems = new ConcurrentQueue<string>();
        var timings = new ConcurrentQueue<(string Role, string Url, TimeSpan Took)>();
        var clock = Stopwatch.StartNew();
        try
        {
            await Task.WhenAll(roles.Select(role => CrawlAsync(role, pages, endpoints, current, problems, timings)));
        }
        finally
        {
            app.ServerErrors.DescribeActivity = null;
        }
        output.WriteLine($"{pages.Count} pages and {endpoints.Count} endpoints, {roles.Count} roles: {roles.Count * (pages.Count + endpoints.Count)} visits in {clock.Elapsed.TotalSeconds:F0} s");

        foreach (var (role, took) in timings.GroupBy(t => t.Role).Select(g => (g.Key, g.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Took))))
            output.WriteLine($"{role}: {took.TotalSeconds:F0} s");
        foreach (var slow in timings.OrderByDescending(t => t.Took).Take(10)) output.WriteLine($"slowest: {slow.Role} {slow.Url} {slow.Took.TotalSeconds:F1} s");

        var errors = app.ServerErrors.Since(mark);
        Assert.True(problems.IsEmpty && errors.Count == 0, string.Join(Environment.NewLine, problems.Concat(errors.Select(e => e.ToString()))));
    }

    private async Task CrawlAsync(CrawlRole role, IReadOnlyList<string> pages, IReadOnlyList<string> endpoints,
        ConcurrentDictionary<string, string> current, ConcurrentQueue<string> problems, ConcurrentQueue<(string, string, TimeSpan)> timings)
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "zh-CN" });
        // 30 s: eight roles at once, beside the journeys' lane, on two cores.
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        page.Response += (_, response) =>
        {
            if (response.Status >= 500) problems.Enqueue($"{role.Name}: {response.Status} from {response.Url}");
        };
        if (role.Email is not null)
        {
            current[role.Name] = "signing in";
            await page.SignInAsync(role.Email, role.Password!, "/papers");
        }

        foreach (var template in pages)
        {
            role.Parameters.TryFill(template, out var url, out _);
            current[role.Name] = url;
            var started = Stopwatch.GetTimestamp();
            if (await VisitAsync(page, url, status => problems.Enqueue($"{role.Name}: {status} from {url}"))
                && await page.Locator("#blazor-error-ui").IsVisibleAsync())
                problems.Enqueue($"{role.Name}: the error bar shows on {url}");
            timings.Enqueue((role.Name, url, Stopwatch.GetElapsedTime(started)));
        }

        foreach (var template in endpoints)
        {
            role.Parameters.TryFill(template, out var url, out _);
            current[role.Name] = url;
            var started = Stopwatch.GetTimestamp();
            // Documents print through the PDF engine, which takes its time on two busy cores.
            var response = await context.APIRequest.GetAsync(url, new() { MaxRedirects = 0, Timeout = 120_000 });
            if (response.Status >= 500) problems.Enqueue($"{role.Name}: {response.Status} from {url}");
            await response.DisposeAsync();
            timings.Enqueue((role.Name, url, Stopwatch.GetElapsedTime(started)));
        }
        current.TryRemove(role.Name, out _);
    }

    /// <summary>
    /// Fetches the page with the context's cookies. A statically rendered page is done then: it has no circuit to fail,
    /// and its server errors show as the status or in the server log. A page that goes live opens in the browser, waits
    /// for its circuit, then opens each tab and each expansion panel in turn. Returns whether the browser opened it.
    /// </summary>
    private static async Task<bool> VisitAsync(IPage page, string url, Action<int> serverError)
    {
        // Rendering static pages in Chromium cost most of the crawl's time and checked nothing the answer does not show.
        var probe = await page.Context.APIRequest.GetAsync(url);
        var html = await probe.TextAsync();
        if (probe.Status >= 500) serverError(probe.Status);
        await probe.DisposeAsync();
        if (!html.Contains(InteractiveMarker, StringComparison.Ordinal)) return false;

        var response = await page.GotoAsync(url);
        if (response is null || !(await response.TextAsync()).Contains(InteractiveMarker, StringComparison.Ordinal)) return true;
        await page.WaitForInteractiveAsync();

        var errorBar = page.Locator("#blazor-error-ui");
        var tabs = page.Locator("main [role=tab]:not(.mud-disabled)");
        for (var i = 0; i < await tabs.CountAsync(); i++)
        {
            var tab = tabs.Nth(i);
            await tab.ClickAsync();
            // A tab whose content throws ends the circuit: then the error bar shows instead of the tab turning active.
            await tab.And(page.Locator(".mud-tab-active")).Or(errorBar).First.WaitForAsync();
            if (await errorBar.IsVisibleAsync()) return true;
        }

        var panels = page.Locator("main .mud-expand-panel");
        for (var i = 0; i < await panels.CountAsync(); i++)
        {
            var panel = panels.Nth(i);
            if ((await panel.GetAttributeAsync("class"))?.Contains("mud-panel-expanded", StringComparison.Ordinal) == true) continue;
            await panel.Locator(".mud-expand-panel-header").First.ClickAsync();
            await panel.And(page.Locator(".mud-panel-expanded")).Or(errorBar).First.WaitForAsync();
            if (await errorBar.IsVisibleAsync()) return true;
        }
        return true;
    }
}
