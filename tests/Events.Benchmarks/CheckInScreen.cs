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
/// </summary>
public static class CheckInScreen
{
    private const string Email = "admin@bench.local";
    private const string Password = "Bench#2026admin";

    public static async Task RunAsync(int scans)
    {
        var port = CircuitMemory.FreePort();
        using var factory = BenchmarkApp.Create("checkin-screen", out var data).WithWebHostBuilder(b => b.UseStaticWebAssets());
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        var (eventId, ids) = await OnSiteAtScale.SeedAsync(factory.Services, Math.Max(500, scans));
        var badges = factory.Services.GetRequiredService<BadgeService>();
        Console.WriteLine($"load average: {await File.ReadAllTextAsync("/proc/loadavg")}");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("EVENTS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = $"http://127.0.0.1:{port}", Locale = "zh-CN", ViewportSize = new() { Width = 390, Height = 844 } });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login?returnUrl=%2Fmanage%2Fevents");
        await page.Locator("#email").FillAsync(Email);
        await page.Locator("#password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).Last.ClickAsync();
        await page.WaitForURLAsync("**/manage/events");
        await page.GotoAsync($"/manage/events/{eventId}/checkin");
        await page.Locator("#checkin[data-ready='1']").WaitForAsync();

        // What the decoder hands over, then Enter as the scanner path does; resolved on the first frame after the card changed.
        const string Scan = """
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
        var times = new List<double>();
        for (var i = 0; i < scans + 5; i++)
        {
            var url = badges.Badge(ids[i], "", "", "", BadgeBand.Delegate, 0).QrUrl;
            var answer = await page.EvaluateAsync<ScanAnswer>(Scan, url);
            if (answer.Outcome != "CheckedIn") throw new InvalidOperationException($"scan {i}: {answer.Outcome}");
            if (i >= 5) times.Add(answer.Ms); // the first few warm the connection and the JIT
        }
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"check-in scan, hand-over from the decoder to the confirmation on screen, {times.Count} scans: median {times[times.Count / 2]:F0} ms, p90 {times[(int)(times.Count * 0.9)]:F0} ms, max {times[^1]:F0} ms"));
        Console.WriteLine($"load average: {await File.ReadAllTextAsync("/proc/loadavg")}");

        await browser.CloseAsync();
        await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    private sealed record ScanAnswer(double Ms, string Outcome);
}
