using System.Diagnostics;
using Events.Infrastructure.Bulletins;
using Events.IntegrationTests.Pdf;
using Events.Web.Components.Documents;
using Xunit.Abstractions;

namespace Events.IntegrationTests.Bulletins;

/// <summary>The quality checks on bulletin PDFs: sound structure, embedded TrueType subsets, exact text, size, and hostile content kept as text.</summary>
[Collection(PdfCollection.Name)]
public sealed class BulletinPdfTests(PdfAppFixture fx, ITestOutputHelper output)
{
    [Fact]
    public async Task A_four_page_bulletin_is_sound_reads_back_exactly_and_stays_under_400_KB()
    {
        var series = await BulletinTestData.NewSeriesAsync(fx.App);
        var id = await BulletinTestData.NewIssueAsync(fx.App, series, "区域科技创新中心建设研究综述", BulletinTestData.LongBody(sections: 4, paragraphs: 4));

        var watch = Stopwatch.StartNew();
        var pdf = await fx.App.Get<BulletinDocuments>().PdfAsync(id);
        output.WriteLine($"render {watch.ElapsedMilliseconds} ms, {pdf!.Length / 1024} KB, {PdfQuality.PageCount(pdf)} pages");

        PdfQuality.AssertSound(pdf);
        Assert.Equal(4, PdfQuality.PageCount(pdf));
        Assert.True(pdf.Length < 400 * 1024, $"{pdf.Length / 1024} KB");
        PdfQuality.AssertContainsText(pdf,
            "区域科技创新中心建设研究综述", "编者按：编者按测试文字。", "测试专报之一", "一、第1部分：区域科技创新中心的建设路径", "四、第4部分",
            "刘冬梅认为，区域科技创新中心应当依托本地产业基础", "整理：整理人甲、整理人乙", "责任编辑：责任编辑丁", "报送：有关部门", "抄送：有关单位",
            "编委会主任：编委会主任甲", "副主任：副主任乙、副主任丙", "主编：主编丁", "电话：021-00000000", "邮编：200000", "作者甲，某研究院研究员");
        // Page numbers at the foot of every page.
        var pages = PdfQuality.PageTexts(pdf);
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"— {i + 1} —", pages[i], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seeded_issue_prints_like_the_source_bulletin()
    {
        var id = await BulletinTestData.SeededIssueIdAsync(fx.App);

        var pdf = await fx.App.Get<BulletinDocuments>().PdfAsync(id);

        PdfQuality.AssertSound(pdf!);
        PdfQuality.AssertContainsText(pdf!, "浦江创新观察", "2024-13", "（总第13期）", "上海浦江创新论坛中心", "2024年9月9日",
            "2024浦江创新论坛专报之六", "刘冬梅（中国科学技术发展战略研究院党委书记）", "Gary Hack（宾夕法尼亚大学设计学院原院长、教授）",
            "Alexandre Villain", "谢永强", "整理：蒋娇燕、兰海峰", "编辑：殷梦宇", "责任编辑：王冰", "电话：021-53300806", "邮编：200031");
        Assert.DoesNotContain("草稿", PdfQuality.CompactText(pdf!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_content_prints_as_text_and_long_strings_wrap_inside_the_page()
    {
        var series = await BulletinTestData.NewSeriesAsync(fx.App);
        var longWord = string.Concat(Enumerable.Repeat("A1b2C3d4E5", 500));
        var body = $"""
            ## 标题<script>alert(1)</script>

            正文<script>alert('x')</script>结束。

            图片<img src=x onerror=alert(1)>之后。

            [点我](javascript:alert(1)) 和 ![图](http://127.0.0.1:9/x.png)

            {longWord}
            """;
        var id = await BulletinTestData.NewIssueAsync(fx.App, series, "标题<b onmouseover=alert(1)>粗</b>", body);
        var documents = fx.App.Get<BulletinDocuments>();

        var html = (await documents.HtmlAsync(id))!;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b onmouseover", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);

        var pdf = (await documents.PdfAsync(id))!;
        PdfQuality.AssertSound(pdf);
        PdfQuality.AssertContainsText(pdf, "正文<script>alert('x')</script>结束。", "图片<img src=x onerror=alert(1)>之后。", "标题<b onmouseover=alert(1)>粗</b>", "点我", longWord);
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            Assert.All(page.Letters, l => Assert.True(l.BoundingBox.Right <= page.Width && l.BoundingBox.Left >= 0, $"'{l.Value}' at {l.BoundingBox.Right} is off the page on page {page.Number}"));
        }
    }
}
