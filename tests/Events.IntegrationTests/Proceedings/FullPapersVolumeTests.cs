using System.Globalization;
using Events.Core.Proceedings;
using Events.IntegrationTests.Pdf;
using UglyToad.PdfPig;

namespace Events.IntegrationTests.Proceedings;

/// <summary>Real volumes built by the app's worker from generated camera-ready PDFs with Chinese titles and authors.</summary>
[Collection(PdfCollection.Name)]
public sealed class FullPapersVolumeTests(PdfAppFixture fx)
{
    private const string VolumeTitle = "区域创新研究论文集";

    [Fact]
    public async Task A_built_volume_passes_the_quality_checks_and_its_contents_page_numbers_are_the_real_start_pages()
    {
        var data = await VolumeTestData.CreateAsync(fx.App);

        var build = await VolumeBuilds.BuildAsync(fx.App, data.EventId);
        var pdf = VolumeBuilds.Read(fx.App, build);

        PdfQuality.AssertSound(pdf);
        var pages = PdfQuality.PageTexts(pdf).Select(PdfQuality.Compact).ToList();
        Assert.Equal(build.PageCount, pages.Count);
        Assert.Equal(data.Accepted.Count, build.PaperCount);
        var contents = ContentsText(pages);
        foreach (var paper in data.Accepted)
        {
            var start = StartPage(pages, paper);
            // Each entry prints title, authors and page in that order; the number must be the page the paper really starts on.
            var entry = PdfQuality.Compact(paper.Title + string.Join("，", paper.Authors) + start.ToString(CultureInfo.InvariantCulture));
            Assert.Contains(entry, contents, StringComparison.Ordinal);
            for (var p = 0; p < paper.Pages; p++)
            {
                var text = pages[start - 1 + p];
                Assert.Contains(PaperPdfs.Marker(paper.Number, p + 1), text, StringComparison.Ordinal);
                // The running header: volume title and paper title, exactly, and the page number.
                Assert.Contains(PdfQuality.Compact(VolumeTitle), text, StringComparison.Ordinal);
                Assert.Contains(PdfQuality.Compact(paper.Title), text, StringComparison.Ordinal);
                Assert.Contains((start + p).ToString(CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
            }
        }
        Assert.DoesNotContain(data.RejectedTitle, string.Concat(pages), StringComparison.Ordinal);
        Assert.DoesNotContain("已撤回的论文", string.Concat(pages), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bookmarks_hold_one_entry_per_paper_under_its_topic_with_front_matter_and_index()
    {
        var data = await VolumeTestData.CreateAsync(fx.App);

        var pdf = VolumeBuilds.Read(fx.App, await VolumeBuilds.BuildAsync(fx.App, data.EventId));

        var pages = PdfQuality.PageTexts(pdf).Select(PdfQuality.Compact).ToList();
        var bookmarks = PdfQuality.Bookmarks(pdf);
        var expected = new List<(string, int)> { ("封面", 0), ("前言", 0), ("目录", 0) };
        foreach (var topic in new[] { "区域创新", "数字经济" })
        {
            expected.Add((topic, 0));
            expected.AddRange(data.Accepted.Where(p => p.Topic == topic).OrderBy(p => p.Number).Select(p => (p.Title, 1)));
        }
        expected.Add(("作者索引", 0));
        Assert.Equal(expected, bookmarks.Select(b => (b.Title, b.Level)).ToList());
        foreach (var paper in data.Accepted)
        {
            Assert.Equal(StartPage(pages, paper), bookmarks.Single(b => b.Title == paper.Title).Page);
        }
        Assert.Equal(1, bookmarks.Single(b => b.Title == "封面").Page);
        Assert.Contains("作者索引", pages[bookmarks.Single(b => b.Title == "作者索引").Page!.Value - 1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_author_index_lists_authors_in_pinyin_order_with_the_start_pages_of_their_papers()
    {
        var data = await VolumeTestData.CreateAsync(fx.App);

        var pdf = VolumeBuilds.Read(fx.App, await VolumeBuilds.BuildAsync(fx.App, data.EventId));

        var pages = PdfQuality.PageTexts(pdf).Select(PdfQuality.Compact).ToList();
        var index = string.Concat(pages.SkipWhile(p => !p.StartsWith("作者索引", StringComparison.Ordinal) && !p.Contains("作者索引陈静", StringComparison.Ordinal)));
        var shared = data.Accepted.Where(p => p.Authors.Contains(VolumeTestData.SharedAuthor)).Select(p => StartPage(pages, p)).Order();
        Assert.Contains($"{VolumeTestData.SharedAuthor}复旦大学{string.Join(",", shared)}", index, StringComparison.Ordinal);
        var zhang = data.Accepted.Single(p => p.Authors.Contains("张伟"));
        Assert.Contains($"张伟上海社会科学院{StartPage(pages, zhang)}", index, StringComparison.Ordinal);
        string[] pinyinOrder = ["陈静", "李华", "欧阳修远", "王小明", "张伟", "赵敏"];
        var positions = pinyinOrder.Select(n => index.IndexOf(n, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public async Task The_volume_carries_its_document_properties()
    {
        var data = await VolumeTestData.CreateAsync(fx.App);

        var pdf = VolumeBuilds.Read(fx.App, await VolumeBuilds.BuildAsync(fx.App, data.EventId));

        using var doc = PdfDocument.Open(pdf);
        Assert.Equal("区域创新研究论文集：第八届区域创新研讨会", doc.Information.Title);
        Assert.Equal("周立群；吴晓华", doc.Information.Author);
        Assert.Equal("Events", doc.Information.Creator);
        Assert.Equal("第八届区域创新研讨会", doc.Information.Subject);
        Assert.Equal("区域创新；数字经济", doc.Information.Keywords);
    }

    /// <summary>The 1-based page where a paper starts, found by the marker its first page carries.</summary>
    internal static int StartPage(IReadOnlyList<string> pages, TestPaper paper)
    {
        var marker = PaperPdfs.Marker(paper.Number, 1);
        var index = pages.ToList().FindIndex(p => p.Contains(marker, StringComparison.Ordinal));
        Assert.True(index >= 0, $"paper {paper.Number} is not in the volume");
        return index + 1;
    }

    // The dot leaders (……) are printed text, so a reader extracts them: entries are compared without them.
    internal static string ContentsText(IReadOnlyList<string> pages) =>
        string.Concat(pages.SkipWhile(p => !p.Contains("目录", StringComparison.Ordinal)).TakeWhile(p => !p.Contains("PAPER", StringComparison.Ordinal)))
            .Replace("…", "", StringComparison.Ordinal);
}
