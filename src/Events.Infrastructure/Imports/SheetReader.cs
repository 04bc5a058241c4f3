using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Events.Infrastructure.Imports;

/// <summary>Why an uploaded file could not be read as a sheet.</summary>
public enum SheetProblem
{
    None,
    TooLarge,
    NotXlsx,
    Empty,
    TooManyRows,
}

public sealed record SheetContent(IReadOnlyList<IReadOnlyList<string>> Rows, SheetProblem Problem = SheetProblem.None);

/// <summary>
/// Reads the first worksheet of an .xlsx upload as text, cell by cell, the way it looks in Excel rather than how it is
/// stored: shared and inline strings, numbers stored as numbers written out in full (a mobile typed as a number comes
/// back 13812345678, not 1.3812345678E+10), booleans, and the value of a merged range repeated in every cell of it (a
/// header merged over two rows names both). Bounded: at most <see cref="MaxBytes"/>, <see cref="MaxRows"/> rows and
/// <see cref="MaxColumns"/> columns are read.
/// </summary>
public static class SheetReader
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 10_000;
    public const int MaxColumns = 50;

    public static async Task<SheetContent> ReadAsync(Stream upload, long declaredLength, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (declaredLength > MaxBytes) return new SheetContent([], SheetProblem.TooLarge);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return new SheetContent([], SheetProblem.TooLarge);
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        try
        {
            return Read(buffer);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException or InvalidOperationException)
        {
            return new SheetContent([], SheetProblem.NotXlsx);
        }
    }

    private static SheetContent Read(Stream stream)
    {
        using var doc = SpreadsheetDocument.Open(stream, false);
        var workbook = doc.WorkbookPart ?? throw new InvalidDataException("no workbook");
        var first = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
        if (first?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part) return new SheetContent([], SheetProblem.Empty);
        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];

        var rows = new List<string[]>();
        using (var reader = OpenXmlReader.Create(part))
        {
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
                var row = (Row)reader.LoadCurrentElement()!;
                var index = (int)(row.RowIndex?.Value ?? (uint)rows.Count + 1) - 1;
                if (index >= MaxRows + ImportHeaderAllowance) return new SheetContent([], SheetProblem.TooManyRows);
                while (rows.Count <= index) rows.Add(new string[MaxColumns]);
                var cells = rows[index];
                var next = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    var col = cell.CellReference?.Value is { } r ? ColumnIndex(r) : next;
                    next = col + 1;
                    if (col < 0 || col >= MaxColumns) continue;
                    cells[col] = Text(cell, shared);
                }
            }
        }
        foreach (var merge in part.Worksheet?.Descendants<MergeCell>() ?? [])
        {
            if (merge.Reference?.Value?.Split(':') is not [var from, var to]) continue;
            var (r1, c1) = (RowIndex(from), ColumnIndex(from));
            var (r2, c2) = (RowIndex(to), ColumnIndex(to));
            if (r1 < 0 || r1 >= rows.Count || c1 < 0 || c1 >= MaxColumns) continue;
            var value = rows[r1][c1];
            for (var r = r1; r <= Math.Min(r2, rows.Count - 1); r++)
                for (var c = c1; c <= Math.Min(c2, MaxColumns - 1); c++)
                    rows[r][c] ??= value;
        }
        var width = rows.Count == 0 ? 0 : rows.Max(r => Array.FindLastIndex(r, v => !string.IsNullOrWhiteSpace(v)) + 1);
        if (width == 0) return new SheetContent([], SheetProblem.Empty);
        return new SheetContent(rows.Select(r => (IReadOnlyList<string>)r.Take(width).Select(v => v ?? "").ToArray()).ToList());
    }

    /// <summary>Title and header rows above the data, beyond <see cref="MaxRows"/>.</summary>
    private const int ImportHeaderAllowance = 10;

    private static string Text(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count ? shared[i] : "";
        }
        if (type == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        if (type == CellValues.Boolean) return raw == "1" ? "TRUE" : "FALSE";
        if (type == CellValues.String || type == CellValues.Error) return raw;
        // A number: whole numbers in full (mobiles, ID-like codes), others as Excel would show them in General format.
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return Math.Abs(d) < 1e15 && d == Math.Floor(d)
                ? ((long)d).ToString(CultureInfo.InvariantCulture)
                : d.ToString("G15", CultureInfo.InvariantCulture);
        }
        return raw;
    }

    private static int ColumnIndex(string reference)
    {
        var n = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z') n = n * 26 + (c - 'A' + 1);
            else if (c is >= 'a' and <= 'z') n = n * 26 + (c - 'a' + 1);
            else break;
        }
        return n - 1;
    }

    private static int RowIndex(string reference)
    {
        var digits = new string(reference.SkipWhile(char.IsLetter).ToArray());
        return int.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r - 1 : -1;
    }
}
