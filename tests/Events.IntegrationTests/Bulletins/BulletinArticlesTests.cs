using Events.Core.Bulletins;
using Events.Core.Common;
using Events.Infrastructure.Bulletins;
using Events.IntegrationTests.Infrastructure;
using Events.IntegrationTests.Pdf;
using Events.Web.Components.Documents;

namespace Events.IntegrationTests.Bulletins;

/// <summary>Issues with several articles: each article's parts print in order; pull quotes and sidebars stay Markdown without HTML.</summary>
[Collection(PdfCollection.Name)]
public sealed class BulletinArticlesTests(PdfAppFixture fx)
{
    [Fact]
    public async Task Every_articles_title_byline_and_note_print_in_order_inline_or_listed()
    {
        var series = await BulletinTestData.NewSeriesAsync(fx.App);
        var id = await BulletinTestData.NewIssueAsync(fx.App, series, "首篇：区域创新的新格局", "## 背景\n\n首篇正文。");
        var service = fx.App.Get<BulletinService>();
        var input = (await service.LoadAsync(id))!.Input;
        input.Column = "理论前沿";
        input.Kicker = "浦江论坛专题";
        input.Subtitle = "写在论坛闭幕之际";
        input.Standfirst = "首篇导语文字。";
        input.AuthorNotes = AuthorNotePlacement.Inline;
        input.Articles =
        [
            new() { Column = "观点", Kicker = "专家视角", Title = "第二篇：人才与产业", Subtitle = "副题二", Byline = "作者乙、作者丙", AuthorNote = "作者乙为某大学教授", Standfirst = "第二篇导语。", Body = "第二篇正文。\n\n::: pullquote\n创新是第一动力。\n:::\n\n::: sidebar 资料来源\n某统计年鉴。\n:::" },
            new() { Title = "第三篇：开放合作", Byline = "作者丁", AuthorNote = "作者丁为某研究院研究员", Body = "第三篇正文。" },
        ];
        Assert.Equal(SaveOutcome.Saved, (await service.SaveAsync(TestActors.Admin, input)).Outcome);
        var documents = fx.App.Get<BulletinDocuments>();

        var html = (await documents.HtmlAsync(id))!;
        Assert.Contains("<div class=\"pullquote\">", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"sidebar\">", html, StringComparison.Ordinal);
        var pdf = (await documents.PdfAsync(id))!;

        PdfQuality.AssertSound(pdf);
        var text = PdfQuality.CompactText(pdf);
        string[] order =
        [
            "理论前沿", "浦江论坛专题", "首篇：区域创新的新格局", "——写在论坛闭幕之际", "作者甲", "导语：首篇导语文字。", "首篇正文。", "作者介绍：作者甲，某研究院研究员",
            "观点", "专家视角", "第二篇：人才与产业", "——副题二", "作者乙、作者丙", "导语：第二篇导语。", "第二篇正文。", "创新是第一动力。", "资料来源", "某统计年鉴。", "作者介绍：作者乙为某大学教授",
            "第三篇：开放合作", "作者丁", "第三篇正文。", "作者介绍：作者丁为某研究院研究员",
        ];
        var at = 0;
        foreach (var part in order)
        {
            var found = text.IndexOf(PdfQuality.Compact(part), at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"“{part}” is missing or out of order");
            at = found + 1;
        }
        var bookmarks = PdfQuality.Bookmarks(pdf).Select(b => PdfQuality.Compact(b.Title)).ToList();
        Assert.Contains("第二篇：人才与产业", bookmarks);

        // Listed instead: the notes follow the last article, in article order.
        input = (await service.LoadAsync(id))!.Input;
        input.AuthorNotes = AuthorNotePlacement.List;
        Assert.Equal(SaveOutcome.Saved, (await service.SaveAsync(TestActors.Admin, input)).Outcome);
        text = PdfQuality.CompactText((await documents.PdfAsync(id))!);
        Assert.DoesNotContain("作者介绍：", text, StringComparison.Ordinal);
        var last = text.IndexOf("第三篇正文。", StringComparison.Ordinal);
        var first = text.IndexOf("作者甲，某研究院研究员", last, StringComparison.Ordinal);
        Assert.True(first > last && text.IndexOf("作者丁，作者丁为某研究院研究员", first, StringComparison.Ordinal) > first);
    }

    [Fact]
    public async Task An_article_without_a_title_is_refused_and_nothing_is_saved()
    {
        var series = await BulletinTestData.NewSeriesAsync(fx.App);
        var id = await BulletinTestData.NewIssueAsync(fx.App, series, "标题", "正文。");
        var service = fx.App.Get<BulletinService>();
        var input = (await service.LoadAsync(id))!.Input;
        input.Articles = [new() { Title = " ", Body = "正文" }];

        var result = await service.SaveAsync(TestActors.Admin, input);

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Violations, v => v.Field == "Articles[0].Title");
        Assert.Empty((await service.LoadAsync(id))!.Input.Articles);
    }
}
