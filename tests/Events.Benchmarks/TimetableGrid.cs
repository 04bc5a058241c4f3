using System.Diagnostics;
using System.Globalization;
using System.Net;
using Events.Core.Program;
using Events.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Events.Benchmarks;

/// <summary>
/// "timetable-grid [drags]": the synthetic 41-forum event (2,000 sessions) in the real app on Kestrel, two organizers in
/// Chromium on its timetable. Measures in the browser: the busiest day's grid with every forum, from the day button's click
/// to its last block drawn; a drag round trip (a keyboard move on organizer 1's grid, saved through MoveSessionAsync,
/// conflicts recomputed, until organizer 2's grid shows the new time), median of N; and the managed heap one more open
/// timetable of that day holds.
/// </summary>
public static class TimetableGrid
{
    private const string Email = "admin@bench.local";
    private const string Password = "Bench#2026admin";

    public static async Task RunAsync(int drags)
    {
        var port = CircuitMemory.FreePort();
        using var factory = BenchmarkApp.Create("timetable-grid", out var data).WithWebHostBuilder(b => b.UseStaticWebAssets());
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        var db = factory.Services.GetRequiredService<IDbContextFactory<EventsDbContext>>();
        var (rootId, _, firstDay) = await ProgramAtScale.LoadAsync(db);
        var (day, count) = await BusiestDayAsync(db, rootId, firstDay);
        Console.WriteLine($"load average: {await File.ReadAllTextAsync("/proc/loadavg")}");
        Console.WriteLine($"busiest day {day:yyyy-MM-dd}: {count} sessions in 41 forums");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("EVENTS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var baseUrl = $"http://127.0.0.1:{port}";
        var one = await OpenAsync(browser, baseUrl, rootId);
        var two = await OpenAsync(browser, baseUrl, rootId);

        // The busiest day, all forums: from the click on its day button until every block is drawn.
        var dayText = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var switchTimes = new List<double>();
        foreach (var (page, i) in new[] { (one, 0), (two, 1) })
        {
            var sw = Stopwatch.StartNew();
            await page.Locator($"[data-testid=day-button][data-day='{dayText}']").ClickAsync();
            await page.WaitForFunctionAsync($"document.querySelectorAll('[data-testid=timetable-session]').length >= {count}", null, new() { PollingInterval = 10, Timeout = 120_000 });
            switchTimes.Add(sw.Elapsed.TotalMilliseconds);
        }
        var blocks = await one.Locator("[data-testid=timetable-session]").CountAsync();
        Console.WriteLine($"busiest day's grid (all forums, {blocks} blocks) after its day button, organizer 1 / organizer 2: {switchTimes[0]:F0} / {switchTimes[1]:F0} ms");

        // A drag round trip: a keyboard move on organizer 1's screen until organizer 2's screen shows the block's new time.
        var target = one.Locator("[data-testid=timetable-session]").Nth(blocks / 2);
        var id = await target.GetAttributeAsync("data-session");
        var times = new List<double>();
        for (var i = 0; i < drags; i++)
        {
            var before = await two.Locator($"[data-testid=timetable-session][data-session='{id}'] .tt-when").InnerTextAsync();
            await one.Locator($"[data-testid=timetable-session][data-session='{id}']").FocusAsync();
            var sw = Stopwatch.StartNew();
            await one.Keyboard.PressAsync(i % 2 == 0 ? "ArrowDown" : "ArrowUp");
            await two.WaitForFunctionAsync($"(() => {{ const el = document.querySelector('[data-testid=timetable-session][data-session=\"{id}\"] .tt-when'); return el && el.textContent !== {System.Text.Json.JsonSerializer.Serialize(before)}; }})()",
                null, new() { PollingInterval = 5, Timeout = 60_000 });
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"drag round trip (organizer 1's move → saved → conflicts recomputed → organizer 2's grid updated), {drags} runs: median {times[times.Count / 2]:F0} ms, min {times[0]:F0}, max {times[^1]:F0}");

        // One more open timetable on that day: the managed heap it holds.
        var heapBefore = CircuitMemory.Heap();
        var three = await OpenAsync(browser, baseUrl, rootId);
        await three.Locator($"[data-testid=day-button][data-day='{dayText}']").ClickAsync();
        await three.WaitForFunctionAsync($"document.querySelectorAll('[data-testid=timetable-session]').length >= {count}", null, new() { PollingInterval = 50, Timeout = 120_000 });
        await Task.Delay(2000);
        var heapWith = CircuitMemory.Heap();
        Console.WriteLine($"circuit memory of one open timetable of that day: {(heapWith - heapBefore) / 1048576.0:F1} MB managed heap");
        Console.WriteLine($"load average: {await File.ReadAllTextAsync("/proc/loadavg")}");

        await browser.CloseAsync();
        await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    private static async Task<(DateOnly Day, int Count)> BusiestDayAsync(IDbContextFactory<EventsDbContext> factory, int rootId, DateOnly firstDay)
    {
        var program = new List<(DateOnly, int)>();
        await using var db = await factory.CreateDbContextAsync();
        var zone = ProgramTime.Zone("Asia/Shanghai");
        for (var d = 0; d < Events.Core.Program.Synthetic.SyntheticProgram.Days; d++)
        {
            var day = firstDay.AddDays(d);
            var (from, to) = ProgramTime.Window(day, day, zone);
            program.Add((day, await db.Sessions.CountAsync(s => (s.EventId == rootId || db.Events.Any(e => e.Id == s.EventId && e.ParentEventId == rootId)) && s.Start < to && s.End > from && s.End > s.Start)));
        }
        return program.MaxBy(p => p.Item2);
    }

    private static async Task<IPage> OpenAsync(IBrowser browser, string baseUrl, int rootId)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "zh-CN", ViewportSize = new() { Width = 1366, Height = 900 }, BypassCSP = true });
        context.SetDefaultTimeout(120_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login?returnUrl=%2Fmanage%2Fevents");
        await page.Locator("#email").FillAsync(Email);
        await page.Locator("#password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).Last.ClickAsync();
        await page.WaitForURLAsync("**/manage/events");
        await page.GotoAsync($"/manage/events/{rootId}/program");
        await page.Locator("[data-testid=timetable][data-ready=true]").WaitForAsync();
        return page;
    }
}
