using System.Globalization;
using System.Net;
using Events.Core.OnSite;
using Events.Infrastructure.OnSite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Events.Benchmarks;

/// <summary>
/// "checkin-screen [scans]": the check-in page in Chromium against the real app on Kestrel, an administrator at the
/// door of an event with 500 registrations. Each scan hands a badge's URL to the page as the decoder (jsQR) or a
/// scanner does, and the page's own clock measures from that hand-over to the confirmation painted on screen (the
/// card's outcome changed, then the next animation frame): median, p90 and max of N, each person scanned once.
/// With a folder as second argument it also saves the page, after a scan of a guest with notes, at 390 and 1366 px
/// in Chinese and English (the walk of the page).
/// </summary>
public static class CheckInScreen
{
    private const string Email = "admin@bench.local";
    private const string Password = "Bench#2026admin";

    // What the decoder hands over, then Enter as the scanner path does; resolved on the first frame after the card changed.
    private const string Scan = """
            (url) => new Promise((resolve) => {
                const result = document.getElementById('checkin-result');
                const input = document.getElementById('checkin-code');
                const before = result.textContent;
                const started = performance.now();
                const observer = new MutationObserver(() => {
                    if (result.textContent === before || !result.dataset.outcome) return;
                    observer.disconnect();
                    requestAnimationFrame(() => resolve({ ms: performance.now() - started, outcome: result.dataset.outcome }));
                });
                observer.observe(result, { childList: true, subtree: true, characterData: true, attributes: true });
                input.value = url;
                input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
            })
            """;

    public static async Task RunAsync(int scans, string? shots)
    {
        var port = CircuitMemory.FreePort();
        using var factory = BenchmarkApp.Create("checkin-screen", out var data).WithWebHostBuilder(b => b.UseStaticWebAssets());
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        var (eventId, ids) = await OnSiteAtScale.SeedAsync(factory.Services, Math.Max(500, scans + 10));
        var badges = factory.Services.GetRequiredService<BadgeService>();
        await GuestWithNotesAsync(factory.Services, eventId, ids[^1]);
        Console.WriteLine($"load average: {await File.ReadAllTextAsync("/proc/loadavg")}");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("EVENTS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var baseUrl = $"http://127.0.0.1:{port}";
        var page = await OpenAsync(browser, baseUrl, eventId, "zh-CN", 390);

        var times = new List<double>();
        for (var i = 0; i < scans + 5; i++)
        {
            var url = badges.Badge(ids[i], "", "", "", BadgeBand.Delegate, 0).QrUrl;
            var answer = await page.EvaluateAsync<System.Text.Json.JsonElement>(Scan, url);
            var outcome = answer.GetProperty("outcome").GetString();
            if (outcome != "CheckedIn") throw new InvalidOperationException($"scan {i}: {outcome}");
            if (i >= 5) times.Add(answer.GetProperty("ms").GetDouble()); // the first few warm the connection and the JIT
        }
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"check-in scan, hand-over from the decoder to the confirmation on screen, {times.Count} scans: median {times[times.Count / 2]:F0} ms, p90 {times[(int)(times.Count * 0.9)]:F0} ms, max {times[^1]:F0} ms"));
        Console.WriteLine($"load average: {await File.ReadAllTextAsync("/proc/loadavg")}");

        if (shots is not null)
        {
            Directory.CreateDirectory(shots);
            var guest = badges.Badge(ids[^1], "", "", "", BadgeBand.Delegate, 0).QrUrl;
            foreach (var culture in new[] { "zh-CN", "en" })
            {
                foreach (var width in new[] { 390, 1366 })
                {
                    var shot = await OpenAsync(browser, baseUrl, eventId, culture, width);
                    await shot.EvaluateAsync(Scan, guest);
                    await shot.Locator("#checkin-counts .checkin-count").First.WaitForAsync();
                    await shot.ScreenshotAsync(new() { Path = Path.Combine(shots, $"checkin-{culture}-{width}.png"), FullPage = true });
                    await shot.GotoAsync($"/manage/events/{eventId}/badges");
                    await shot.WaitForLoadStateAsync(LoadState.NetworkIdle);
                    await shot.ScreenshotAsync(new() { Path = Path.Combine(shots, $"badges-{culture}-{width}.png"), FullPage = true });
                    await shot.Context.CloseAsync();
                }
            }
            Console.WriteLine($"screenshots in {shots}");
        }

        await browser.CloseAsync();
        await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    private static async Task<IPage> OpenAsync(IBrowser browser, string baseUrl, int eventId, string culture, int width)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = culture, ViewportSize = new() { Width = width, Height = width < 600 ? 844 : 900 } });
        context.SetDefaultTimeout(60_000);
        await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = baseUrl }]);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login?returnUrl=%2Fmanage%2Fevents");
        await page.Locator("#email").FillAsync(Email);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("#password").PressAsync("Enter");
        await page.WaitForURLAsync("**/manage/events");
        await page.GotoAsync($"/manage/events/{eventId}/checkin");
        await page.Locator("#checkin[data-ready='1']").WaitForAsync();
        return page;
    }

    /// <summary>The last registration becomes an invited guest with a diet and an unpaid fee, so the card shows its notes.</summary>
    private static async Task GuestWithNotesAsync(IServiceProvider services, int eventId, int registrationId)
    {
        var factory = services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Events.Infrastructure.Data.EventsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var category = new Events.Core.Attendees.RegistrationCategory { EventId = eventId, Name = "特邀嘉宾", NameEn = "Invited guest", Fee = 800 };
        db.RegistrationCategories.Add(category);
        await db.SaveChangesAsync();
        var registration = await db.Registrations.FindAsync(registrationId);
        registration!.CategoryId = category.Id;
        registration.FeeAmount = 800;
        db.RegistrationAnswers.AddRange(
            new Events.Core.Attendees.RegistrationAnswer { RegistrationId = registrationId, EventId = eventId, FieldKey = Events.Core.Attendees.Forms.ReplyFieldKeys.Diet, Value = Events.Core.Attendees.Forms.ReplyFieldKeys.DietHalal });
        await db.SaveChangesAsync();
    }
}
