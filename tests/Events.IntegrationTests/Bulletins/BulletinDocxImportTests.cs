using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Events.Core.Common;
using Events.Infrastructure.Bulletins;
using Events.Infrastructure.Files;
using Events.IntegrationTests.Infrastructure;
using Events.IntegrationTests.Pdf;
using Events.Web.Components.Documents;

namespace Events.IntegrationTests.Bulletins;

/// <summary>A Word or WPS file read into an issue: headings by style and by Chinese numbering, bold and italic, tables with merged cells, clear refusals.</summary>
[Collection(PdfCollection.Name)]
public sealed class BulletinDocxImportTests(PdfAppFixture fx)
{
    [Fact]
    public async Task Headings_by_style_and_by_chinese_numbering_bold_italic_lists_and_merged_tables_are_kept()
    {
        var bytes = WpsLikeFile();

        var result = await fx.App.Get<BulletinDocxImporter>().ImportAsync(TestActors.Admin, new MemoryStream(bytes));

        Assert.Null(result.Error);
        var import = result.Import!;
        Assert.Equal("关于推进区域协同创新的报告", import.Title);
        Assert.Equal("写在论坛闭幕之际", import.Subtitle);
        Assert.Equal(["张三", "李四"], import.Authors);
        var body = import.Body;
        string[] order =
        [
            "## 总体要求", "本段有**重点词**和*斜体词*。", "### 主要目标", "#### 近期目标", "##### 第一阶段",
            "1\\. 本段以数字开头，但它是一个完整的句子，不是标题。", "## 保障措施", "- 列表第一项",
            "| 指标 | 2023 | 2024 |", "| --- | --- | --- |", "| 研发投入（合并） |  | 增长 |", "| 专利 | 12 | 15 |", "|  | 3 | 4 |",
        ];
        var at = 0;
        foreach (var part in order)
        {
            var found = body.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"“{part}” is missing or out of order in:\n{body}");
            at = found + part.Length;
        }
        Assert.Equal(5, import.Headings);
        Assert.Equal(1, import.Tables);
        Assert.Equal(2, import.MergedCells);
        Assert.Equal(1, import.Images);
        // The uploaded file was read from the store and is gone again.
        var folder = Path.Combine(fx.App.Get<FileStore>().Root, BulletinDocxImporter.Folder);
        Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder).Length == 0);

        // The Markdown prints as headings and a ruled table, with no number typed twice.
        var html = BulletinMarkdown.ToHtml(body);
        Assert.Contains("<h2>总体要求</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h5>第一阶段</h5>", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<p>1. 本段以数字开头", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Our_own_word_file_reads_back_with_its_headings_and_bold()
    {
        var series = await BulletinTestData.NewSeriesAsync(fx.App);
        var id = await BulletinTestData.NewIssueAsync(fx.App, series, "往返测试", "## 背景\n\n正文有**加粗**。\n\n### 细节\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |");
        var (docx, _) = (await fx.App.Get<BulletinDocuments>().DocxAsync(id))!.Value;

        var import = BulletinDocxImporter.Read(new MemoryStream(docx)).Import!;

        Assert.Contains("## 背景", import.Body, StringComparison.Ordinal);
        Assert.Contains("### 细节", import.Body, StringComparison.Ordinal);
        Assert.Contains("正文有**加粗**。", import.Body, StringComparison.Ordinal);
        Assert.Contains("| **甲** | **乙** |", import.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pdf_a_spreadsheet_a_broken_zip_an_empty_and_a_too_large_file_are_refused_with_their_reason()
    {
        var importer = fx.App.Get<BulletinDocxImporter>();

        Assert.Equal(BulletinImportError.NotDocx, (await importer.ImportAsync(TestActors.Admin, new MemoryStream("%PDF-1.7\n"u8.ToArray()))).Error);
        Assert.Equal(BulletinImportError.NotDocx, (await importer.ImportAsync(TestActors.Admin, new MemoryStream(Spreadsheet()))).Error);
        var broken = WpsLikeFile()[..600];
        Assert.Equal(BulletinImportError.Broken, (await importer.ImportAsync(TestActors.Admin, new MemoryStream(broken))).Error);
        Assert.Equal(BulletinImportError.Empty, (await importer.ImportAsync(TestActors.Admin, new MemoryStream())).Error);
        var large = new byte[BulletinDocxImporter.MaxBytes + 1];
        large[0] = (byte)'P';
        large[1] = (byte)'K';
        large[2] = 3;
        large[3] = 4;
        Assert.Equal(BulletinImportError.TooLarge, (await importer.ImportAsync(TestActors.Admin, new MemoryStream(large))).Error);
    }

    /// <summary>
    /// A file shaped as WPS writes one: numeric style ids whose names say "heading 1", a centred bold title, a byline,
    /// headings typed by hand as 一、 （一） 1. （1）, a table with a cell merged across and one merged down, a picture.
    /// </summary>
    private static byte[] WpsLikeFile()
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
                new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "1", Default = true },
                new Style(new StyleName { Val = "heading 1" }, new BasedOn { Val = "1" }) { Type = StyleValues.Paragraph, StyleId = "2" });
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(new Level(new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "•" }) { LevelIndex = 0 }) { AbstractNumberId = 1 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 7 });
            Paragraph P(params OpenXmlElement[] content) => new(content);
            Run R(string text, bool bold = false, bool italic = false)
            {
                var props = new RunProperties();
                if (bold) props.Append(new Bold());
                if (italic) props.Append(new Italic());
                return new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
            }
            var centred = () => new ParagraphProperties(new Justification { Val = JustificationValues.Center });
            TableCell Cell(string text, TableCellProperties? props = null) => new(props ?? new TableCellProperties(), P(R(text)));
            var body = new Body(
                P(),
                P(centred(), R("关于推进区域协同创新的报告", bold: true)),
                P(centred(), R("——写在论坛闭幕之际")),
                P(centred(), R("张三　李四")),
                P(R("一、总体要求")),
                P(R("本段有"), R("重点词", bold: true), R("和"), R("斜体词", italic: true), R("。")),
                P(R("（一）主要目标")),
                P(R("1.近期目标")),
                P(R("（1）第一阶段")),
                P(R("1. 本段以数字开头，但它是一个完整的句子，不是标题。")),
                P(new ParagraphProperties(new ParagraphStyleId { Val = "2" }), R("保障措施")),
                P(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 7 })), R("列表第一项")),
                P(R("图片："), new Run(new Drawing())),
                new Table(
                    new TableProperties(new TableWidth { Type = TableWidthUnitValues.Dxa, Width = "9000" }),
                    new TableGrid(new GridColumn { Width = "3000" }, new GridColumn { Width = "3000" }, new GridColumn { Width = "3000" }),
                    new TableRow(Cell("指标"), Cell("2023"), Cell("2024")),
                    new TableRow(Cell("研发投入（合并）", new TableCellProperties(new GridSpan { Val = 2 })), Cell("增长")),
                    new TableRow(Cell("专利", new TableCellProperties(new VerticalMerge { Val = MergedCellValues.Restart })), Cell("12"), Cell("15")),
                    new TableRow(Cell("", new TableCellProperties(new VerticalMerge())), Cell("3"), Cell("4"))));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static byte[] Spreadsheet()
    {
        using var stream = new MemoryStream();
        using (var sheet = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = sheet.AddWorkbookPart();
            book.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
        }
        return stream.ToArray();
    }
}
