using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Events.Infrastructure.Program.Exports;

namespace Events.Infrastructure.Exports;

/// <summary>
/// A workbook of one sheet of text: a bold header row that stays in view while scrolling, fixed column widths, and
/// every cell an inline string, so values read back exactly as shown (no number or date guessing, no formulas).
/// Shared by the program and attendee exports.
/// </summary>
public static class SheetWorkbook
{
    private const uint BoldStyle = 1;

    public static byte[] Write(string sheetName, IReadOnlyList<string> headers, IReadOnlyList<double> widths, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(rows);

        using var buffer = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = doc.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();

            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = Styles();

            var sheetData = new SheetData();
            uint index = 1;
            sheetData.Append(Row(index, headers, BoldStyle));
            foreach (var values in rows) sheetData.Append(Row(++index, values, null));

            var columns = new Columns();
            for (var i = 0; i < widths.Count; i++)
            {
                columns.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = widths[i], CustomWidth = true });
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

            workbookPart.Workbook.Append(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = 1, Name = sheetName }));
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

    /// <summary>A, B, … Z, AA, AB, …</summary>
    public static string ColumnName(int index)
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
