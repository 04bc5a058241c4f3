using System.Diagnostics;
using Events.Core.Booklets;
using Events.Infrastructure.Booklets;
using Events.Infrastructure.Data;
using Events.Infrastructure.Identity;
using Events.Infrastructure.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Benchmarks;

/// <summary>
/// "booklet [registrations] [sessions]": the programme booklet of the synthetic 41-forum event (2,000 sessions) with 3,000
/// registrations, A5, every section, through the real build (queue, the worker reading the program, printing until the
/// table of contents holds, storing the file), timed from queueing to the stored file, with the process's peak working
/// set. A smaller [sessions] keeps only that many sessions (a quick check that the mode works, not a figure).
/// </summary>
public static class BookletAtScale
{
    public static async Task RunAsync(int registrations, int? sessions)
    {
        string data;
        using (var factory = BenchmarkApp.Create("booklet", out data))
        {
            _ = factory.Server;
            var services = factory.Services;
            await services.GetRequiredService<PdfRenderer>().WarmUpAsync();
            var db = services.GetRequiredService<IDbContextFactory<EventsDbContext>>();
            var (rootId, _, _) = await ProgramAtScale.LoadAsync(db);
            await SeedAsync(db, rootId, registrations, sessions);
            Console.WriteLine($"load average: {await File.ReadAllTextAsync("/proc/loadavg")}");

            var booklets = services.GetRequiredService<BookletService>();
            var settings = await booklets.LoadSettingsAsync(BenchmarkApp.Admin, rootId);
            settings.Cover = "创新驱动 协同发展";
            settings.Notice = "## 报到\n\n请于会前一日14:00后在会场大堂报到。\n\n## 用餐\n\n凭餐券就餐。";
            settings.Contacts = "会务组：028-12345678";
            settings.Paper = BookletPaper.A5;
            await booklets.SaveSettingsAsync(BenchmarkApp.Admin, rootId, settings);

            var watch = Stopwatch.StartNew();
            var buildId = (await booklets.QueueAsync(BenchmarkApp.Admin, rootId))!.Value;
            var worker = services.GetRequiredService<BookletBuildWorker>();
            BookletBuildView build;
            while (true)
            {
                await worker.RunNextAsync(CancellationToken.None);
                build = (await booklets.BuildsAsync(BenchmarkApp.Admin, rootId)).Single(b => b.Id == buildId);
                if (build.State is BookletBuildState.Done or BookletBuildState.Failed) break;
                await Task.Delay(100);
            }
            var total = watch.Elapsed.TotalSeconds;
            Console.WriteLine($"booklet, {sessions?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all"} sessions, {registrations} registrations, A5: {build.State} {build.Error}, " +
                $"{total:F1} s from queueing to the stored file, {build.Pages} pages, {(build.Size ?? 0) / 1024} KB, " +
                $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    private static async Task SeedAsync(IDbContextFactory<EventsDbContext> factory, int rootId, int registrations, int? sessions)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (sessions is { } keep)
        {
            var forums = await db.Events.Where(e => e.Id == rootId || e.ParentEventId == rootId).Select(e => e.Id).ToListAsync();
            var kept = await db.Sessions.Where(s => forums.Contains(s.EventId)).OrderBy(s => s.Id).Select(s => s.Id).Take(keep).ToListAsync();
            await db.Sessions.Where(s => forums.Contains(s.EventId) && !kept.Contains(s.Id)).ExecuteDeleteAsync();
        }
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        string[] surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "欧阳"];
        string[] given = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "明月"];
        for (var i = 0; i < registrations; i++)
        {
            var email = $"bench{i}@booklet.local";
            var user = new AppUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), SecurityStamp = Guid.NewGuid().ToString() };
            db.Users.Add(user);
            db.Registrations.Add(new Core.Attendees.Registration
            {
                EventId = rootId, UserId = user.Id, Name = surnames[i % surnames.Length] + given[i / surnames.Length % given.Length],
                Organization = $"四川省科学技术发展战略研究院第{i % 40 + 1}研究室", Title = "研究员", Email = email, RegisteredAt = DateTimeOffset.UtcNow,
            });
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
    }
}
