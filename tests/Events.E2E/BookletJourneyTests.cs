using Microsoft.Playwright;

namespace Events.E2E;

/// <summary>
/// An organizer writes the seeded symposium's 参会须知, builds its booklet, watches the build finish without reloading
/// (progress is pushed) and downloads the PDF. Screenshots of the page at phone and laptop width, in Chinese and English,
/// and the PDF go to TestResults/shots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BookletJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task An_organizer_builds_the_booklet_and_downloads_it_once_the_pushed_progress_says_it_is_done()
    {
        var page = await app.NewPageAsync();
        var url = $"/manage/events/{app.SymposiumId}/booklet";
        await page.SignInAsOrganizerAsync(url);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("会议手册");

        await page.Locator("[data-testid=booklet-notice] textarea, textarea[data-testid=booklet-notice]").First.FillAsync("## 报到\n\n请于会前一日14:00后报到。");
        await page.GetByTestId("booklet-build").ClickAsync();
        var row = page.GetByTestId("booklet-build-row").First;
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "Done", new() { Timeout = 60_000 });
        await ShootAsync(page, "booklet");

        var href = await page.GetByTestId("booklet-download").First.GetAttributeAsync("href");
        var response = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        var pdf = await response.BodyAsync();
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4), StringComparison.Ordinal);
        await File.WriteAllBytesAsync(Path.Combine(Folder, "booklet.pdf"), pdf);

        await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=en|uic=en", Url = app.BaseUrl }]);
        await page.GotoInteractiveAsync(url);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Programme booklet");
        await ShootAsync(page, "booklet", "en");
    }

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "TestResults", "shots");

    /// <summary>The page as it is, at a phone's and a laptop's width.</summary>
    private static async Task ShootAsync(IPage page, string name, string lang = "zh")
    {
        Directory.CreateDirectory(Folder);
        foreach (var (w, h) in new[] { (390, 844), (1366, 900) })
        {
            await page.SetViewportSizeAsync(w, h);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"{name}-{lang}-{w}.png"), FullPage = true });
        }
    }
}
