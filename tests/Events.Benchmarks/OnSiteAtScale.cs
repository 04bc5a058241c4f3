using System.Diagnostics;
using Events.Core.Attendees;
using Events.Core.OnSite;
using Events.Infrastructure.Data;
using Events.Infrastructure.Identity;
using Events.Infrastructure.OnSite;
using Events.Web.Components.Documents;
using Events.Web.Endpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Benchmarks;

/// <summary>
/// "onsite [people] [badges]": badges for 2,000 registrants as one PDF (time, pages, size, this process's peak working
/// set; Chromium is a separate process), the median server time of one check-in scan, and 20 staff scanning 3,000
/// people at once with every person scanned twice by different staff (double counts must be 0; p50/p99 reported).
/// </summary>
public static class OnSiteAtScale
{
    public static async Task RunAsync(int people, int badges)
    {
        string data;
        using (var factory = BenchmarkApp.Create("onsite", out data))
        {
            _ = factory.Server;
            var services = factory.Services;
            var (eventId, ids) = await SeedAsync(services, people);
            Console.WriteLine($"seeded {ids.Length} registrations");

            var badgeService = services.GetRequiredService<BadgeService>();
            var pdf = services.GetRequiredService<DocumentPdf>();
            await OnSiteEndpoints.BadgePdfAsync(pdf, (await badgeService.OneAsync(BenchmarkApp.Admin, eventId, ids[0], BadgePaper.A4))!, CancellationToken.None); // browser start
            var sheet = (await badgeService.SheetAsync(BenchmarkApp.Admin, eventId, new BadgeFilter(), BadgePaper.A4))!;
            sheet = sheet with { Badges = sheet.Badges.Take(badges).ToList() };
            var watch = Stopwatch.StartNew();
            var bytes = await OnSiteEndpoints.BadgePdfAsync(pdf, sheet, CancellationToken.None);
            watch.Stop();
            using (var document = UglyToad.PdfPig.PdfDocument.Open(bytes))
            {
                Console.WriteLine($"badges: {sheet.Badges.Count} in one PDF, {watch.Elapsed.TotalSeconds:F1} s, {document.NumberOfPages} pages, {bytes.Length / 1048576.0:F1} MiB, " +
                                  $"peak working set of the app process {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB");
            }

            var checkIns = services.GetRequiredService<CheckInService>();
            var urls = ids.ToDictionary(id => id, id => badgeService.Badge(id, "", "", "", BadgeBand.Delegate, 0).QrUrl);
            var single = new List<double>();
            foreach (var id in ids.Take(200))
            {
                var one = Stopwatch.StartNew();
                var result = await checkIns.ScanAsync(BenchmarkApp.Admin, eventId, urls[id], Guid.NewGuid().ToString("N"), CheckInMethod.Camera, sessionId: 0);
                single.Add(one.Elapsed.TotalMilliseconds);
                if (result.Outcome != CheckInOutcome.CheckedIn) throw new InvalidOperationException($"scan {id}: {result.Outcome}");
            }
            Console.WriteLine($"one scan, sequential, 200 people: median {Percentile(single, 50):F1} ms, p99 {Percentile(single, 99):F1} ms");

            // The concurrent run uses a session, so all 3,000 people are new to it: each is scanned by two different staff.
            var sessionId = await SessionAsync(services, eventId);
            var random = new Random(18);
            var scans = ids.SelectMany(id => new[] { id, id }).OrderBy(_ => random.Next()).ToArray();
            var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
            var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<CheckInOutcome, int>();
            var all = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, 20).Select(staff => Task.Run(async () =>
            {
                var actor = new Core.Access.Actor($"door-{staff}", IsAdministrator: true, IsOrganizer: false);
                for (var i = staff; i < scans.Length; i += 20)
                {
                    var one = Stopwatch.StartNew();
                    var result = await checkIns.ScanAsync(actor, eventId, urls[scans[i]], $"{staff}-{i}", CheckInMethod.Camera, sessionId);
                    latencies.Add(one.Elapsed.TotalMilliseconds);
                    outcomes.AddOrUpdate(result.Outcome, 1, (_, n) => n + 1);
                }
            })));
            all.Stop();
            int rows;
            using (var scope = services.CreateScope())
            {
                await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<EventsDbContext>>().CreateDbContextAsync();
                rows = await db.CheckIns.CountAsync(c => c.EventId == eventId && c.SessionId == sessionId);
            }
            var list = latencies.ToList();
            Console.WriteLine($"20 staff, {ids.Length} people, {scans.Length} scans in {all.Elapsed.TotalSeconds:F1} s: " +
                              $"checked in {outcomes.GetValueOrDefault(CheckInOutcome.CheckedIn)}, already {outcomes.GetValueOrDefault(CheckInOutcome.AlreadyCheckedIn)}, " +
                              $"rows {rows}, double counts {rows - ids.Length + (ids.Length - outcomes.GetValueOrDefault(CheckInOutcome.CheckedIn))}, " +
                              $"p50 {Percentile(list, 50):F1} ms, p99 {Percentile(list, 99):F1} ms");
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    private static double Percentile(List<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public static async Task<(int EventId, int[] Ids)> SeedAsync(IServiceProvider services, int people)
    {
        var factory = services.GetRequiredService<IDbContextFactory<EventsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var ev = new Core.Events.Event
        {
            Slug = "onsite-bench", Title = "第八届区域创新研讨会", StartDate = new DateOnly(2027, 5, 10), EndDate = new DateOnly(2027, 5, 11),
            Status = Core.Events.EventStatus.Published,
        };
        db.Events.Add(ev);
        await db.SaveChangesAsync();
        string[] surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "欧阳"];
        string[] given = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "明月"];
        for (var i = 0; i < people; i++)
        {
            var email = $"bench{i}@onsite.local";
            var user = new AppUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), SecurityStamp = Guid.NewGuid().ToString() };
            db.Users.Add(user);
            db.Registrations.Add(new Registration
            {
                EventId = ev.Id, UserId = user.Id, Name = surnames[i % surnames.Length] + given[i / surnames.Length % given.Length],
                Organization = "四川省科学技术发展战略研究院", Title = "研究员", Email = email, Phone = $"138{i:D8}", RegisteredAt = DateTimeOffset.UtcNow,
            });
        }
        await db.SaveChangesAsync();
        var ids = await db.Registrations.Where(r => r.EventId == ev.Id).OrderBy(r => r.Id).Select(r => r.Id).ToArrayAsync();
        return (ev.Id, ids);
    }

    private static async Task<int> SessionAsync(IServiceProvider services, int eventId)
    {
        var factory = services.GetRequiredService<IDbContextFactory<EventsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var session = new Core.Program.Session
        {
            EventId = eventId, Title = "主论坛", Start = new DateTimeOffset(2027, 5, 10, 9, 0, 0, TimeSpan.FromHours(8)), End = new DateTimeOffset(2027, 5, 10, 12, 0, 0, TimeSpan.FromHours(8)),
            TakesCheckIn = true,
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }
}
