using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Events.IntegrationTests.Attendees;

/// <summary>
/// Workbooks shaped like the ones Chinese offices send: a title row merged across the table above the header, shared
/// strings, and cells given as numbers (<c>double</c>) stored as numbers the way Excel stores a typed mobile.
/// </summary>
public static class TestSheets
{
    public static byte[] Write(string? title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var strings = new List<string>();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            Cell Text(string reference, string value)
            {
                if (!index.TryGetValue(value, out var i))
                {
                    i = strings.Count;
                    strings.Add(value);
                    index[value] = i;
                }
                return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture)) };
            }

            var data = new SheetData();
            uint r = 0;
            if (title is not null) data.Append(new Row(Text("A1", title)) { RowIndex = ++r });
            data.Append(new Row(headers.Select((h, c) => Text(Ref(c, r + 1), h))) { RowIndex = ++r });
            foreach (var values in rows)
            {
                r++;
                var row = new Row { RowIndex = r };
                for (var c = 0; c < values.Count; c++)
                {
                    switch (values[c])
                    {
                        case null: break;
                        case double d: row.Append(new Cell { CellReference = Ref(c, r), CellValue = new CellValue(d.ToString("R", CultureInfo.InvariantCulture)) }); break;
                        case var v: row.Append(Text(Ref(c, r), Convert.ToString(v, CultureInfo.InvariantCulture)!)); break;
                    }
                }
                data.Append(row);
            }
            var ws = wb.AddNewPart<WorksheetPart>();
            ws.Worksheet = new Worksheet(data);
            if (title is not null) ws.Worksheet.Append(new MergeCells(new MergeCell { Reference = $"A1:{Ref(headers.Count - 1, 1)}" }));
            var sst = wb.AddNewPart<SharedStringTablePart>();
            sst.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })));
            wb.Workbook.Append(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "回执汇总" }));
        }
        return buffer.ToArray();
    }

    private static string Ref(int column, uint row) => Events.Infrastructure.Exports.SheetWorkbook.ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);
}
