using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Events.Infrastructure.Data;
using Events.Infrastructure.Program;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.EntityFrameworkCore;

namespace Events.Benchmarks;

/// <summary>
/// "public-load": the real app on Kestrel on loopback, with the seeded symposium and the synthetic 41-forum event, loaded
/// with wrk (-t2 -c64 -d10s --latency). Each public page is compared with a static file of the same byte size served by
/// the same app in the same run. Also: time to the first 200, and the rate in the first minute after start.
/// </summary>
public static class PublicLoad
{
    private const string Symposium = "/events/regional-innovation-symposium-7";

    public static async Task RunAsync(int seconds, int coldSeconds)
    {
        if (!File.Exists("/usr/bin/wrk")) throw new InvalidOperationException("wrk is not installed: apt-get install wrk");
        var statics = Directory.CreateTempSubdirectory("events-public-load-static").FullName;
        var port = FreePort();
        var started = Stopwatch.StartNew();
        using var factory = BenchmarkApp.Create("public-load", out var data).WithWebHostBuilder(b =>
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new StaticTwins(statics))));
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        var baseUrl = $"http://127.0.0.1:{port}";
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var first = await http.GetAsync(new Uri(Symposium + "/program", UriKind.Relative));
        Console.WriteLine($"time to the first 200 of the program page (host build, migrate, seed, first render): {started.Elapsed.TotalSeconds:F1} s ({(int)first.StatusCode})");
        Console.WriteLine($"load average: {await File.ReadAllTextAsync("/proc/loadavg")}");

        // The first minute after the start, before anything else warms the app.
        var cold = Wrk(baseUrl + Symposium + "/program", coldSeconds);
        Console.WriteLine($"first {coldSeconds} s after start, symposium program: {cold.Rate:F0} req/s, p50 {cold.P50}, p99 {cold.P99}");

        await BenchmarkApp.WaitReadyAsync(http);
        var db = factory.Services.GetRequiredService<IDbContextFactory<EventsDbContext>>();
        var (rootId, _, day) = await ProgramAtScale.LoadAsync(db);
        await factory.Services.GetRequiredService<ProgramPublisher>().PublishAsync(BenchmarkApp.Admin, rootId, "bench", acknowledgeConflicts: true);

        string[] pages =
        [
            Symposium + "/program",
            $"/events/{ProgramAtScale.Slug}/program?day={day:yyyy-MM-dd}",
            "/events",
            Symposium,
            Symposium + "/speakers",
            Symposium + "/schedule.xml",
        ];
        Console.WriteLine();
        Console.WriteLine("| Page | Bytes | Page req/s | p50 / p99 | Static req/s | p50 / p99 | Ratio | loadavg |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var page in pages)
        {
            var bytes = await http.GetByteArrayAsync(new Uri(page, UriKind.Relative));
            var twin = $"twin-{bytes.Length}.html";
            await File.WriteAllBytesAsync(Path.Combine(statics, twin), bytes);
            var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            var p = Wrk(baseUrl + page, seconds);
            var s = Wrk($"{baseUrl}/bench-static/{twin}", seconds);
            Console.WriteLine($"| `{page}` | {bytes.Length:N0} | {p.Rate:F0} | {p.P50} / {p.P99} | {s.Rate:F0} | {s.P50} / {s.P99} | {p.Rate / s.Rate:F2}× | {load} |");
        }
        Console.WriteLine();
        var warm = Wrk(baseUrl + Symposium + "/program", seconds);
        Console.WriteLine($"warm, symposium program: {warm.Rate:F0} req/s; first minute was {cold.Rate / warm.Rate:P0} of it");
        Console.WriteLine($"load average: {await File.ReadAllTextAsync("/proc/loadavg")}");

        await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
        Directory.Delete(statics, recursive: true);
    }

    internal sealed record WrkResult(double Rate, string P50, string P99);

    /// <summary>wrk with two threads and 64 connections; its own latency distribution gives p50 and p99.</summary>
    internal static WrkResult Wrk(string url, int seconds)
    {
        var info = new ProcessStartInfo("/usr/bin/wrk", ["-t2", "-c64", $"-d{seconds}s", "--latency", url]) { RedirectStandardOutput = true };
        using var wrk = Process.Start(info)!;
        var output = wrk.StandardOutput.ReadToEnd();
        wrk.WaitForExit();
        string Field(string prefix) => output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..].Trim() ?? "?";
        if (output.Contains("Non-2xx", StringComparison.Ordinal)) Console.WriteLine($"  ! {url}: {Field("Non-2xx or 3xx responses:")} non-2xx responses");
        var rate = double.TryParse(Field("Requests/sec:"), NumberStyles.Float, CultureInfo.InvariantCulture, out var r) ? r : 0;
        return new WrkResult(rate, Field("50%"), Field("99%"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Serves the same-size copies of the pages from a temporary folder, through the same app and pipeline start.</summary>
    internal sealed class StaticTwins(string folder) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder), RequestPath = "/bench-static" });
            next(app);
        };
    }
}
