using System.Diagnostics;
using Events.Core.OnTheDay;
using Events.Infrastructure.Data;
using Events.Infrastructure.OnTheDay;
using Events.Infrastructure.Pdf;
using Events.Web.Components.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Benchmarks;

/// <summary>
/// Table tents for a 200-seat session in the real app: the seating is saved through the service, then the whole PDF
/// (load, HTML, Chromium print) is timed, first after the browser is warm, then as the median of several runs.
/// Target: under 5 s.
/// </summary>
public static class TableTentsAtScale
{
    public static async Task RunAsync(int seats, int runs)
    {
        string data;
        using (var factory = BenchmarkApp.Create("tents", out data))
        {
            _ = factory.Server;
            var services = factory.Services;
            await services.GetRequiredService<PdfRenderer>().WarmUpAsync();
            int eventId, sessionId;
            await using (var db = await services.GetRequiredService<IDbContextFactory<EventsDbContext>>().CreateDbContextAsync())
            {
                var session = await db.Sessions.OrderBy(s => s.Id).Select(s => new { s.EventId, s.Id }).FirstAsync();
                (eventId, sessionId) = (session.EventId, session.Id);
            }
            string[] family = ["王", "李", "张", "刘", "陈", "欧阳", "司马", "黄"];
            string[] given = ["伟", "建国", "晓红", "志强", "明远", "洋", "静怡", "海"];
            var guests = Enumerable.Range(0, seats)
                .Select(i => new SeatingGuestInput(family[i % family.Length] + given[i / family.Length % given.Length], $"单位{i % 20 + 1} 职务", $"单位{i % 20 + 1}", Table: i / 10 + 1))
                .ToList();
            var saved = await services.GetRequiredService<SeatingService>().SaveAsync(BenchmarkApp.Admin, eventId, sessionId,
                new SeatingPlanInput(SeatingLayout.Tables, SeatingConvention.Official, 10, guests), null);
            if (saved.Outcome != Core.Common.SaveOutcome.Saved) throw new InvalidOperationException($"seating not saved: {saved.Outcome}");

            var documents = services.GetRequiredService<SeatingDocuments>();
            var times = new List<double>();
            var size = 0;
            var pages = 0;
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                var pdf = (await documents.TentsAsync(eventId, sessionId, SeatingView.Audience, null))!;
                times.Add(watch.Elapsed.TotalMilliseconds);
                size = pdf.Length;
                using var read = UglyToad.PdfPig.PdfDocument.Open(pdf);
                pages = read.NumberOfPages;
            }
            var sorted = times.Order().ToList();
            Console.WriteLine($"table tents, {seats} seats: first {times[0]:F0} ms, median {sorted[sorted.Count / 2]:F0} ms, max {sorted[^1]:F0} ms, " +
                $"{pages} pages, {size / 1024} KB, {runs} runs (target < 5000 ms)");
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }
}
