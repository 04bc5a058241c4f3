using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace Events.Benchmarks;

/// <summary>
/// "public-warmup [windows] [ready]": the real app on Kestrel on loopback, loaded with wrk (-t2 -c64 -d10s --latency) on
/// the seeded symposium's program in consecutive 10 s windows from its first 200 (6 by default: the first minute), or
/// with "ready" from the first 200 of /healthz/ready (the app's warm-up finished, as a load balancer would see it), then a
/// static file of the same size (the anchor: the machine's speed in the same minute) and the page again, warm. Run it with
/// and without the app's warm-up (PublicPages__WarmUpRequests=0) and with the JIT settings to compare (DOTNET_TieredPGO,
/// DOTNET_TieredCompilation, DOTNET_ReadyToRun).
/// </summary>
public static class PublicWarmUp
{
    private const string Program = "/events/regional-innovation-symposium-7/program";

    public static async Task RunAsync(int windows, bool fromReady = false)
    {
        if (!File.Exists("/usr/bin/wrk")) throw new InvalidOperationException("wrk is not installed: apt-get install wrk");
        var statics = Directory.CreateTempSubdirectory("events-public-warmup-static").FullName;
        var port = CircuitMemory.FreePort();
        var started = Stopwatch.StartNew();
        using var factory = BenchmarkApp.Create("public-warmup", out var data).WithWebHostBuilder(b =>
            b.ConfigureServices(s => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<IStartupFilter>(s, new PublicLoad.StaticTwins(statics))));
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        var baseUrl = $"http://127.0.0.1:{port}";
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var bytes = await http.GetByteArrayAsync(new Uri(Program, UriKind.Relative));
        var first200 = started.Elapsed;
        if (fromReady)
        {
            await BenchmarkApp.WaitReadyAsync(http);
            Console.WriteLine($"/healthz/ready answered 200 after {started.Elapsed.TotalSeconds:F1} s; the windows start there. Warm-up: "
                + (factory.Services.GetService(typeof(Events.Web.PublicPages.PublicPageWarmUp.Readiness)) as Events.Web.PublicPages.PublicPageWarmUp.Readiness)?.Summary);
        }
        Console.WriteLine($"first 200 of the program page after {first200.TotalSeconds:F1} s; warm-up requests: {Environment.GetEnvironmentVariable("PublicPages__WarmUpRequests") ?? "default"}; "
            + $"TieredPGO={Environment.GetEnvironmentVariable("DOTNET_TieredPGO") ?? "default"}, TieredCompilation={Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") ?? "default"}, ReadyToRun={Environment.GetEnvironmentVariable("DOTNET_ReadyToRun") ?? "default"}");
        Console.WriteLine("| Window | Page req/s | p50 / p99 | loadavg |");
        Console.WriteLine("|---|---|---|---|");
        var rates = new List<double>();
        for (var w = 0; w < windows; w++)
        {
            var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            var r = PublicLoad.Wrk(baseUrl + Program, 10);
            rates.Add(r.Rate);
            Console.WriteLine($"| {w * 10}–{w * 10 + 10} s | {r.Rate:F0} | {r.P50} / {r.P99} | {load} |");
        }
        var twin = $"twin-{bytes.Length}.html";
        await File.WriteAllBytesAsync(Path.Combine(statics, twin), bytes);
        var staticLoad = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        var s = PublicLoad.Wrk($"{baseUrl}/bench-static/{twin}", 10);
        var warmLoad = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        var warm = PublicLoad.Wrk(baseUrl + Program, 10);
        Console.WriteLine($"| static twin ({bytes.Length:N0} bytes), after | {s.Rate:F0} | {s.P50} / {s.P99} | {staticLoad} |");
        Console.WriteLine($"| warm page, after | {warm.Rate:F0} | {warm.P50} / {warm.P99} | {warmLoad} |");
        Console.WriteLine($"first {windows * 10} s: {rates.Average():F0} req/s = {rates.Average() / warm.Rate:P0} of warm; worst window {rates.Min() / warm.Rate:P0}; page/static warm {warm.Rate / s.Rate:F2}×");

        await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
        Directory.Delete(statics, recursive: true);
    }
}
