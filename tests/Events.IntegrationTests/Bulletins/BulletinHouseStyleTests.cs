using Events.Core.Bulletins;
using Events.Infrastructure.Bulletins;
using Events.IntegrationTests.Pdf;
using Events.Web.Components.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using Xunit.Abstractions;

namespace Events.IntegrationTests.Bulletins;

/// <summary>House styles as printed: numbering templates, marks, Chinese dates, the GB/T 9704 grid and the footer block, read back from the PDF.</summary>
[Collection(PdfCollection.Name)]
public sealed class BulletinHouseStyleTests(PdfAppFixture fx, ITestOutputHelper output)
{
    private const double PtPerMm = 72 / 25.4;

    [Fact]
    public async Task Each_numbering_template_prints_its_lines_with_two_marks_and_a_Chinese_numeral_date()
    {
        (string Line1, string? Line2, string[] Expected)[] cases =
        [
            ("第{n}期", "（总第{total}期）", ["第3期", "（总第441期）"]),
            ("{yyyy}年第{n}期", null, ["2023年第3期"]),
            ("{yyyy}-{n}", "（总第{total}期）", ["2023-3", "（总第441期）"]),
        ];
        foreach (var (line1, line2, expected) in cases)
        {
            var style = BulletinHouseStyle.Classic();
            style.NumberLine1 = line1;
            style.NumberLine2 = line2;
            style.DateStyle = BulletinDateStyle.Chinese;
            style.Marks = [new() { Text = "内部资料", Position = MarkPosition.TopLeft }, new() { Text = "领导参阅", Position = MarkPosition.TopRight }];
            var series = await BulletinTestData.NewSeriesAsync(fx.App, counterYear: 2023, nextInYear: 3, nextCumulative: 441, style: style);
            var id = await BulletinTestData.NewIssueAsync(fx.App, series, "关于区域创新的几点思考", "## 总体情况\n\n正文。", new DateOnly(2023, 2, 15));
            Assert.Equal(BulletinPublishOutcome.Published, (await BulletinTestData.PublishAsync(fx.App, id)).Outcome);

            var pdf = (await fx.App.Get<BulletinDocuments>().PublishedPdfAsync(id))!.Content;

            PdfQuality.AssertSound(pdf);
            var lines = Lines(pdf, 1);
            output.WriteLine(string.Join(" | ", lines.Take(8)));
            Assert.Contains(lines, l => l.Contains("内部资料", StringComparison.Ordinal) && l.Contains("领导参阅", StringComparison.Ordinal));
            foreach (var printed in expected) Assert.Contains(lines, l => l == printed);
            Assert.Contains(lines, l => l.EndsWith("二〇二三年二月十五日", StringComparison.Ordinal));
            Assert.DoesNotContain("2023年2月15日", PdfQuality.CompactText(pdf), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_GB_T_9704_preset_keeps_its_margins_and_22_lines_a_page_and_puts_the_footer_block_at_the_foot()
    {
        var series = await BulletinTestData.NewSeriesAsync(fx.App, style: BulletinHouseStyle.GbT9704());
        var body = string.Join("\n\n", Enumerable.Range(1, 6).Select(s =>
            $"## 第{s}部分\n\n### 分项{s}\n\n" + string.Join("\n\n", Enumerable.Range(1, 3).Select(p => string.Concat(Enumerable.Repeat($"区域科技创新中心建设需要依托本地产业基础和人才优势第{s}{p}段", 4))))));
        var id = await BulletinTestData.NewIssueAsync(fx.App, series, "区域科技创新中心建设研究", body);

        var pdf = (await fx.App.Get<BulletinDocuments>().PdfAsync(id))!;

        PdfQuality.AssertSound(pdf);
        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages >= 3, $"{document.NumberOfPages} pages");
        // A full page of body text in the middle of the issue: 22 lines, starting 37 mm from the top and 28 mm from the left.
        var page = document.GetPage(2);
        var text = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value) && l.BoundingBox.Bottom > 35 * PtPerMm).ToList();
        var baselines = text.Select(l => Math.Round(l.StartBaseLine.Y)).Distinct().OrderDescending().ToList();
        output.WriteLine($"{baselines.Count} lines; left {text.Min(l => l.BoundingBox.Left) / PtPerMm:F1} mm; top {(page.Height - text.Max(l => l.BoundingBox.Top)) / PtPerMm:F1} mm");
        Assert.Equal(22, baselines.Count);
        Assert.InRange(text.Min(l => l.BoundingBox.Left) / PtPerMm, 27.5, 29);
        Assert.InRange((page.Height - text.Max(l => l.BoundingBox.Top)) / PtPerMm, 36.5, 40.5);
        Assert.InRange(text.Max(l => l.BoundingBox.Right) / PtPerMm, 180, 184.5);
        // Body in the serif, level 1 in the sans (黑体) and level 2 in the kai (楷体) face: all three embedded.
        var fonts = PdfQuality.Fonts(pdf).Select(f => f.Name).ToList();
        Assert.Contains(fonts, f => f.Contains("NotoSansSC", StringComparison.Ordinal));
        Assert.Contains(fonts, f => f.Contains("WenKai", StringComparison.OrdinalIgnoreCase));

        // The footer block: its label at the foot of the last page, in one line.
        var last = document.GetPage(document.NumberOfPages);
        var words = last.GetWords().ToList();
        var label = words.First(w => w.Text.Contains("编委会", StringComparison.Ordinal));
        var lastField = words.First(w => w.Text.Contains("200000", StringComparison.Ordinal));
        output.WriteLine($"footer from {label.BoundingBox.Bottom / PtPerMm:F1} to {lastField.BoundingBox.Bottom / PtPerMm:F1} mm above the bottom");
        Assert.InRange(lastField.BoundingBox.Bottom / PtPerMm, 35, 35 + 12);
        Assert.True(label.BoundingBox.Bottom > lastField.BoundingBox.Bottom);
        PdfQuality.AssertContainsText(pdf, $"《{await fx.App.Get<BulletinService>().SeriesNameAsync(series)}》编委会", "编委会主任：编委会主任甲");
    }

