using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Events.Core.Program;

namespace Events.Infrastructure.Program.Exports;

/// <summary>
/// A published program as an Excel workbook (xlsx): one sheet 日程, one row per item with its session's date, times
/// (in the event's time zone), forum, room, kind, title and chairs repeated; a session without items gets one row.
/// All cells are inline strings, so they read back exactly as shown.
/// </summary>
public static class ProgramWorkbook
{
    public const string SheetName = "日程";

    public static readonly IReadOnlyList<string> Headers = ["日期", "开始", "结束", "分论坛", "会场", "类型", "场次", "主持", "环节", "发言人"];

    private static readonly double[] Widths = [12, 8, 8, 28, 16, 10, 30, 30, 40, 60];

    private const uint BoldStyle = 1;

    public static byte[] Write(ProgramSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var time = ExportTime.For(s.TimeZoneId);

        using var buffer = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = doc.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();

            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = Styles();

            var sheetData = new SheetData();
            uint row = 1;
            sheetData.Append(Row(row, Headers, BoldStyle));

            foreach (var x in ExportText.Ordered(s, s.Sessions))
            {
                var start = time.Local(x.Start);
                var end = time.Local(x.End);
                string[] session =
                [
                    start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ExportTime.HourMinute(start),
                    ExportTime.HourMinute(end),
                    ExportText.Clean(ExportText.Forum(s, x).Title),
                    ExportText.RoomName(s, x),
                    ExportText.KindLabel(x.Kind),
                    ExportText.Clean(x.Title),
                    ExportText.Chairs(x),
                ];
                if (x.Items.Count == 0)
                {
                    sheetData.Append(Row(++row, [.. session, "", ""], null));
                    continue;
                }
                foreach (var item in x.Items)
                {
                    var title = ExportText.Clean(item.Title);
                    if (item.Publications.Count > 0) title += $"（发布成果：{ExportText.Publications(item)}）";
                    sheetData.Append(Row(++row, [.. session, title, ExportText.Participants(item)], null));
                }
            }

            var columns = new Columns();
            for (var i = 0; i < Widths.Length; i++)
            {
                columns.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Widths[i], CustomWidth = true });
            }

            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            worksheetPart.Worksheet = new Worksheet(
                new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                    new Selection { Pane = PaneValues.BottomLeft })
                { TabSelected = true, WorkbookViewId = 0 }),
                new SheetFormatProperties { DefaultRowHeight = 15 },
                columns,
                sheetData);

            workbookPart.Workbook.Append(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = 1, Name = SheetName }));
        }
        return buffer.ToArray();
    }

    private static Row Row(uint index, IReadOnlyList<string> values, uint? style)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < values.Count; i++)
        {
            var cell = new Cell
            {
                CellReference = ColumnName(i) + index.ToString(CultureInfo.InvariantCulture),
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(ExportText.Clean(values[i])) { Space = SpaceProcessingModeValues.Preserve }),
            };
            if (style is uint st) cell.StyleIndex = st;
            row.Append(cell);
        }
        return row;
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + ((n - 1) % 26)) + name;
        return name;
    }

    /// <summary>The smallest stylesheet Excel accepts, plus a bold font for the header row.</summary>
    private static Stylesheet Styles() => new(
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "等线" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "等线" }))
        { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true })
        { Count = 2 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
