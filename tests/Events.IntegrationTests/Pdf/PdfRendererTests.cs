using Events.Infrastructure.Pdf;

namespace Events.IntegrationTests.Pdf;

[Collection(PdfCollection.Name)]
public sealed class PdfRendererTests(PdfAppFixture fx)
{
    private const string Regular = "区域科技创新中心建设与长三角协同发展研讨";
    private const string Bold = "穆荣平理事长";

    private static string Html(string body) => $$"""
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>测试</title>
        <link rel="stylesheet" href="fonts/noto-serif-sc/fonts.css">
        <link rel="stylesheet" href="documents/print.css">
        <style>@page { margin: 20mm; @bottom-center { content: counter(page); font-family: 'Events Serif'; } }</style>
        </head><body>{{body}}</body></html>
        """;

    [Fact]
    public async Task Chinese_text_prints_with_embedded_TrueType_subsets_and_reads_back_exactly()
    {
        var pdf = await fx.Renderer.RenderAsync(Html($"<p>{Regular}</p><p><b>{Bold}</b>、Gary Hack、Alexandre Villain，2024-13（总第13期）。</p>"));

        PdfQuality.AssertSound(pdf);
        PdfQuality.AssertContainsText(pdf, Regular, Bold, "Gary Hack", "2024-13（总第13期）");
        var fonts = PdfQuality.Fonts(pdf);
        Assert.All(fonts, f => Assert.Equal("CIDFontType2", f.DescendantSubtype));
        // Bold comes from the real bold face, not from a synthesized stroke over the regular one.
        Assert.Contains(fonts, f => f.Name.Contains("Bold", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Characters_outside_the_common_set_use_the_shipped_extension_faces()
    {
        // 禤 (a surname) and 龘 are not among the 7,300 characters of the main face.
        var pdf = await fx.Renderer.RenderAsync(Html("<p>禤先生、龘字与王堃</p>"));

        PdfQuality.AssertSound(pdf);
        PdfQuality.AssertContainsText(pdf, "禤先生、龘字与王堃");
        Assert.True(PdfQuality.Fonts(pdf).Count >= 2, "the rare characters should come from an extension face");
    }

    [Fact]
    public async Task Concurrent_renders_share_the_browser_and_each_get_their_own_document()
    {
        var texts = Enumerable.Range(1, 5).Select(i => $"第{i}号文件：并发打印").ToList();

        var pdfs = await Task.WhenAll(texts.Select(t => fx.Renderer.RenderAsync(Html($"<p>{t}</p>"))));

        for (var i = 0; i < texts.Count; i++)
        {
            var text = PdfQuality.CompactText(pdfs[i]);
            Assert.Contains(PdfQuality.Compact(texts[i]), text, StringComparison.Ordinal);
            Assert.Single(texts, t => text.Contains(PdfQuality.Compact(t), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Outline_turns_headings_into_bookmarks_on_their_pages()
    {
        var pdf = await fx.Renderer.RenderAsync(
            Html("<h1>第一部分</h1><p>正文</p><h2 style=\"break-before: page\">第二部分</h2><p>正文</p>"),
            new PdfRenderOptions { Outline = true });

        PdfQuality.AssertSound(pdf);
        var marks = PdfQuality.Bookmarks(pdf);
        Assert.Contains(marks, b => b.Title == "第一部分" && b.Page == 1);
        Assert.Contains(marks, b => b.Title == "第二部分" && b.Page == 2);
    }

    [Fact]
    public async Task A_document_that_asks_for_the_network_still_prints_without_it()
    {
        // Neither address is reachable from the printing browser (a dead proxy, no loopback exception); the text still prints.
        var pdf = await fx.Renderer.RenderAsync(Html("<img src=\"http://example.org/x.png\" alt=\"\"><img src=\"http://127.0.0.1:9/y.png\" alt=\"\"><p>仍然打印</p>"));

        PdfQuality.AssertSound(pdf);
        PdfQuality.AssertContainsText(pdf, "仍然打印");
    }

    [Fact]
    public void The_asset_base_goes_first_in_the_head_so_it_wins_over_the_documents_own()
    {
        var html = fx.Renderer.WithAssetBase("<!DOCTYPE html><html><HEAD lang=x><base href=\"/\"></head><body></body></html>");

        Assert.Matches("<HEAD lang=x><base href=\"file:///[^\"]+/wwwroot/\"><base href=\"/\">", html);
    }

    [Fact]
    public void A_missing_configured_browser_says_how_to_install_one()
    {
        var ex = Assert.Throws<ChromiumNotFoundException>(() => ChromiumLocator.Find("/nonexistent/chromium"));
        Assert.Contains("apt-get install chromium", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_browser_anywhere_says_how_to_install_one()
    {
        var nowhere = new BrowserSearch(System.Runtime.InteropServices.OSPlatform.Linux, _ => null, "/nonexistent");
        var ex = Assert.Throws<ChromiumNotFoundException>(() => ChromiumLocator.Find(null, nowhere));
        Assert.Contains("apt-get install chromium", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Pdf:BrowserPath", ex.Message, StringComparison.Ordinal);
    }
}