    [Fact]
    public async Task Bulletin_PDFs_carry_bookmarks_tags_and_the_document_language()
    {
        var series = await BulletinTestData.NewSeriesAsync(fx.App);
        var id = await BulletinTestData.NewIssueAsync(fx.App, series, "书签测试", "## 第一部分\n\n正文。\n\n## 第二部分\n\n正文。");

        var pdf = (await fx.App.Get<BulletinDocuments>().PdfAsync(id))!;

        var bookmarks = PdfQuality.Bookmarks(pdf).Select(b => PdfQuality.Compact(b.Title)).ToList();
        Assert.Contains("书签测试", bookmarks);
        Assert.Contains(bookmarks, b => b.EndsWith("第二部分", StringComparison.Ordinal));
        using var document = PdfDocument.Open(pdf);
        var catalog = document.Structure.Catalog.CatalogDictionary;
        Assert.True(catalog.ContainsKey(NameToken.Create("StructTreeRoot")), "not tagged");
        Assert.True(catalog.TryGet(NameToken.Create("Lang"), out var lang) && lang is StringToken { Data: "zh-CN" }, $"Lang: {lang}");
    }

    [Fact]
    public async Task A_new_series_publishes_a_back_dated_first_issue_in_its_own_year()
    {
        var series = await BulletinTestData.NewSeriesAsync(fx.App, counterYear: DateTime.UtcNow.Year);
        var id = await BulletinTestData.NewIssueAsync(fx.App, series, "补发的往期", "正文。", new DateOnly(2022, 12, 1));

        var result = await BulletinTestData.PublishAsync(fx.App, id);

        Assert.Equal(BulletinPublishOutcome.Published, result.Outcome);
        Assert.Equal(new IssueNumbers(2022, 1, 1), result.Numbers);
        var next = await BulletinTestData.NewIssueAsync(fx.App, series, "更早的一期", "正文。", new DateOnly(2021, 5, 1));
        Assert.Equal(BulletinPublishOutcome.Invalid, (await BulletinTestData.PublishAsync(fx.App, next)).Outcome);
    }

    /// <summary>The page's text lines, top to bottom, each with its words joined without spaces.</summary>
    private static List<string> Lines(byte[] pdf, int page)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPage(page).Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value))
            .GroupBy(l => Math.Round(l.StartBaseLine.Y / 2))
            .OrderByDescending(g => g.Key)
            .Select(g => string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value)))
            .ToList();
    }
}
