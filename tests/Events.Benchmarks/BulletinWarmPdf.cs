using System.Diagnostics;
using Events.Core.Bulletins;
using Events.Infrastructure.Bulletins;
using Events.Infrastructure.Pdf;
using Events.Web.Components.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Benchmarks;

/// <summary>
/// Issue 15's warm-PDF target: a multi-article issue of about 15 A4 pages (the lead article and further articles, each
/// with four numbered sections, bold names, a list, a pull quote, a boxed sidebar and a table) printed through
/// <see cref="BulletinDocuments.PrintAsync"/> with the browser already running, as the download does it (issue load,
/// Markdown to HTML, Razor, one Chromium print with outline and tags). Its .docx is timed beside it.
/// </summary>
public static class BulletinWarmPdf
{
    public static async Task RunAsync(int runs, int articles)
    {
        string data;
        using (var factory = BenchmarkApp.Create("bulletin-warm", out data))
        {
            _ = factory.Server;
            var services = factory.Services;
            var bulletins = services.GetRequiredService<BulletinService>();
            var documents = services.GetRequiredService<BulletinDocuments>();
            var docx = services.GetRequiredService<BulletinDocx>();
            var renderer = services.GetRequiredService<PdfRenderer>();
            var series = (await bulletins.SearchSeriesAsync(new Core.Common.PageRequest(0, 10))).Items.Single().Id;
            var created = await bulletins.CreateAsync(BenchmarkApp.Admin, new BulletinInput
            {
                SeriesId = series,
                IssueDate = new DateOnly(2024, 12, 1),
                Title = "区域科技创新中心建设研究综述",
                Kicker = "浦江论坛专题",
                Standfirst = "本期汇总各地区域科技创新中心建设的做法。",
                Body = BulletinDocxWriting.Body(1),
                Authors = [new BulletinAuthorInput { Name = "作者甲", Note = "某研究院研究员" }],
                Articles = [.. Enumerable.Range(2, articles - 1).Select(n => new BulletinArticle { Title = $"第{n}篇：人才与产业", Byline = "作者乙", AuthorNote = "某大学教授", Body = BulletinDocxWriting.Body(n) })],
                CompiledBy = "整理人",
            });
            var id = created.Id;

            var cold = Stopwatch.StartNew();
            var first = (await documents.PdfAsync(id))!;
            Console.WriteLine($"first print, browser start included: {cold.ElapsedMilliseconds} ms ({renderer.BrowserPath})");
            int pages;
            using (var read = UglyToad.PdfPig.PdfDocument.Open(first)) pages = read.NumberOfPages;

            var totals = new List<double>();
            var docxTimes = new List<double>();
            var size = first.Length;
            for (var i = 0; i < runs; i++)
            {
                var sw = Stopwatch.StartNew();
                var pdf = (await documents.PdfAsync(id))!;
                totals.Add(sw.Elapsed.TotalMilliseconds);
                size = pdf.Length;
                var view = (await bulletins.ViewAsync(id))!;
                sw.Restart();
                _ = docx.Write(view);
                docxTimes.Add(sw.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine($"{articles}-article issue, {pages} pages, {size / 1024} KB: warm PDF median {Median(totals):F0} ms (min {totals.Min():F0}, max {totals.Max():F0}); .docx median {Median(docxTimes):F1} ms (min {docxTimes.Min():F1}); {runs} runs");
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
