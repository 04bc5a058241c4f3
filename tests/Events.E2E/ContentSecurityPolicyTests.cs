using Microsoft.Playwright;

namespace Events.E2E;

/// <summary>The app's pages and the bulletin preview run under their Content-Security-Policy with nothing refused.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserApp app)
{
    [Fact]
    public async Task The_main_pages_and_the_bulletin_preview_break_no_rule_of_their_policy()
    {
        var page = await app.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Refused to", StringComparison.Ordinal) || message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Add($"{page.Url}: {message.Text}");
            }
        };

        // The program is opened twice: the second answer comes from the output cache, whose page must still match the
        // policy header that comes with it (the cached header keeps the nonce the cached import map carries).
        foreach (var path in new[] { "/", "/events", "/events/regional-innovation-symposium-7/program", "/bulletins", "/account/login",
                     "/events/regional-innovation-symposium-7/program" })
        {
            await page.GotoInteractiveOrStaticAsync(path);
        }
        await page.SignInAsOrganizerAsync("/manage/bulletins");
        foreach (var path in new[] { "/manage/events", "/manage/people", $"/manage/events/{app.SymposiumId}/edit", $"/manage/events/{app.SymposiumId}/program" })
        {
            await page.GotoInteractiveOrStaticAsync(path);
        }
        await page.GotoInteractiveAsync("/manage/bulletins");
        await page.GetByRole(AriaRole.Link, new() { Name = "浦江创新观察" }).ClickAsync();
        await page.WaitForURLAsync("**/manage/bulletins/series/*");
        await page.WaitForInteractiveAsync();
        await page.SelectMudOptionAsync("draft-event", "区域创新发展论坛");
        await page.GetByTestId("draft-from-event").ClickAsync();
        await page.WaitForURLAsync("**/manage/bulletins/issues/*");
        await page.WaitForInteractiveAsync();

        // The preview keeps its red masthead: the series' colour comes from a nonce'd style element.
        var masthead = page.FrameLocator("iframe.document-preview").Locator(".series-name");
        await Assertions.Expect(masthead).ToHaveTextAsync("浦江创新观察");
        await Assertions.Expect(masthead).ToHaveCSSAsync("color", "rgb(192, 0, 0)");
        var issuePath = new Uri(page.Url).AbsolutePath;
        await page.GotoAsync($"{issuePath}/preview.html");
        await Assertions.Expect(page.Locator(".series-name")).ToHaveCSSAsync("color", "rgb(192, 0, 0)");

        Assert.True(refused.Count == 0, string.Join("\n", refused));
    }
}

internal static class CspPageExtensions
{
    /// <summary>Opens a page and, when it has a circuit (public and account pages are static), waits until it is live.</summary>
    public static async Task GotoInteractiveOrStaticAsync(this IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response is { Ok: true }, $"{path}: {response?.Status}");
        if ((await response!.TextAsync()).Contains(CrawlTests.InteractiveMarker, StringComparison.Ordinal)) await page.WaitForInteractiveAsync();
    }
}
