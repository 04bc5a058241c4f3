using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Events.Core.Access;
using Events.Infrastructure.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Events.Benchmarks;

/// <summary>
/// "circuit-memory [circuits]": the real app on Kestrel in this process; an organizer signs in with Chromium and opens
/// N tabs (50 by default) on an organizer page, each a live Blazor circuit left idle. Reports the managed heap after a
/// full GC per idle circuit, and the process RSS before, with the circuits open, and every 10 s for 60 s after they close.
/// Run once for the timetable and once for a light page (the reviewer list). CIRCUIT_MEMORY_PAGE=program (or reviewers)
/// measures one page only; CIRCUIT_MEMORY_DUMP=/path/to/dotnet-dump takes a heap dump at each heap figure.
/// </summary>
public static class CircuitMemory
{
    private const string Email = "organizer@bench.local";
    private const string Password = "Organizer#Bench2026";

    public static async Task RunAsync(int circuits)
    {
        var port = FreePort();
        // Production mode serves the framework's scripts from the published output; from the build output they need the
        // static web assets manifest, as in Development.
        using var factory = BenchmarkApp.Create("circuit-memory", out var data).WithWebHostBuilder(b => b.UseStaticWebAssets());
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        var baseUrl = $"http://127.0.0.1:{port}";
        using (var http = new HttpClient { BaseAddress = new Uri(baseUrl) }) await BenchmarkApp.WaitReadyAsync(http);
        int eventId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = Email, Email = Email, EmailConfirmed = true, DisplayName = "组织者" };
            await users.CreateAsync(user, Password);
            await users.AddToRoleAsync(user, Roles.Organizer);
            var db = scope.ServiceProvider.GetRequiredService<Events.Infrastructure.Data.EventsDbContext>();
            eventId = db.Events.Single(e => e.Slug == "regional-innovation-symposium-7").Id;
            db.EventStaff.Add(new Events.Core.Events.EventStaff { EventId = eventId, UserId = user.Id });
            await db.SaveChangesAsync();
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("EVENTS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "zh-CN" });
        context.SetDefaultTimeout(120_000);
        var login = await context.NewPageAsync();
        await login.GotoAsync("/account/login?returnUrl=%2Fmanage%2Fevents");
        await login.Locator("#email").FillAsync(Email);
        await login.Locator("#password").FillAsync(Password);
        await login.GetByRole(AriaRole.Button, new() { Name = "登录" }).Last.ClickAsync();
        await login.WaitForURLAsync("**/manage/events");
        await login.CloseAsync();

        Console.WriteLine($"load average: {await File.ReadAllTextAsync("/proc/loadavg")}");
        Console.WriteLine("| Page | Circuits | Heap before | Heap with circuits | Per circuit | RSS before | RSS with | RSS 10/20/30/40/50/60 s after close | loadavg |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        var pages = new[] { $"/manage/events/{eventId}/reviewers", $"/manage/events/{eventId}/program" };
        if (Environment.GetEnvironmentVariable("CIRCUIT_MEMORY_PAGE") is { Length: > 0 } only) pages = pages.Where(p => p.EndsWith(only, StringComparison.Ordinal)).ToArray();
        foreach (var page in pages)
        {
            // Two tabs, one after the other, warm the page, so the figures are the circuits' and not what the process makes
            // once (the first render's caches, and what the second use of a scoped service or a query compiles).
            for (var w = 0; w < 2; w++)
            {
                var warm = await context.NewPageAsync();
                await warm.GotoAsync(page);
                await warm.Locator("main[data-interactive=true]").WaitForAsync();
                await warm.CloseAsync();
            }
            await Task.Delay(2000);

            var heapBefore = Heap();
            var rssBefore = Rss();
            Dump("before");
            var tabs = new List<IPage>();
            for (var i = 0; i < circuits; i++)
            {
                var tab = await context.NewPageAsync();
                await tab.GotoAsync(page);
                await tab.Locator("main[data-interactive=true]").WaitForAsync();
                tabs.Add(tab);
            }
            await Task.Delay(3000);
            var heapWith = Heap();
            var rssWith = Rss();
            Dump("with");
            foreach (var tab in tabs) await tab.CloseAsync();
            var after = new List<string>();
            for (var s = 10; s <= 60; s += 10)
            {
                await Task.Delay(10_000);
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                after.Add(Mb(Rss()));
            }
            var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            Console.WriteLine($"| `{page}` | {circuits} | {Mb(heapBefore)} | {Mb(heapWith)} | {(heapWith - heapBefore) / circuits / 1024.0:F0} KB | {Mb(rssBefore)} | {Mb(rssWith)} | {string.Join(" / ", after)} | {load} |");
        }
        Console.WriteLine($"load average: {await File.ReadAllTextAsync("/proc/loadavg")}");

        await context.CloseAsync();
        await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    /// <summary>
    /// A heap dump of this process (/tmp/circuit-{before|with}-PID.dmp) by dotnet-dump when CIRCUIT_MEMORY_DUMP is the
    /// tool's path, for a type-by-type breakdown with "dotnet-dump analyze … dumpheap -stat" (docs/benchmarks.md).
    /// </summary>
    private static void Dump(string name)
    {
        if (Environment.GetEnvironmentVariable("CIRCUIT_MEMORY_DUMP") is not { Length: > 0 } tool) return;
        var file = Path.Combine(Path.GetTempPath(), $"circuit-{name}-{Environment.ProcessId}.dmp");
        using var p = System.Diagnostics.Process.Start(tool, ["collect", "-p", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), "--type", "Heap", "-o", file])!;
        p.WaitForExit();
        Console.WriteLine($"dump: {file}");
    }

    /// <summary>The managed heap after a full, blocking, compacting collection.</summary>
    internal static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    internal static long Rss()
    {
        var line = File.ReadAllLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F0} MB");

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
