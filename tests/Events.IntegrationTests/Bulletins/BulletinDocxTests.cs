using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Events.Core.Access;
using Events.Core.Bulletins;
using Events.Core.Common;
using Events.Infrastructure.Bulletins;
using Events.IntegrationTests.Infrastructure;
using Events.IntegrationTests.Pdf;
using Events.Web.Components.Documents;

namespace Events.IntegrationTests.Bulletins;

/// <summary>The issue as a Word file: valid Open XML, the house style's East Asian faces, sizes, page and grid, every article's parts in order.</summary>
[Collection(PdfCollection.Name)]
public sealed class BulletinDocxTests(PdfAppFixture fx)
{
    [Fact]
    public async Task A_multi_article_gbt_9704_issue_is_valid_word_with_its_faces_page_grid_and_every_part_in_order()
    {
        var style = BulletinHouseStyle.GbT9704();
        style.Marks = [new() { Text = "内部资料", Position = MarkPosition.TopLeft }, new() { Text = "领导参阅", Position = MarkPosition.TopRight }];
        var series = await BulletinTestData.NewSeriesAsync(fx.App, style: style);
        var id = await BulletinTestData.NewIssueAsync(fx.App, series, "首篇：区域创新的新格局",
            "## 背景\n\n首篇正文，**重点词**与*强调*。\n\n### 分项\n\n#### 细目\n\n##### 子目\n\n## 举措\n\n- 第一条\n- 第二条");
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

        var (bytes, name) = (await fx.App.Get<BulletinDocuments>().DocxAsync(id))!.Value;

        Assert.EndsWith(".docx", name, StringComparison.Ordinal);
        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var paragraphs = word.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0).ToList();
        string[] order =
        [
            "内部资料", "领导参阅", "草稿", "测试编印单位", "测试专报之一",
            "理论前沿", "浦江论坛专题", "首篇：区域创新的新格局", "——写在论坛闭幕之际", "导语：首篇导语文字。",
            "一、背景", "首篇正文，重点词与强调。", "（一）分项", "1.细目", "（1）子目", "二、举措", "• 第一条", "• 第二条",
            "作者介绍：作者甲，某研究院研究员",
            "观点", "专家视角", "第二篇：人才与产业", "——副题二", "作者乙、作者丙", "导语：第二篇导语。", "第二篇正文。", "创新是第一动力。", "资料来源", "某统计年鉴。", "作者介绍：作者乙为某大学教授",
            "第三篇：开放合作", "作者丁", "第三篇正文。", "作者介绍：作者丁为某研究院研究员",
            "整理：整理人甲、整理人乙", "报送：有关部门",
        ];
        var at = 0;
        foreach (var part in order)
        {
            var found = paragraphs.FindIndex(at, p => p.Contains(part, StringComparison.Ordinal));
            Assert.True(found >= 0, $"“{part}” is missing or out of order in: {string.Join(" | ", paragraphs)}");
            at = found;
        }
        Assert.Contains(paragraphs, p => p == "内部资料领导参阅　草稿");
        Assert.Contains(paragraphs, p => p.StartsWith("测试编印单位二〇二五年", StringComparison.Ordinal) && p.EndsWith('日') && p.Contains('〇', StringComparison.Ordinal));
        var footer = word.MainDocumentPart.Document.Body.Elements<Table>().Last();
        Assert.Contains("编委会", footer.InnerText, StringComparison.Ordinal);
        Assert.Contains("编委会主任：编委会主任甲", footer.InnerText, StringComparison.Ordinal);
        Assert.NotNull(footer.GetFirstChild<TableProperties>()!.GetFirstChild<TablePositionProperties>());

        // Bold and italic runs survive.
        var runs = word.MainDocumentPart.Document.Body.Descendants<Run>().ToList();
        Assert.Contains(runs, r => r.InnerText == "重点词" && r.RunProperties?.Bold is not null);
        Assert.Contains(runs, r => r.InnerText == "强调" && r.RunProperties?.Italic is not null);

