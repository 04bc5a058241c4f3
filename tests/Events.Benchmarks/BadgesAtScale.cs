using System.Diagnostics;
using Events.Infrastructure.OnSite;
using Events.Infrastructure.Pdf;
using Events.Web.Components.Documents;
using Events.Web.Endpoints;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Benchmarks;

/// <summary>
/// "badges [count]": where the time of one badge PDF for 2,000 registrants goes (the QR codes, the HTML, Chromium's
/// print), the PDF as the app prints it, and as an anchor in the same run the whole sheet printed as one document.
/// </summary>
public static class BadgesAtScale
{
    public static async Task RunAsync(int count)
    {
        string data;
        using (var factory = BenchmarkApp.Create("badges", out data))
        {
            _ = factory.Server;
            var services = factory.Services;
            var (eventId, ids) = await OnSiteAtScale.SeedAsync(services, count);
            var badgeService = services.GetRequiredService<BadgeService>();
            var pdf = services.GetRequiredService<DocumentPdf>();
            var html = services.GetRequiredService<DocumentHtml>();
            var renderer = services.GetRequiredService<PdfRenderer>();
            await OnSiteEndpoints.BadgePdfAsync(pdf, (await badgeService.OneAsync(BenchmarkApp.Admin, eventId, ids[0], BadgePaper.A4))!, CancellationToken.None); // browser start
            var sheet = (await badgeService.SheetAsync(BenchmarkApp.Admin, eventId, new BadgeFilter(), BadgePaper.A4))!;
            sheet = sheet with { Badges = sheet.Badges.Take(count).ToList() };

            var watch = Stopwatch.StartNew();
            foreach (var badge in sheet.Badges) _ = QrImages.DataUri(badge.QrUrl, 6);
            Console.WriteLine($"QR codes as PNG data URIs (before): {sheet.Badges.Count} in {watch.Elapsed.TotalSeconds:F2} s");
            watch.Restart();
            foreach (var badge in sheet.Badges) _ = QrImages.Svg(badge.QrUrl);
            Console.WriteLine($"QR codes as SVG paths (now): {sheet.Badges.Count} in {watch.Elapsed.TotalSeconds:F2} s");

            watch.Restart();
            var whole = await html.RenderAsync<BadgeDocument>(new Dictionary<string, object?> { [nameof(BadgeDocument.Sheet)] = sheet });
            Console.WriteLine($"HTML of the whole sheet: {watch.Elapsed.TotalSeconds:F2} s, {whole.Length / 1048576.0:F1} MiB");

            var before = Process.GetCurrentProcess().PeakWorkingSet64;
            watch.Restart();
            var bytes = await OnSiteEndpoints.BadgePdfAsync(pdf, sheet, CancellationToken.None);
            watch.Stop();
            using (var document = UglyToad.PdfPig.PdfDocument.Open(bytes))
            {
                Console.WriteLine($"now, as the app prints them (SVG QR, {OnSiteEndpoints.BadgesPerPrint} badges a print, joined): {sheet.Badges.Count} in {watch.Elapsed.TotalSeconds:F1} s, " +
                                  $"{document.NumberOfPages} pages, {bytes.Length / 1048576.0:F1} MiB, peak working set of the app process {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB (before it {before / 1048576} MiB)");
            }

            watch.Restart();
            var wholePrint = await renderer.RenderAsync(whole);
            Console.WriteLine($"the whole sheet (SVG QR) as one Chromium print: {watch.Elapsed.TotalSeconds:F1} s, {wholePrint.Length / 1048576.0:F1} MiB");

            // The anchor: the document as it was before, PNG data URIs and one print, in this same run on this same machine.
            var index = 0;
            var old = System.Text.RegularExpressions.Regex.Replace(whole, "<svg .*?</svg>", _ => $"<img src=\"{QrImages.DataUri(sheet.Badges[index++].QrUrl, 6)}\" alt=\"\" style=\"width:30mm;height:30mm;image-rendering:pixelated;display:block;margin:0 auto\" />");
            watch.Restart();
            var anchor = await renderer.RenderAsync(old);
            Console.WriteLine($"anchor, before (PNG QR, one print): {watch.Elapsed.TotalSeconds:F1} s, {anchor.Length / 1048576.0:F1} MiB, HTML {old.Length / 1048576.0:F1} MiB; " +
                              $"peak working set now {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB");
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    /// <summary>
    /// "badges-variants [count] [rounds]": the same sheet printed in parts as the app does, in variants of its HTML, taking turns
    /// round by round so that a shared machine's load falls on each alike: as the app prints it; every text in one weight
    /// (700, so Chromium loads and subsets one 1.1 MB face instead of two); the QR as a 1-pixel-a-module PNG drawn pixelated
    /// (an image instead of a path of a few hundred runs); both; and parts of twice the size.
    /// </summary>
    public static async Task VariantsAsync(int count, int rounds)
    {
        string data;
        using (var factory = BenchmarkApp.Create("badges-variants", out data))
        {
            _ = factory.Server;
            var services = factory.Services;
            var (eventId, ids) = await OnSiteAtScale.SeedAsync(services, count);
            var badgeService = services.GetRequiredService<BadgeService>();
            var pdf = services.GetRequiredService<DocumentPdf>();
            var html = services.GetRequiredService<DocumentHtml>();
            var renderer = services.GetRequiredService<PdfRenderer>();
            await OnSiteEndpoints.BadgePdfAsync(pdf, (await badgeService.OneAsync(BenchmarkApp.Admin, eventId, ids[0], BadgePaper.A4))!, CancellationToken.None); // browser start
            var sheet = (await badgeService.SheetAsync(BenchmarkApp.Admin, eventId, new BadgeFilter(), BadgePaper.A4))!;
            sheet = sheet with { Badges = sheet.Badges.Take(count).ToList() };

            const string OneWeight = "<style>.badge, .badge * { font-weight: 700 !important; }</style></head>";
            string Png(string part)
            {
                var urls = new Queue<string>();
                foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(part, "data-registration=\"(\\d+)\""))
                {
                    var id = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                    urls.Enqueue(sheet.Badges.First(b => b.RegistrationId == id).QrUrl);
                }
                return System.Text.RegularExpressions.Regex.Replace(part, "<svg .*?</svg>",
                    _ => $"<img src=\"{QrImages.DataUri(urls.Dequeue(), 1)}\" alt=\"\" style=\"width:30mm;height:30mm;image-rendering:pixelated;display:block;margin:0 auto\" />");
            }
            (string Name, Func<string, string> Change, int PerPrint)[] variants =
            [
                ("as the app prints (SVG QR, weights 400 and 700)", h => h, OnSiteEndpoints.BadgesPerPrint),
                ("one weight (700)", h => h.Replace("</head>", OneWeight, StringComparison.Ordinal), OnSiteEndpoints.BadgesPerPrint),
                ("QR as 1 px/module PNG, pixelated", Png, OnSiteEndpoints.BadgesPerPrint),
                ("one weight + PNG QR", h => Png(h).Replace("</head>", OneWeight, StringComparison.Ordinal), OnSiteEndpoints.BadgesPerPrint),
                ($"as the app, {OnSiteEndpoints.BadgesPerPrint * 2} badges a print", h => h, OnSiteEndpoints.BadgesPerPrint * 2),
            ];
            var times = variants.Select(_ => new List<double>()).ToArray();
            var sizes = new long[variants.Length];
            for (var round = 0; round < rounds; round++)
            {
                for (var v = 0; v < variants.Length; v++)
                {
                    var (_, change, perPrint) = variants[v];
                    var watch = Stopwatch.StartNew();
                    var parts = await Task.WhenAll(sheet.Badges.Chunk(perPrint).Select(async part =>
                    {
                        var text = await html.RenderAsync<BadgeDocument>(new Dictionary<string, object?> { [nameof(BadgeDocument.Sheet)] = sheet with { Badges = part } });
                        return await renderer.RenderAsync(change(text));
                    }));
                    var joined = PdfConcatenation.Join(parts);
                    times[v].Add(watch.Elapsed.TotalSeconds);
                    sizes[v] = joined.Length;
                }
            }
            Console.WriteLine($"{sheet.Badges.Count} badges on A4, {rounds} rounds taking turns, Pdf:PoolSize {services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PdfOptions>>().Value.PoolSize}:");
            for (var v = 0; v < variants.Length; v++)
            {
                var sorted = times[v].Order().ToList();
                Console.WriteLine($"  {variants[v].Name}: median {sorted[sorted.Count / 2]:F2} s (min {sorted[0]:F2}, max {sorted[^1]:F2}), {sizes[v] / 1048576.0:F2} MiB");
            }
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }
}
