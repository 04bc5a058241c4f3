using System.Reflection;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Playwright;

namespace Events.E2E;

/// <summary>
/// axe-core on every public page in both languages (every routed page without an authorization rule, found in the route table, so a new
/// public page is checked without anyone listing it): no serious or critical violation. The organizer pages are checked
/// in <see cref="OrganizerAccessibilityTests"/>.
/// </summary>
[Collection(AuditCollection.Name)]
public sealed class AccessibilityTests(BrowserApp app)
{
    public static IReadOnlyList<string> PublicPages() => typeof(Program).Assembly.GetTypes()
        .Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.GetCustomAttributes().OfType<IAuthorizeData>().Any())
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
        .Select(r => r.Template)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();

    [Fact]
    public async Task Every_public_page_in_Chinese_and_in_English_has_no_serious_or_critical_accessibility_violations()
    {
        var roles = await CrawlScenario.ForAsync(app);
        var anonymous = roles.Single(r => r.Email is null);
        var pages = PublicPages();
        Assert.Contains("/events/{slug}/program", pages);
        Assert.DoesNotContain("/manage/events", pages);

        var urls = new List<string>();
        foreach (var template in pages)
        {
            Assert.True(anonymous.Parameters.TryFill(template, out var url, out var missing), $"No value for {missing} in {template}");
            urls.Add(url);
        }
        var found = await CheckAllAsync(app, urls.SelectMany(u => new[] { ("zh-CN", u), ("en", u) }), signIn: null);
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    /// <summary>
    /// Checks the pages in <see cref="Workers"/> browser contexts side by side, each taking the next page when it is done;
    /// the language is the culture cookie the language switch sets.
    /// </summary>
    internal static async Task<IReadOnlyList<string>> CheckAllAsync(BrowserApp app, IEnumerable<(string Culture, string Url)> pages, (string Email, string Password)? signIn)
    {
        var queue = new System.Collections.Concurrent.ConcurrentQueue<(string Culture, string Url)>(pages);
        var found = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async _ =>
        {
            await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "zh-CN" });
            context.SetDefaultTimeout(30_000);
            if (signIn is { } who) await context.AddCookiesAsync(await BrowserApp.SignedInCookiesAsync(who.Email, who.Password));
            var page = await context.NewPageAsync();
            while (queue.TryDequeue(out var next))
            {
                await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={next.Culture}|uic={next.Culture}", Url = app.BaseUrl }]);
                foreach (var violation in await CheckAsync(page, next.Url)) found.Enqueue($"{next.Culture} {violation}");
            }
        }));
        return found.ToList();
    }

    /// <summary>Three pages at a time: axe is the slow part and waits on nothing but the CPU.</summary>
    private const int Workers = 3;

    private static string Shorten(string? html) => html is null ? "" : html.Length <= 200 ? html : html[..200] + "…";

    private static async Task<IEnumerable<string>> CheckAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        if (response is not null && (await response.TextAsync()).Contains(CrawlTests.InteractiveMarker, StringComparison.Ordinal))
            await page.WaitForInteractiveAsync();
        var result = await page.RunAxe();
        return result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{url}: {v.Impact} {v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Take(5).Select(n => Shorten(n.Html)))}");
    }
}
