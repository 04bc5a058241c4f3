using System.Globalization;
using Events.Core.Proceedings;
using Events.IntegrationTests.Pdf;

namespace Events.IntegrationTests.Proceedings;

[Collection(PdfCollection.Name)]
public sealed class AbstractsVolumeTests(PdfAppFixture fx)
{
    [Fact]
    public async Task A_book_of_abstracts_lays_out_each_abstract_from_its_own_page_with_contents_bookmarks_and_index_pointing_there()
    {
        var data = await VolumeTestData.CreateAsync(fx.App, ProceedingsKind.Abstracts);

        var build = await VolumeBuilds.BuildAsync(fx.App, data.EventId);
        var pdf = VolumeBuilds.Read(fx.App, build);

        PdfQuality.AssertSound(pdf);
        var pages = PdfQuality.PageTexts(pdf).Select(PdfQuality.Compact).ToList();
        var contents = FullPapersVolumeTests.ContentsText(pages.TakeWhile(p => !p.Contains("摘要", StringComparison.Ordinal) || p.Contains("目录", StringComparison.Ordinal)).ToList());
        var bookmarks = PdfQuality.Bookmarks(pdf);
        foreach (var paper in data.Accepted)
        {
            // The abstract's page: its title, then its authors, then the label and the abstract text, exactly.
            var abstractText = PdfQuality.Compact($"本文讨论{paper.Title}的若干问题，提出了分析框架并给出政策建议。");
            var start = pages.FindIndex(p => p.Contains(abstractText, StringComparison.Ordinal)) + 1;
            Assert.True(start > 0, $"the abstract of {paper.Title} is missing");
            Assert.Contains(PdfQuality.Compact(paper.Title), pages[start - 1], StringComparison.Ordinal);
            Assert.Contains(PdfQuality.Compact(paper.Title + string.Join("，", paper.Authors) + start.ToString(CultureInfo.InvariantCulture)), contents, StringComparison.Ordinal);
            Assert.Equal(start, bookmarks.Single(b => b.Title == paper.Title).Page);
        }
        Assert.Equal(data.Accepted.Count, build.PaperCount);
        Assert.Equal(data.Accepted.Count, bookmarks.Count(b => b.Level == 1));
        Assert.Contains("作者索引", bookmarks.Select(b => b.Title));
    }
}
