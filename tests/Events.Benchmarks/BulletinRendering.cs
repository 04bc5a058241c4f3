using System.Diagnostics;
using Events.Core.Bulletins;
using Events.Infrastructure.Bulletins;
using Events.Infrastructure.Pdf;
using Events.Web.Components.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Benchmarks;

/// <summary>
/// Bulletin PDFs in the real app: the first render (browser start included), then the median of warm renders of the
/// seeded issue and of a 4-page issue, each split into the HTML step (HtmlRenderer) and the print step (Chromium).
/// </summary>
public static class BulletinRendering
{
    public static async Task RunAsync(int runs)
    {
        string data;
        using (var factory = BenchmarkApp.Create("bulletin", out data))
        {
            _ = factory.Server;
            var services = factory.Services;
            var bulletins = services.GetRequiredService<BulletinService>();
            var documents = services.GetRequiredService<BulletinDocuments>();
            var renderer = services.GetRequiredService<PdfRenderer>();

            var seeded = (await bulletins.PublishedAsync(new Core.Common.PageRequest(0, 10))).Items.Single().Id;
            var cold = Stopwatch.StartNew();
            var first = await documents.PdfAsync(seeded);
            Console.WriteLine($"first render, browser start included: {cold.ElapsedMilliseconds} ms ({renderer.BrowserPath})");

            await BaselineAsync(renderer, runs);
            await ReportAsync("seeded issue 2024-13 (3 pages)", seeded, runs, bulletins, documents, renderer);

            var series = (await bulletins.SearchSeriesAsync(new Core.Common.PageRequest(0, 10))).Items.Single().Id;
            var created = await bulletins.CreateAsync(BenchmarkApp.Admin, new BulletinInput
            {
                SeriesId = series,
                IssueDate = new DateOnly(2024, 12, 1),
                Title = "区域科技创新中心建设研究综述",
                EditorsNote = "本期汇总各地区域科技创新中心建设的做法。",
                Body = LongBody(),
                CompiledBy = "整理人",
                Editor = "编辑",
                ManagingEditor = "责任编辑",
            });
            await ReportAsync("4-page issue", created.Id, runs, bulletins, documents, renderer);
            GC.KeepAlive(first);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    private static async Task ReportAsync(string what, int id, int runs, BulletinService bulletins, BulletinDocuments documents, PdfRenderer renderer)
    {
        var totals = new List<double>();
        var htmlTimes = new List<double>();
        var printTimes = new List<double>();
        var size = 0;
        await documents.PdfAsync(id); // warm-up
        for (var i = 0; i < runs; i++)
        {
            var total = Stopwatch.StartNew();
            var view = (await bulletins.ViewAsync(id))!;
            var html = await documents.RenderHtmlAsync(view);
            var htmlDone = total.Elapsed.TotalMilliseconds;
            var pdf = await renderer.RenderAsync(html);
            totals.Add(total.Elapsed.TotalMilliseconds);
            htmlTimes.Add(htmlDone);
            printTimes.Add(total.Elapsed.TotalMilliseconds - htmlDone);
            size = pdf.Length;
        }
        Console.WriteLine($"{what}: median {Median(totals):F0} ms warm (load + HTML {Median(htmlTimes):F0} ms, print {Median(printTimes):F0} ms), min {totals.Min():F0} ms, max {totals.Max():F0} ms, {size / 1024} KB, {runs} runs");
    }

    /// <summary>The same page and print path with a one-line ASCII document and no web fonts: what any print costs here.</summary>
    private static async Task BaselineAsync(PdfRenderer renderer, int runs)
    {
        var times = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            var sw = Stopwatch.StartNew();
            await renderer.RenderAsync("<!DOCTYPE html><html><head><title>x</title></head><body><p>baseline</p></body></html>");
            if (i > 0) times.Add(sw.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"baseline (one ASCII line, no web fonts): median {Median(times):F0} ms, min {times.Min():F0} ms");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string LongBody()
    {
        var text = new System.Text.StringBuilder();
        for (var s = 1; s <= 4; s++)
        {
            text.Append("## 第").Append(s).AppendLine("部分：区域科技创新中心的建设路径").AppendLine();
            for (var p = 1; p <= 4; p++)
            {
                text.Append("**刘冬梅**认为，区域科技创新中心应当依托本地产业基础，聚焦关键领域，推动科研机构、高等院校和企业之间形成稳定的合作关系，")
                    .AppendLine("在人才培养、成果转化和开放合作方面持续发力。").AppendLine();
            }
            text.AppendLine("1. 统筹创新资源；").AppendLine("2. 完善协同机制；").AppendLine("3. 优化创新生态。").AppendLine();
        }
        return text.ToString();
    }
}
