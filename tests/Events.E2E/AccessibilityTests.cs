using System.Reflection;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Playwright;

namespace Events.E2E;

/// <summary>
/// axe-core on every public page (every routed page without an authorization rule, found in the route table, so a new
/// public page is checked without anyone listing it), and on the main organizer pages: no serious or
/// critical violation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserApp app)
{
    /// <summary>The pages an organizer spends the day on.</summary>
    private static readonly string[] OrganizerPages =
    [
        "/manage/events", "/manage/events/new", "/manage/events/{eventId}/edit", "/manage/events/{eventId}/program",
        "/manage/events/{eventId}/registrations", "/manage/events/{eventId}/call", "/manage/events/{eventId}/reviewers",
        "/manage/events/{eventId}/decisions", "/manage/events/{eventId}/outbox", "/manage/events/{eventId}/proceedings",
        "/manage/people", "/manage/organizations", "/manage/bulletins",
    ];

    public static IReadOnlyList<string> PublicPages() => typeof(Program).Assembly.GetTypes()
        .Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.GetCustomAttributes().OfType<IAuthorizeData>().Any())
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
        .Select(r => r.Template)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();

    [Fact]
    public async Task Every_public_page_has_no_serious_or_critical_accessibility_violations()
    {
        var roles = await CrawlScenario.ForAsync(app);
        var anonymous = roles.Single(r => r.Email is null);
        var page = await app.NewPageAsync();
        var pages = PublicPages();
        Assert.Contains("/events/{slug}/program", pages);
        Assert.DoesNotContain("/manage/events", pages);

        var found = new List<string>();
        foreach (var template in pages)
        {
            Assert.True(anonymous.Parameters.TryFill(template, out var url, out var missing), $"No value for {missing} in {template}");
            found.AddRange(await CheckAsync(page, url));
        }
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    [Fact]
    public async Task The_main_organizer_pages_have_no_serious_or_critical_accessibility_violations()
    {
        var roles = await CrawlScenario.ForAsync(app);
        var organizer = roles.Single(r => r.Name == "organizer");
        var page = await app.NewPageAsync();
        await page.SignInAsOrganizerAsync("/manage/events");

        var found = new List<string>();
        foreach (var template in OrganizerPages)
        {
            organizer.Parameters.TryFill(template, out var url, out _);
            found.AddRange(await CheckAsync(page, url));
        }
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

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
