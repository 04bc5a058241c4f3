using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Events.Core.Events;
using Events.Core.Papers;
using Events.Core.Proceedings;
using Events.Infrastructure.Data;
using Events.Infrastructure.Files;
using Events.Infrastructure.Pdf;
using Events.Infrastructure.Proceedings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Events.Benchmarks;

/// <summary>
/// A 100-paper, 1,000-page volume built end to end by the real app's worker (front matter, contents, author index,
/// stamping, bookmarks, saving, hashing, storing), against qpdf merging the same 100 files, in the same run.
/// </summary>
public static class ProceedingsAtScale
{
    private const int Papers = 100;
    private const int Runs = 3;
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "欧阳"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "华", "小明"];
    private static readonly string[] Topics = ["区域创新", "数字经济", "绿色发展", "科技政策", "产业协同"];

    public static async Task RunAsync()
    {
        using var factory = BenchmarkApp.Create("proceedings", out var data);
        _ = factory.Server;
        var services = factory.Services;

        var make = Stopwatch.StartNew();
        var paperFiles = Enumerable.Range(1, Papers).Select(i => MakePaper(i, 10)).ToList();
        make.Stop();
        var paperDir = Directory.CreateDirectory(Path.Combine(data, "bench-papers")).FullName;
        var paths = paperFiles.Select((pdf, i) =>
        {
            var path = Path.Combine(paperDir, $"p{i + 1:000}.pdf");
            File.WriteAllBytes(path, pdf);
            return path;
        }).ToList();
        Console.WriteLine($"generated {Papers} papers, {Papers * 10} pages, {paperFiles.Sum(p => p.Length) / 1024 / 1024.0:F1} MB, in {make.Elapsed.TotalSeconds:F1} s");

        var eventId = await LoadAsync(services, paperFiles);
        await services.GetRequiredService<PdfRenderer>().WarmUpAsync();

        var qpdfTimes = new List<double>();
        var merged = Path.Combine(data, "qpdf-merged.pdf");
        for (var i = 0; i <= Runs; i++)
        {
            var sw = Stopwatch.StartNew();
            var exit = RunQpdf(["--empty", "--pages", .. paths, "--", merged]);
            sw.Stop();
            if (exit is not 0 and not 3) throw new InvalidOperationException($"qpdf exited with {exit}");
            if (i > 0) qpdfTimes.Add(sw.Elapsed.TotalSeconds);
        }
        var qpdf = Median(qpdfTimes);
        Console.WriteLine($"qpdf --empty --pages (100 files) -- out.pdf: median {qpdf:F2} s over {Runs} runs, {new FileInfo(merged).Length / 1024 / 1024.0:F1} MB");

        var volumes = services.GetRequiredService<ProceedingsService>();
        var buildTimes = new List<double>();
        ProceedingsBuild? last = null;
        for (var i = 0; i <= Runs; i++)
        {
            GC.Collect();
            var sw = Stopwatch.StartNew();
            var (_, buildId) = await volumes.RequestBuildAsync(BenchmarkApp.Admin, eventId);
            last = await WaitAsync(services, buildId);
            sw.Stop();
            if (last.State != BuildState.Succeeded) throw new InvalidOperationException($"build failed: {last.Error}");
            // The first build warms the composer's code paths and Chromium's fonts; it is reported but not counted.
            if (i == 0) Console.WriteLine($"first build (cold): {sw.Elapsed.TotalSeconds:F2} s");
            else buildTimes.Add(sw.Elapsed.TotalSeconds);
        }
        var build = Median(buildTimes);
        Console.WriteLine($"end-to-end build (request to stored file): median {build:F2} s over {Runs} runs; {last!.PageCount} pages, {last.PaperCount} papers, {last.SizeBytes / 1024 / 1024.0:F1} MB");
        Console.WriteLine($"ratio build / qpdf: {build / qpdf:F2}x (target < 3x)");

        // One more build straight through the composer, for the time of each stage.
        var composer = services.GetRequiredService<VolumeComposer>();
        var request = await RequestAsync(services, eventId, last.FrontMatterPages);
        var store = services.GetRequiredService<FileStore>();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        await using (var sink = new FileStream(Path.Combine(data, "composed.pdf"), FileMode.Create))
        {
            var composed = await composer.ComposeAsync(request, e => store.OpenRead(ProceedingsFiles.PaperFolder, e.CameraReady!.StoredName), sink, (_, _) => { }, CancellationToken.None);
            Console.WriteLine("stages: " + string.Join(", ", composed.Timings.Select(t => $"{t.Stage} {t.Elapsed.TotalSeconds:F2} s")));
        }
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        // The alternative for the stamps: print the header and number layer with Chromium (to import as forms). Only the print is timed.
        var layer = new System.Text.StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><link rel=\"stylesheet\" href=\"/fonts/noto-serif-sc/fonts.css\">"
            + "<style>@page { size: A4; margin: 0 } body { margin: 0; font-family: 'Events Serif'; font-size: 8pt } .p { height: 297mm; break-after: page; position: relative }"
            + " .h { position: absolute; top: 7mm; left: 15mm; right: 15mm; display: flex; justify-content: space-between; border-bottom: 0.4pt solid #555 } .n { position: absolute; bottom: 7mm; width: 100%; text-align: center }</style></head><body>");
        for (var page = 1; page <= last.PageCount; page++)
        {
            layer.Append(CultureInfo.InvariantCulture, $"<div class=\"p\"><div class=\"h\"><span>基准测试论文集</span><span>{TitleOf(1 + page / 10)}</span></div><div class=\"n\">{page}</div></div>");
        }
        layer.Append("</body></html>");
        var renderer = services.GetRequiredService<PdfRenderer>();
        var chromiumLayer = Stopwatch.StartNew();
        var layerPdf = await renderer.RenderAsync(layer.ToString());
        chromiumLayer.Stop();
        Console.WriteLine($"alternative stamp layer printed by Chromium ({last.PageCount} pages of header and number only, before any import): {chromiumLayer.Elapsed.TotalSeconds:F2} s, {layerPdf.Length / 1024} KB");
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"peak working set of the app process: {self.PeakWorkingSet64 / 1024 / 1024} MB (Chromium runs in its own processes); managed allocations of one build: {allocated / 1024 / 1024} MB");

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await factory.DisposeAsync();
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the stopping host; the temp folder is cleaned by the OS.
        }
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static int RunQpdf(string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo("qpdf", args) { RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("qpdf is missing: apt-get install qpdf");
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }

    private static async Task<ProceedingsBuild> WaitAsync(IServiceProvider services, int buildId)
    {
        var factory = services.GetRequiredService<IDbContextFactory<EventsDbContext>>();
        while (true)
        {
            await using (var db = await factory.CreateDbContextAsync())
            {
                var build = await db.ProceedingsBuilds.AsNoTracking().SingleAsync(b => b.Id == buildId);
                if (!build.IsActive) return build;
            }
            await Task.Delay(20);
        }
    }

    private static async Task<VolumeRequest> RequestAsync(IServiceProvider services, int eventId, int frontMatterPages)
    {
        var factory = services.GetRequiredService<IDbContextFactory<EventsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var volume = await db.Proceedings.Include(p => p.Order).SingleAsync(p => p.EventId == eventId);
        return VolumeRequest.From(volume, "基准测试研讨会", await VolumeContents.LoadAsync(db, eventId, CancellationToken.None), frontMatterPages);
    }

    /// <summary>A paper with a Chinese title and about 40 lines of text per page, in its own embedded font subset, as uploads have.</summary>
    private static byte[] MakePaper(int number, int pages)
    {
        StampFonts.EnsureInstalled();
        using var doc = new PdfDocument();
        doc.Options.CompressContentStreams = false;
        var title = new XFont(StampFonts.Family, 16, XFontStyleEx.Regular, XPdfFontOptions.UnicodeDefault);
        var body = new XFont(StampFonts.Family, 10.5, XFontStyleEx.Regular, XPdfFontOptions.UnicodeDefault);
        for (var p = 1; p <= pages; p++)
        {
            var page = doc.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            using var gfx = XGraphics.FromPdfPage(page);
            var y = 90.0;
            if (p == 1)
            {
                gfx.DrawString(TitleOf(number), title, XBrushes.Black, new XPoint(60, y));
                y += 40;
            }
            for (var line = 0; y < 780; line++, y += 16)
            {
                gfx.DrawString(string.Create(CultureInfo.InvariantCulture, $"第{p}页第{line + 1}行：区域创新体系与产业协同发展的实证分析，样本覆盖长三角{number}个城市。"), body, XBrushes.Black, new XPoint(60, y));
            }
        }
        using var output = new MemoryStream();
        doc.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static string TitleOf(int number) => $"{Topics[number % Topics.Length]}视角下的第{number}项研究：机制、路径与政策建议";

    private static async Task<int> LoadAsync(IServiceProvider services, List<byte[]> files)
    {
        var factory = services.GetRequiredService<IDbContextFactory<EventsDbContext>>();
        var store = services.GetRequiredService<FileStore>();
        await using var db = await factory.CreateDbContextAsync();
        var ev = new Event
        {
            Slug = "proceedings-bench",
            Title = "基准测试研讨会",
            Kind = EventKind.Symposium,
            StartDate = new DateOnly(2026, 11, 20),
            EndDate = new DateOnly(2026, 11, 21),
            Status = EventStatus.Published,
        };
        db.Events.Add(ev);
        await db.SaveChangesAsync();
        var call = new CallForPapers { EventId = ev.Id, Topics = Topics.Select((t, i) => new PaperTopic { Name = t, Order = i }).ToList() };
        db.CallsForPapers.Add(call);
        await db.SaveChangesAsync();
        var random = new Random(7);
        for (var i = 1; i <= files.Count; i++)
        {
            var stored = await store.SaveAsync(ProceedingsFiles.PaperFolder, ".pdf", new MemoryStream(files[i - 1]));
            db.Submissions.Add(new Submission
            {
                EventId = ev.Id,
                Number = i,
                Title = TitleOf(i),
                Abstract = "摘要。",
                TopicId = call.Topics[i % Topics.Length].Id,
                SubmitterUserId = "bench",
                Decision = Decision.AcceptOral,
                Authors = Enumerable.Range(1, 1 + random.Next(3)).Select(a => new Author
                {
                    Order = a,
                    Name = Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)],
                    Affiliation = $"第{random.Next(1, 30)}研究所",
                }).ToList(),
                Files =
                [
                    new SubmissionFile
                    {
                        Kind = SubmissionFileKind.CameraReady,
                        Version = 1,
                        StoredName = stored,
                        OriginalFileName = $"p{i}.pdf",
                        SizeBytes = files[i - 1].Length,
                        PageCount = 10,
                        Sha256 = Convert.ToHexStringLower(SHA256.HashData(files[i - 1])),
                        UploadedByUserId = "bench",
                    },
                ],
            });
        }
        db.Proceedings.Add(new Core.Proceedings.Proceedings
        {
            EventId = ev.Id,
            Title = "基准测试论文集",
            Editors = "编者甲\n编者乙",
            Preface = "前言。",
            Grouping = PaperGrouping.Topic,
        });
        await db.SaveChangesAsync();
        return ev.Id;
    }
}
