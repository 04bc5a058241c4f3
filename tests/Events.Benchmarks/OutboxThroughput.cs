using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Events.Core.Mail;
using Events.Infrastructure.Data;
using Events.Infrastructure.Files;
using Events.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Events.Benchmarks;

/// <summary>
/// Queues N mails in the outbox (SQLite) and times the sender delivering them to maildev on 127.0.0.1,
/// one SMTP connection per batch. Reports messages per second, allocation and peak working set.
/// </summary>
public static class OutboxThroughput
{
    public static async Task RunAsync(int count, int batchSize)
    {
        var root = RepoRoot();
        var work = Directory.CreateTempSubdirectory("events-outbox-bench").FullName;
        var smtpPort = FreePort();
        var webPort = FreePort();
        using var maildev = Process.Start(new ProcessStartInfo(Path.Combine(root, ".ci", "tools", "node_modules", ".bin", "maildev"),
            ["--smtp", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--web", webPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--ip", "127.0.0.1", "--silent"])
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        try
        {
            await WaitForPortAsync(smtpPort);
            var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Mail:Smtp:Host"] = "127.0.0.1",
                ["Mail:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Mail:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Mail:SendInBackground"] = "false",
                ["App:PublicBaseUrl"] = "https://events.bench",
            }).Build();
            var services = new ServiceCollection()
                .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
                .AddSingleton(new FileStore(Path.Combine(work, "files")))
                .AddDbContextFactory<EventsDbContext>(o => DatabaseServiceCollectionExtensions.Configure(o, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(work, "bench.db")}", work))
                .AddEventsMail(config)
                .BuildServiceProvider();
            var factory = services.GetRequiredService<IDbContextFactory<EventsDbContext>>();
            await using (var db = await factory.CreateDbContextAsync()) await db.Database.MigrateAsync();

            var outbox = services.GetRequiredService<Outbox>();
            var queueTime = Stopwatch.StartNew();
            for (var done = 0; done < count; done += 500)
            {
                await using var db = await factory.CreateDbContextAsync();
                for (var i = done; i < Math.Min(count, done + 500); i++)
                {
                    await outbox.EnqueueAsync(db, MailTemplateKeys.SpeakerNotice, new MailRecipient($"speaker{i}@example.cn", $"嘉宾{i}"),
                        new Dictionary<string, string>
                        {
                            ["name"] = $"嘉宾{i}",
                            ["eventTitle"] = "第七届全国区域创新学术研讨会",
                            ["eventDates"] = "2023年7月29日—30日",
                            ["eventLink"] = "https://events.bench/events/regional-innovation-symposium-7",
                            ["message"] = "会议手册已经上线，请登录查看您的日程安排。",
                        });
                }
                await db.SaveChangesAsync();
            }
            queueTime.Stop();

            var sender = services.GetRequiredService<OutboxSender>();
            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var sendTime = Stopwatch.StartNew();
            while (await sender.RunOnceAsync() > 0) { }
            sendTime.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

            await using (var db = await factory.CreateDbContextAsync())
            {
                var sent = await db.OutboxMessages.CountAsync(m => m.State == OutboxState.Sent);
                using var http = new HttpClient();
                var received = JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{webPort}/api/email"))).RootElement.GetArrayLength();
                Console.WriteLine($"messages: {count}, batch size: {batchSize}, sent: {sent}, received by SMTP server: {received}");
            }
            Console.WriteLine($"queue (compose + insert): {queueTime.Elapsed.TotalSeconds:F2} s ({count / queueTime.Elapsed.TotalSeconds:F0} msg/s)");
            Console.WriteLine($"send: {sendTime.Elapsed.TotalSeconds:F2} s = {count / sendTime.Elapsed.TotalSeconds:F0} msg/s");
            Console.WriteLine($"allocated while sending: {allocated / 1024.0 / 1024.0:F1} MB ({allocated / count / 1024.0:F1} KB per message)");
            Console.WriteLine($"peak working set of the process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB");
        }
        finally
        {
            maildev.Kill(entireProcessTree: true);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task WaitForPortAsync(int port)
    {
        for (var i = 0; i < 200; i++)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("maildev did not start; install it with: npm install --prefix .ci/tools maildev@3.0.0");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Events.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }
}