        // The house style: 仿宋 三号 body, 黑体 and 楷体 levels, 小标宋 title, as East Asian fonts with sizes in half-points.
        var styles = word.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        Assert.Equal("仿宋", Fonts(styles["Normal"]).EastAsia?.Value);
        Assert.Equal("32", styles["Normal"].StyleRunProperties!.FontSize!.Val?.Value);
        Assert.Equal("黑体", Fonts(styles["Heading1"]).EastAsia?.Value);
        Assert.Equal("楷体", Fonts(styles["Heading2"]).EastAsia?.Value);
        Assert.Equal("仿宋", Fonts(styles["Heading3"]).EastAsia?.Value);
        Assert.Equal("方正小标宋简体", Fonts(styles["Title"]).EastAsia?.Value);
        Assert.Equal("44", styles["Title"].StyleRunProperties!.FontSize!.Val?.Value);
        Assert.Equal(0, styles["Heading1"].StyleParagraphProperties!.OutlineLevel!.Val?.Value);
        Assert.Equal("heading 4", styles["Heading4"].StyleName!.Val?.Value);

        // GB/T 9704's page: 37 mm top, 28 mm left, and Word's document grid of 22 lines.
        var section = word.MainDocumentPart.Document.Body.Elements<SectionProperties>().Single();
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.Equal(2098, margin.Top!.Value);
        Assert.Equal(1587u, margin.Left!.Value);
        var grid = section.GetFirstChild<DocGrid>()!;
        Assert.Equal(DocGridValues.LinesAndChars, grid.Type!.Value);
        Assert.Equal((int)Math.Round(style.LinePitchPt * 20), grid.LinePitch!.Value);
        var areaHeightTwips = (297 - 37 - 35) / 25.4 * 1440;
        Assert.Equal(22, (int)(areaHeightTwips / grid.LinePitch.Value));

        // The sidebar is a bordered table whose tblW, gridCol and tcW agree (WPS reads one, Word another).
        var sidebar = word.MainDocumentPart.Document.Body.Elements<Table>().Single(t => t.InnerText.Contains("资料来源", StringComparison.Ordinal));
        var width = sidebar.GetFirstChild<TableProperties>()!.GetFirstChild<TableWidth>()!;
        Assert.Equal(TableWidthUnitValues.Dxa, width.Type!.Value);
        Assert.Equal(width.Width!.Value, sidebar.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Single().Width!.Value);
        Assert.Equal(width.Width.Value, sidebar.Descendants<TableCellWidth>().Single().Width!.Value);
        Assert.Equal((int)Math.Round((210 - 28 - 26) / 25.4 * 1440), int.Parse(width.Width.Value!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(sidebar.GetFirstChild<TableProperties>()!.GetFirstChild<TableBorders>()!.GetFirstChild<LeftBorder>());
    }

    private static RunFonts Fonts(Style style) => style.StyleRunProperties!.GetFirstChild<RunFonts>()!;

    [Fact]
    public async Task The_public_docx_is_for_published_issues_only_and_the_preview_for_the_issues_editors()
    {
        var id = await BulletinTestData.SeededIssueIdAsync(fx.App);
        var series = await BulletinTestData.NewSeriesAsync(fx.App);
        var draft = await BulletinTestData.NewIssueAsync(fx.App, series, "不公开的草稿", "正文");
        var client = fx.App.CreateRawClient();

        using var published = await client.GetAsync($"/bulletins/{id}.docx");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(BulletinDocx.ContentType, published.Content.Headers.ContentType?.MediaType);
        Assert.Contains("2024-13", published.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        using (var word = WordprocessingDocument.Open(new MemoryStream(await published.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(word));
            Assert.Contains("以区域科创中心建设带动区域协同创新", word.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/bulletins/{draft}.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/bulletins/987654.docx")).StatusCode);

        var staff = await TestUsers.CreateAsync(fx.App, $"docx-staff-{Guid.NewGuid():N}@test.local", [Roles.Attendee], "pujiang-forum-2024");
        var stranger = await TestUsers.CreateAsync(fx.App, $"docx-other-{Guid.NewGuid():N}@test.local", [Roles.Attendee], "regional-innovation-symposium-7");
        using var allowed = await client.SendAsync(staff.Get($"/manage/bulletins/issues/{id}/preview.docx"));
        using var denied = await client.SendAsync(stranger.Get($"/manage/bulletins/issues/{id}/preview.docx"));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }
}
