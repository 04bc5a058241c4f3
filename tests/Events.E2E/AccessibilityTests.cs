using Deque.AxeCore.Playwright;

namespace Events.E2E;

[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserApp app)
{
    [Theory]
    [InlineData("/events")]
    [InlineData("/events/regional-innovation-symposium-7")]
    [InlineData("/events/pujiang-forum-2024")]
    [InlineData("/bulletins")]
    public async Task Public_pages_have_no_serious_or_critical_accessibility_violations(string url)
    {
        var page = await app.NewPageAsync();
        // Public pages render statically: loaded is final, there is no circuit to wait for.
        await page.GotoAsync(url, new() { WaitUntil = Microsoft.Playwright.WaitUntilState.NetworkIdle });

        var result = await page.RunAxe();

        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(blocking.Count == 0, string.Join(Environment.NewLine, blocking.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }
}
