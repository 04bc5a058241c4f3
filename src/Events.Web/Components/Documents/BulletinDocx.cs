using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Events.Core.Bulletins;
using Events.Infrastructure.Bulletins;
using Events.Web.Localization;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.Extensions.Localization;

namespace Events.Web.Components.Documents;

/// <summary>
/// A bulletin issue as a Word file (.docx) in its series' house style, for offices that edit and circulate Word or WPS
/// files: page and type area, line grid, masthead, numbering lines, marks, every article with its kicker, title,
/// subtitle, byline and standfirst, the four heading levels as Word's heading styles (so the navigation pane and WPS's
/// outline see them), pull quotes, sidebars and the footer block. Text is East Asian text: each style names its face
/// for w:eastAsia with the names Chinese offices use (宋体, 仿宋, 黑体, 楷体, 方正小标宋简体) and its size in half-points.
/// The body comes from the Markdown, read by the same dialect as the PDF (<see cref="BulletinMarkdown.Parse"/>).
/// </summary>
public sealed class BulletinDocx(IStringLocalizer<SharedResource> localizer)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The East Asian font name a face role is set in, as Chinese Word and WPS installations name it.</summary>
    public static string FontName(BulletinFace face) => face switch
    {
        BulletinFace.FangSong => "仿宋",
        BulletinFace.Hei => "黑体",
        BulletinFace.Kai => "楷体",
        BulletinFace.XiaoBiaoSong => "方正小标宋简体",
        _ => "宋体",
    };

    /// <summary>The Latin face beside it: Times New Roman with the serif faces, Arial with 黑体.</summary>
    private static string LatinName(BulletinFace face) => face == BulletinFace.Hei ? "Arial" : "Times New Roman";

    public byte[] Write(BulletinView view)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = DocumentHtml.DocumentCulture;
        try
        {
            using var stream = new MemoryStream();
            using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
            {
                new Writer(view, key => localizer[key].Value).Build(document);
            }
            return stream.ToArray();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>浦江创新观察-2024-13.docx, named as the PDF is.</summary>
    public static string FileName(BulletinView view) => Path.ChangeExtension(BulletinDocuments.FileName(view), ".docx");

    private sealed class Writer(BulletinView view, Func<string, string> text)
    {
        private readonly BulletinHouseStyle style = view.Style;
        private readonly Body body = new();
        private readonly int[] counters = new int[4];

        private string Color => System.Text.RegularExpressions.Regex.IsMatch(view.MastheadColor ?? "", "^#[0-9A-Fa-f]{6}$")
            ? view.MastheadColor![1..].ToUpperInvariant() : BulletinSeries.DefaultMastheadColor.TrimStart('#').ToUpperInvariant();

        /// <summary>The type area's width in twentieths of a point.</summary>
        private int AreaTwips => MmToTwips(BulletinHouseStyle.A4WidthMm - style.MarginLeftMm - style.MarginRightMm);

        public void Build(WordprocessingDocument document)
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(body);
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = Styles();
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = PageNumberFooter();
            document.PackageProperties.Title = string.IsNullOrEmpty(view.NumbersText) ? $"{view.SeriesName} {view.Title}" : $"{view.SeriesName} {view.NumbersText} {view.Title}";
            document.PackageProperties.Language = "zh-CN";

            Masthead();
            if (view.CorrectsNumbers is not null) Plain(string.Format(CultureInfo.CurrentCulture, text("BulletinDoc.Corrects"), view.CorrectsNumbers), "Correction");
            if (view.EditorsNote is not null) Labelled("EditorsNote", text("BulletinDoc.EditorsNote"), view.EditorsNote);
            if (view.RunLabel is not null) Plain(view.RunLabel, "RunLabel");

            var leadByline = view.Authors.Count == 0 ? null : string.Join("、", view.Authors.Select(a => a.Name));
            var leadNote = view.Authors.Count == 0 ? null
                : string.Join("；", view.Authors.Select(a => a.Note is null ? a.Name : a.Name + text("BulletinDoc.AuthorSeparator") + a.Note));
            var inline = view.AuthorNotes == AuthorNotePlacement.Inline;
            Article(false, view.Column, view.Kicker, view.Title, view.Subtitle, view.Articles.Count > 0 ? leadByline : null, view.Standfirst, view.BodyMarkdown, inline ? leadNote : null);
            foreach (var a in view.Articles)
            {
                Article(true, a.Column, a.Kicker, a.Title, a.Subtitle, a.Byline, a.Standfirst, a.BodyMarkdown, inline ? a.AuthorNote : null);
            }

            if (!inline)
            {
                var listed = view.Authors.Select(a => (a.Name, a.Note))
                    .Concat(view.Articles.Where(a => a.Byline is not null || a.AuthorNote is not null).Select(a => (Name: a.Byline ?? "", Note: a.AuthorNote))).ToList();
                foreach (var (name, note) in listed)
                {
                    var p = Para("AuthorList");
                    p.Append(TextRun(name, bold: true));
                    if (note is not null) p.Append(TextRun(text("BulletinDoc.AuthorSeparator") + note));
                    body.Append(p);
                }
            }
            LabelledLine("CompiledBy", view.Credits.CompiledBy);
            LabelledLine("Editor", view.Credits.Editor);
            LabelledLine("ManagingEditor", view.Credits.ManagingEditor);
            LabelledLine("SentTo", view.SentTo);
            LabelledLine("CopiedTo", view.CopiedTo);
            FooterBlock();
            body.Append(Section(main.GetIdOfPart(footer)));
        }

        // ---- The masthead: marks, series name, numbers, publisher and date over the rule.

        private void Masthead()
        {
            var left = style.Marks.Where(m => m.Position == MarkPosition.TopLeft).Select(m => m.Text).ToList();
            var right = style.Marks.Where(m => m.Position == MarkPosition.TopRight).Select(m => m.Text).ToList();
            if (view.NumbersProvisional) right.Add(text("BulletinDoc.Draft"));
            if (left.Count + right.Count > 0) body.Append(TwoEnds("Marks", string.Join("　", left), string.Join("　", right)));

            body.Append(Plain(view.SeriesName, "Masthead", append: false));
            if (view.NumberLines.Count > 0)
            {
                if (style.NumbersOnOneLine) Plain(string.Join("　", view.NumberLines), "NumberLine");
                else foreach (var line in view.NumberLines) Plain(line, "NumberLine");
            }
            var publisher = TwoEnds("PublisherLine", style.ShowPublisher ? view.Publisher : "", view.DateText);
            body.Append(publisher);
            var below = style.Marks.Where(m => m.Position == MarkPosition.BelowRule).Select(m => m.Text).ToList();
            if (below.Count > 0) Plain(string.Join("　", below), "MarkBelow");
        }

        /// <summary>Left text, then a right-aligned tab to the type area's edge with the right text.</summary>
        private static Paragraph TwoEnds(string styleId, string left, string right)
        {
            var p = Para(styleId);
            if (left.Length > 0) p.Append(TextRun(left));
            p.Append(new Run(new TabChar()));
            if (right.Length > 0) p.Append(TextRun(right));
            return p;
        }

        // ---- Articles.

        private void Article(bool separated, string? column, string? kicker, string title, string? subtitle, string? byline, string? standfirst, string markdown, string? note)
        {
            if (separated) body.Append(Para("ArticleRule"));
            if (column is not null)
            {
                var p = Para("ColumnLabel");
                p.Append(new Run(new RunProperties(new Bold(), new Color { Val = "FFFFFF" }, new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = Color }), Text("　" + column + "　")));
                body.Append(p);
            }
            if (kicker is not null) Plain(kicker, "Kicker");
            Plain(title, "Title");
            if (subtitle is not null) Plain("——" + subtitle, "Subtitle");
            if (byline is not null) Plain(byline, "Byline");
            if (standfirst is not null) Labelled("Standfirst", text("BulletinDoc.Standfirst"), standfirst);
            Array.Clear(counters);
            foreach (var block in BulletinMarkdown.Parse(markdown))
            {
                Block(block, body, "Normal");
            }
            if (note is not null) Labelled("AuthorNote", text("BulletinDoc.AuthorNote"), note);
        }

        /// <summary>One Markdown block into <paramref name="into"/>; <paramref name="paragraphStyle"/> is the style plain paragraphs take there.</summary>
        private void Block(Block block, OpenXmlCompositeElement into, string paragraphStyle, string prefix = "")
        {
            switch (block)
            {
                case HeadingBlock heading:
                {
                    var level = heading.Level - 2;
                    counters[level]++;
                    for (var i = level + 1; i < 4; i++) counters[i] = 0;
                    var p = Para($"Heading{level + 1}");
                    if (style.Headings[level].Numbered) p.Append(TextRun(Number(level, counters[level])));
                    Inlines(p, heading.Inline, false, false);
                    into.Append(p);
                    break;
                }
                case ParagraphBlock paragraph:
                {
                    var p = Para(paragraphStyle);
                    if (prefix.Length > 0) p.Append(TextRun(prefix));
                    Inlines(p, paragraph.Inline, false, false);
                    into.Append(p);
                    break;
                }
                case ListBlock list:
                {
                    var n = int.TryParse(list.OrderedStart, NumberStyles.Integer, CultureInfo.InvariantCulture, out var start) ? start : 1;
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var marker = list.IsOrdered ? n++.ToString(CultureInfo.InvariantCulture) + ". " : "• ";
                        var first = true;
                        foreach (var child in item)
                        {
                            Block(child, into, "ListItem", first ? marker : "");
                            first = false;
                        }
                    }
                    break;
                }
                case CustomContainer { Info: "pullquote" } quote:
                    foreach (var child in quote) Block(child, into, "PullQuote");
                    break;
                case CustomContainer { Info: "sidebar" } sidebar:
                    into.Append(Sidebar(sidebar));
                    break;
                case Markdig.Extensions.Tables.Table grid:
                    into.Append(WordTable(grid));
                    break;
                case ContainerBlock container:
                    // Quotations and containers the dialect does not know keep their paragraphs, set as quotations.
                    foreach (var child in container) Block(child, into, block is QuoteBlock ? "Quote" : paragraphStyle);
                    break;
                case LeafBlock { Lines.Count: > 0 } leaf and not ThematicBreakBlock:
                    foreach (var line in leaf.Lines.Lines.Take(leaf.Lines.Count))
                    {
                        into.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Quote" }), TextRun(line.ToString())));
                    }
                    break;
            }
        }

        /// <summary>A boxed sidebar: a one-cell table as wide as the type area, with tblW, gridCol and tcW all set (WPS reads one, Word another).</summary>
        private Table Sidebar(CustomContainer sidebar)
        {
            var width = AreaTwips;
            var cell = new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = Str(width) }));
            if (sidebar.Arguments?.Trim() is { Length: > 0 } caption)
            {
                cell.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "SidebarText" }), TextRun(caption, bold: true)));
            }
            foreach (var child in sidebar) Block(child, cell, "SidebarText");
            if (!cell.Elements<Paragraph>().Any() && !cell.Elements<Table>().Any()) cell.Append(new Paragraph());
            var border = (uint)4;
            return new Table(
                new TableProperties(
                    new TableWidth { Type = TableWidthUnitValues.Dxa, Width = Str(width) },
                    new TableBorders(
                        new TopBorder { Val = BorderValues.Single, Size = border, Color = "000000" },
                        new LeftBorder { Val = BorderValues.Single, Size = border, Color = "000000" },
                        new BottomBorder { Val = BorderValues.Single, Size = border, Color = "000000" },
                        new RightBorder { Val = BorderValues.Single, Size = border, Color = "000000" }),
                    new TableLayout { Type = TableLayoutValues.Fixed },
                    new TableCellMarginDefault(
                        new TopMargin { Width = "80", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 160, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "80", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 160, Type = TableWidthValues.Dxa })),
                new TableGrid(new GridColumn { Width = Str(width) }),
                new TableRow(cell));
        }

        /// <summary>A pipe table as a ruled Word table: equal columns across the type area, tblW, gridCol and tcW all set.</summary>
        private Table WordTable(Markdig.Extensions.Tables.Table grid)
        {
            var rows = grid.OfType<Markdig.Extensions.Tables.TableRow>().ToList();
            var columns = Math.Max(1, rows.Max(r => r.Count));
            var width = AreaTwips;
            var column = width / columns;
            var line = new Func<BorderType, BorderType>(b => { b.Val = BorderValues.Single; b.Size = 4; b.Color = "000000"; return b; });
            var table = new Table(
                new TableProperties(
                    new TableWidth { Type = TableWidthUnitValues.Dxa, Width = Str(column * columns) },
                    new TableBorders(line(new TopBorder()), line(new LeftBorder()), line(new BottomBorder()), line(new RightBorder()), line(new InsideHorizontalBorder()), line(new InsideVerticalBorder())),
                    new TableLayout { Type = TableLayoutValues.Fixed }),
                new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = Str(column) })));
            foreach (var row in rows)
            {
                var tr = new TableRow();
                if (row.IsHeader) tr.Append(new TableRowProperties(new TableHeader()));
                for (var i = 0; i < columns; i++)
                {
                    var p = Para("TableText");
                    if (i < row.Count && row[i] is Markdig.Extensions.Tables.TableCell { Count: > 0 } cell && cell[0] is ParagraphBlock content) Inlines(p, content.Inline, row.IsHeader, false);
                    tr.Append(Cell(column, p));
                }
                table.Append(tr);
            }
            return table;
        }

        private static void Inlines(Paragraph p, ContainerInline? container, bool bold, bool italic)
        {
            if (container is null) return;
            foreach (var inline in container)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        p.Append(TextRun(literal.Content.ToString(), bold, italic));
                        break;
                    case EmphasisInline emphasis:
                        Inlines(p, emphasis, bold || emphasis.DelimiterCount >= 2, italic || emphasis.DelimiterCount == 1);
                        break;
                    case LineBreakInline { IsHard: true }:
                        p.Append(new Run(new Break()));
                        break;
                    case LineBreakInline:
                        break;
                    case CodeInline code:
                        p.Append(TextRun(code.Content, bold, italic));
                        break;
                    case AutolinkInline autolink:
                        p.Append(TextRun(autolink.Url, bold, italic));
                        break;
                    case LinkInline { IsImage: true } image:
                        // An image prints as its alt text, as in the PDF: documents load nothing from outside.
                        p.Append(TextRun(string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString())), bold, italic));
                        break;
                    case HtmlEntityInline entity:
                        p.Append(TextRun(entity.Transcoded.ToString(), bold, italic));
                        break;
                    case ContainerInline nested:
                        Inlines(p, nested, bold, italic);
                        break;
                    case LeafInline leaf when leaf.ToString() is { Length: > 0 } other:
                        p.Append(TextRun(other, bold, italic));
                        break;
                }
            }
        }

        /// <summary>一、 （一） 1. （1）, as the PDF's heading counters print them.</summary>
        private static string Number(int level, int n)
        {
            var chinese = n < 100 ? BulletinNumbering.ChineseNumber(n) : n.ToString(CultureInfo.InvariantCulture);
            var arabic = n.ToString(CultureInfo.InvariantCulture);
            return level switch { 0 => chinese + "、", 1 => "（" + chinese + "）", 2 => arabic + ".", _ => "（" + arabic + "）" };
        }

        // ---- The back matter.

        private void LabelledLine(string key, string? value)
        {
            if (value is not null) Labelled("BackMatter", text("BulletinDoc." + key), value, boldLabel: false);
        }

        private void FooterBlock()
        {
            var fields = style.FooterFields.Select(f => (Label: text(FieldKey(f)), Value: FieldValue(f)))
                .Where(x => !string.IsNullOrWhiteSpace(x.Value)).Select(x => (x.Label, Value: x.Value!)).ToList();
            if (fields.Count == 0) return;
            var width = AreaTwips;
            var half = width / 2;
            var rule = new TopBorder { Val = BorderValues.Single, Size = 12, Color = Color };
            var properties = new TableProperties();
            if (style.FooterPlacement == FooterPlacement.FootOfLastPage)
            {
                // A table floating at the foot of the type area on the page where it falls: the last one.
                properties.Append(new TablePositionProperties
                {
                    VerticalAnchor = VerticalAnchorValues.Margin,
                    TablePositionYAlignment = VerticalAlignmentValues.Bottom,
                    HorizontalAnchor = HorizontalAnchorValues.Margin,
                    TablePositionXAlignment = HorizontalAlignmentValues.Center,
                });
            }
            properties.Append(
                new TableWidth { Type = TableWidthUnitValues.Dxa, Width = Str(width) },
                new TableBorders(rule),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(new TableCellLeftMargin { Width = 0, Type = TableWidthValues.Dxa }, new TableCellRightMargin { Width = 0, Type = TableWidthValues.Dxa }));
            var table = new Table(properties, new TableGrid(new GridColumn { Width = Str(half) }, new GridColumn { Width = Str(width - half) }));
            if (view.FooterLabel is not null) table.Append(new TableRow(SpanCell(width, Para("FooterBlock", TextRun(view.FooterLabel, bold: true)))));
            if (style.FooterLayout == FooterLayout.OneLine)
            {
                var p = Para("FooterBlock");
                for (var i = 0; i < fields.Count; i++)
                {
                    if (i > 0) p.Append(TextRun("　　"));
                    p.Append(TextRun(fields[i].Label), TextRun(fields[i].Value));
                }
                table.Append(new TableRow(SpanCell(width, p)));
            }
            else
            {
                for (var i = 0; i < fields.Count; i += 2)
                {
                    var row = new TableRow(Cell(half, Para("FooterBlock", TextRun(fields[i].Label), TextRun(fields[i].Value))));
                    row.Append(i + 1 < fields.Count
                        ? Cell(width - half, Para("FooterBlock", TextRun(fields[i + 1].Label), TextRun(fields[i + 1].Value)))
                        : Cell(width - half, Para("FooterBlock")));
                    table.Append(row);
                }
            }
            body.Append(Para("FooterSpace"), table);
        }

        private static TableCell Cell(int width, Paragraph p) =>
            new(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = Str(width) }), p);

        private static TableCell SpanCell(int width, Paragraph p) =>
            new(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = Str(width) }, new GridSpan { Val = 2 }), p);

        private static string FieldKey(FooterField field) => field switch
        {
            FooterField.Director => "BulletinDoc.BoardDirector",
            FooterField.Deputies => "BulletinDoc.BoardDeputies",
            FooterField.EditorInChief => "BulletinDoc.BoardEditorInChief",
            _ => $"BulletinDoc.{field}",
        };

        private string? FieldValue(FooterField field) => field switch
        {
            FooterField.Director => view.Board.Director,
            FooterField.Deputies => view.Board.Deputies,
            FooterField.EditorInChief => view.Board.EditorInChief,
            FooterField.Phone => view.Contact.Phone,
            FooterField.Fax => view.Contact.Fax,
            FooterField.Email => view.Contact.Email,
            FooterField.Address => view.Contact.Address,
            FooterField.Postcode => view.Contact.Postcode,
            _ => null,
        };

        // ---- Paragraph helpers.

        private Paragraph Plain(string value, string styleId, bool append = true)
        {
            var p = Para(styleId, TextRun(value));
            if (append) body.Append(p);
            return p;
        }

        private void Labelled(string styleId, string label, string value, bool boldLabel = true) =>
            body.Append(Para(styleId, TextRun(label, bold: boldLabel), TextRun(value)));

        private static Paragraph Para(string styleId, params OpenXmlElement[] runs)
        {
            var p = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = styleId }));
            p.Append(runs);
            return p;
        }

        private static Run TextRun(string value, bool bold = false, bool italic = false)
        {
            var run = new Run();
            if (bold || italic)
            {
                var rp = new RunProperties();
                if (bold) rp.Append(new Bold());
                if (italic) rp.Append(new Italic());
                run.Append(rp);
            }
            run.Append(Text(value));
            return run;
        }

        private static Text Text(string value) => new(value) { Space = SpaceProcessingModeValues.Preserve };

        // ---- Styles, page and footer.

        private Styles Styles()
        {
            var pitch = Twips(style.LinePitchPt);
            var bodyFonts = Fonts(style.BodyFace);
            var styles = new Styles(
                new DocDefaults(
                    new RunPropertiesDefault(new RunPropertiesBaseStyle(
                        Fonts(style.BodyFace),
                        new FontSize { Val = HalfPoints(style.BodySizePt) },
                        new FontSizeComplexScript { Val = HalfPoints(style.BodySizePt) },
                        new Languages { Val = "en-US", EastAsia = "zh-CN" })),
                    new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                        new SpacingBetweenLines { Before = "0", After = "0", Line = Str(pitch), LineRule = LineSpacingRuleValues.Exact }))));

            styles.Append(ParagraphStyle("Normal", "Normal", null, true,
                new StyleParagraphProperties(new SpacingBetweenLines { Line = Str(pitch), LineRule = LineSpacingRuleValues.Exact }, FirstLine(2), new Justification { Val = JustificationValues.Both }),
                new StyleRunProperties(bodyFonts, Size(style.BodySizePt))));
            for (var i = 0; i < 4; i++)
            {
                var h = style.Headings[i];
                var run = new StyleRunProperties(Fonts(h.Face));
                if (h.Bold) run.Append(new Bold(), new BoldComplexScript());
                else run.Append(new Bold { Val = false });
                run.Append(Size(h.SizePt));
                styles.Append(ParagraphStyle($"Heading{i + 1}", $"heading {i + 1}", "Normal", true,
                    new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Line = Str(pitch), LineRule = LineSpacingRuleValues.Exact }, FirstLine(h.IndentEm),
                        new Justification { Val = JustificationValues.Both }, new OutlineLevel { Val = i }),
                    run));
            }
            var auto = new Func<decimal, SpacingBetweenLines>(factor => new SpacingBetweenLines { Line = Str((int)(240 * factor)), LineRule = LineSpacingRuleValues.Auto });
            styles.Append(
                ParagraphStyle("Masthead", "Masthead", "Normal", false,
                    new StyleParagraphProperties(new SpacingBetweenLines { Before = "240", After = "120", Line = "240", LineRule = LineSpacingRuleValues.Auto }, NoIndent(), Center()),
                    new StyleRunProperties(Fonts(style.MastheadFace), BoldUnlessXiaoBiaoSong(style.MastheadFace), new Color { Val = Color }, Size(style.MastheadSizePt))),
                ParagraphStyle("NumberLine", "Number line", "Normal", false, new StyleParagraphProperties(NoIndent(), Center()), null),
                ParagraphStyle("Marks", "Marks", "Normal", false,
                    new StyleParagraphProperties(new Tabs(new TabStop { Val = TabStopValues.Right, Position = AreaTwips }), NoIndent()),
                    new StyleRunProperties(Fonts(BulletinFace.Hei))),
                ParagraphStyle("PublisherLine", "Publisher line", "Normal", false,
                    new StyleParagraphProperties(
                        new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 18, Space = 4, Color = Color }),
                        new Tabs(new TabStop { Val = TabStopValues.Right, Position = AreaTwips }),
                        new SpacingBetweenLines { After = "240" }, NoIndent()),
                    null),
                ParagraphStyle("MarkBelow", "Mark below the rule", "Normal", false, new StyleParagraphProperties(NoIndent(), Center()), new StyleRunProperties(Fonts(BulletinFace.Hei))),
                ParagraphStyle("Correction", "Correction", "Normal", false, new StyleParagraphProperties(NoIndent()), new StyleRunProperties(new Bold())),
                ParagraphStyle("EditorsNote", "Editor's note", "Normal", false, null, new StyleRunProperties(Fonts(BulletinFace.Kai))),
                ParagraphStyle("RunLabel", "Run label", "Normal", false, new StyleParagraphProperties(NoIndent(), Center()), new StyleRunProperties(new Bold())),
                ParagraphStyle("ArticleRule", "Article rule", "Normal", false,
                    new StyleParagraphProperties(new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = Color }), new SpacingBetweenLines { Before = "240", After = "120", Line = "120", LineRule = LineSpacingRuleValues.Exact }, NoIndent()),
                    null),
                ParagraphStyle("ColumnLabel", "Column label", "Normal", false, new StyleParagraphProperties(NoIndent()), null),
                ParagraphStyle("Kicker", "Kicker", "Normal", false, new StyleParagraphProperties(NoIndent(), Center()), null),
                ParagraphStyle("Title", "Title", "Normal", true,
                    new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "120", After = "240", Line = "360", LineRule = LineSpacingRuleValues.Auto }, NoIndent(), Center()),
                    new StyleRunProperties(Fonts(style.TitleFace), BoldUnlessXiaoBiaoSong(style.TitleFace), Size(style.TitleSizePt))),
                ParagraphStyle("Subtitle", "Subtitle", "Normal", true, new StyleParagraphProperties(new SpacingBetweenLines { After = "120" }, NoIndent(), Center()), null),
                ParagraphStyle("Byline", "Byline", "Normal", false, new StyleParagraphProperties(new SpacingBetweenLines { After = "120" }, NoIndent(), Center()), new StyleRunProperties(Fonts(BulletinFace.Kai))),
                ParagraphStyle("Standfirst", "Standfirst", "Normal", false, null, new StyleRunProperties(Fonts(BulletinFace.Kai))),
                ParagraphStyle("ListItem", "List item", "Normal", false, null, null),
                ParagraphStyle("Quote", "Quote", "Normal", true,
                    new StyleParagraphProperties(new Indentation { Left = Str(Twips(style.BodySizePt * 2)) }),
                    new StyleRunProperties(Fonts(BulletinFace.Kai))),
                ParagraphStyle("PullQuote", "Pull quote", "Normal", false,
                    new StyleParagraphProperties(
                        new ParagraphBorders(
                            new TopBorder { Val = BorderValues.Single, Size = 12, Space = 4, Color = Color },
                            new BottomBorder { Val = BorderValues.Single, Size = 12, Space = 4, Color = Color }),
                        new SpacingBetweenLines { Before = "120", After = "120", Line = Str(pitch), LineRule = LineSpacingRuleValues.AtLeast },
                        new Indentation { Left = Str(Twips(style.BodySizePt * 3)), Right = Str(Twips(style.BodySizePt * 3)), FirstLine = "0", FirstLineChars = 0 },
                        Center()),
                    new StyleRunProperties(Fonts(BulletinFace.Kai), Size(Math.Round(style.BodySizePt * 1.1m * 2) / 2))),
                ParagraphStyle("SidebarText", "Sidebar text", "Normal", false,
                    new StyleParagraphProperties(new SpacingBetweenLines { Line = Str(Twips(style.BodySizePt * 0.85m * 1.5m)), LineRule = LineSpacingRuleValues.AtLeast }, NoIndent()),
                    new StyleRunProperties(Size(Math.Round(style.BodySizePt * 0.85m * 2) / 2))),
                ParagraphStyle("TableText", "Table text", "Normal", false,
                    new StyleParagraphProperties(new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto }, NoIndent(), new Justification { Val = JustificationValues.Left }),
                    new StyleRunProperties(Size(Math.Round(style.BodySizePt * 0.85m * 2) / 2))),
                ParagraphStyle("AuthorNote", "Author note", "Normal", false, null, new StyleRunProperties(Size(Math.Round(style.BodySizePt * 0.85m * 2) / 2))),
                ParagraphStyle("AuthorList", "Author list", "Normal", false, new StyleParagraphProperties(NoIndent()), null),
                ParagraphStyle("BackMatter", "Back matter", "Normal", false, new StyleParagraphProperties(NoIndent()), null),
                ParagraphStyle("FooterSpace", "Footer space", "Normal", false, new StyleParagraphProperties(new KeepNext(), NoIndent()), null),
                ParagraphStyle("FooterBlock", "Footer block", "Normal", false,
                    new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto }, NoIndent(), new Justification { Val = JustificationValues.Left }),
                    new StyleRunProperties(Size(12))),
                ParagraphStyle("Footer", "footer", "Normal", false,
                    new StyleParagraphProperties(new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto }, NoIndent(), Center()),
                    new StyleRunProperties(Fonts(BulletinFace.Song), Size(11))));
            return styles;
        }

        private static Style ParagraphStyle(string id, string name, string? basedOn, bool primary, StyleParagraphProperties? paragraph, StyleRunProperties? run)
        {
            var s = new Style { Type = StyleValues.Paragraph, StyleId = id };
            if (id == "Normal") s.Default = true;
            s.Append(new StyleName { Val = name });
            if (basedOn is not null) s.Append(new BasedOn { Val = basedOn });
            s.Append(new NextParagraphStyle { Val = id.StartsWith("Heading", StringComparison.Ordinal) || id == "Title" ? "Normal" : id });
            if (primary) s.Append(new PrimaryStyle());
            if (paragraph is not null) s.Append(paragraph);
            if (run is not null) s.Append(run);
            return s;
        }

        // A role the organization uploaded a font for is named by that font's own family name, which is how the
        // offices that have it installed find it.
        private RunFonts Fonts(BulletinFace face) => new()
        {
            Ascii = LatinName(face),
            HighAnsi = LatinName(face),
            EastAsia = view.UploadedFamilies.TryGetValue(face, out var uploaded) ? uploaded : FontName(face),
            ComplexScript = LatinName(face),
            Hint = FontTypeHintValues.EastAsia,
        };

        private static Bold BoldUnlessXiaoBiaoSong(BulletinFace face) => new() { Val = face != BulletinFace.XiaoBiaoSong };

        private static FontSize Size(decimal pt) => new() { Val = HalfPoints(pt) };

        private Indentation FirstLine(decimal em) =>
            new() { FirstLine = Str(Twips(em * style.BodySizePt)), FirstLineChars = (int)(em * 100) };

        private static Indentation NoIndent() => new() { FirstLine = "0", FirstLineChars = 0 };

        private static Justification Center() => new() { Val = JustificationValues.Center };

        /// <summary>"— 1 —" centred at the foot of every page, as the PDF prints it.</summary>
        private static Footer PageNumberFooter() => new(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }),
            new Run(Text("— ")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(Text("1")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            new Run(Text(" —"))));

        /// <summary>A4 with the style's margins; with a line grid, Word's document grid of the same lines and characters.</summary>
        private SectionProperties Section(string footerId)
        {
            var section = new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
                new PageSize { Width = (UInt32Value)(uint)MmToTwips(BulletinHouseStyle.A4WidthMm), Height = (UInt32Value)(uint)MmToTwips(BulletinHouseStyle.A4HeightMm) },
                new PageMargin
                {
                    Top = MmToTwips(style.MarginTopMm),
                    Bottom = MmToTwips(style.MarginBottomMm),
                    Left = (UInt32Value)(uint)MmToTwips(style.MarginLeftMm),
                    Right = (UInt32Value)(uint)MmToTwips(style.MarginRightMm),
                    Header = 851,
                    Footer = (UInt32Value)(uint)Math.Max(284, MmToTwips(style.MarginBottomMm) - 567),
                    Gutter = 0,
                });
            if (style.LinesPerPage is not null)
            {
                section.Append(style.CharsPerLine is not null
                    ? new DocGrid { Type = DocGridValues.LinesAndChars, LinePitch = Twips(style.LinePitchPt), CharacterSpace = (int)Math.Round(style.LetterSpacingPt * 4096) }
                    : new DocGrid { Type = DocGridValues.Lines, LinePitch = Twips(style.LinePitchPt) });
            }
            return section;
        }

        private static int Twips(decimal pt) => (int)Math.Round(pt * 20);

        private static int MmToTwips(decimal mm) => (int)Math.Round(mm / BulletinHouseStyle.MmPerPt * 20);

        private static string HalfPoints(decimal pt) => Str((int)Math.Round(pt * 2));

        private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
