using System.Diagnostics;
using Events.Core.Certificates;
using Events.Infrastructure.Certificates;
using Events.Infrastructure.Data;
using Events.Infrastructure.Identity;
using Events.Infrastructure.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Events.Benchmarks;

/// <summary>
/// Certificates of attendance for N registrants (500) with a seal, as one combined PDF through the real bulk build
/// (issue, queue, the worker printing in chunks of 50 and joining them with PDFsharp), timed from queueing to the saved
/// file, with the process's peak working set.
/// </summary>
public static class CertificatesAtScale
{
    public static async Task RunAsync(int people)
    {
        string data;
        using (var factory = BenchmarkApp.Create("certificates", out data))
        {
            _ = factory.Server;
            var services = factory.Services;
            await services.GetRequiredService<PdfRenderer>().WarmUpAsync();
            var eventId = await SeedAsync(services, people);
            var certificates = services.GetRequiredService<CertificateService>();
            using (var bitmap = new SKBitmap(400, 400))
            {
                using (var canvas = new SKCanvas(bitmap))
                using (var paint = new SKPaint { Color = SKColors.Red, IsStroke = true, StrokeWidth = 12, IsAntialias = true })
                {
                    canvas.Clear(SKColors.Transparent);
                    canvas.DrawCircle(200, 200, 180, paint);
                }
                using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
                await certificates.UploadImageAsync(BenchmarkApp.Admin, eventId, CertificateImage.Seal, new MemoryStream(png.ToArray()));
            }

            var watch = Stopwatch.StartNew();
            var buildId = await services.GetRequiredService<CertificateBuilds>().QueueAsync(BenchmarkApp.Admin, eventId, CertificateKind.Attendance,
                new CandidateQuery(0, 1), "zh-CN", CertificateBuildFormat.Combined);
            var issued = watch.Elapsed.TotalMilliseconds;
            var worker = services.GetRequiredService<CertificateBuildWorker>();
            CertificateBuild build;
            while (true)
            {
                await worker.RunNextAsync(CancellationToken.None);
                await using var db = await services.GetRequiredService<IDbContextFactory<EventsDbContext>>().CreateDbContextAsync();
                build = await db.CertificateBuilds.AsNoTracking().SingleAsync(b => b.Id == buildId);
                if (build.State is CertificateBuildState.Done or CertificateBuildState.Failed) break;
                await Task.Delay(100);
            }
            var total = watch.Elapsed.TotalMilliseconds;
            var file = (await services.GetRequiredService<CertificateBuilds>().OpenAsync(BenchmarkApp.Admin, eventId, buildId!.Value))!.Value;
            using var copy = new MemoryStream();
            await file.Content.CopyToAsync(copy);
            await file.Content.DisposeAsync();
            using var read = UglyToad.PdfPig.PdfDocument.Open(copy.ToArray());
            Console.WriteLine($"certificates, {people} people, one PDF: {build.State}, issued in {issued:F0} ms, total {total / 1000:F1} s, " +
                $"{read.NumberOfPages} pages, {copy.Length / 1024} KB, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    private static async Task<int> SeedAsync(IServiceProvider services, int people)
    {
        var factory = services.GetRequiredService<IDbContextFactory<EventsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var ev = new Core.Events.Event
        {
            Slug = "certificates-bench", Title = "第九届区域创新研讨会", StartDate = new DateOnly(2027, 5, 10), EndDate = new DateOnly(2027, 5, 11),
            City = "成都", Venue = "锦江宾馆", Status = Core.Events.EventStatus.Published,
        };
        db.Events.Add(ev);
        await db.SaveChangesAsync();
        string[] surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "欧阳"];
        string[] given = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "明月"];
        for (var i = 0; i < people; i++)
        {
            var email = $"bench{i}@certificates.local";
            var user = new AppUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), SecurityStamp = Guid.NewGuid().ToString() };
            db.Users.Add(user);
            db.Registrations.Add(new Core.Attendees.Registration
            {
                EventId = ev.Id, UserId = user.Id, Name = surnames[i % surnames.Length] + given[i / surnames.Length % given.Length],
                Organization = "四川省科学技术发展战略研究院", Title = "研究员", Email = email, RegisteredAt = DateTimeOffset.UtcNow,
            });
        }
        await db.SaveChangesAsync();
        return ev.Id;
    }
}
