using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Events.Core.Access;
using Events.Core.Bulletins;
using Events.Infrastructure.Access;
using Events.Infrastructure.Files;

namespace Events.Infrastructure.Bulletins;

/// <summary>What a Word file gave: the issue's title, subtitle and authors if the file's first lines look like them, the body as Markdown, and what was left out.</summary>
public sealed record BulletinDocxImport(string? Title, string? Subtitle, IReadOnlyList<string> Authors, string Body, int Images, int MergedCells, int Headings, int Tables);

/// <summary>Why a file could not be read: too large, not a Word file at all, or a Word file that is broken.</summary>
public enum BulletinImportError
{
    TooLarge,
    NotDocx,
    Broken,
    Empty,
}

public sealed record BulletinDocxImportResult(BulletinDocxImport? Import, BulletinImportError? Error);

/// <summary>
/// Reads a .docx written in Word or WPS into an issue's Markdown: headings by style (标题 1–4, heading 1–4, outline
/// levels) or by the numbers Chinese documents write by hand (一、 （一） 1. （1）) become levels ## to #####, with the
/// hand-written number dropped because the series' house style prints its own; bold and italic runs, lists, paragraphs,
/// and tables as pipe tables (a merged cell keeps its text in its first cell). Images are counted and left out: bulletins
/// print no pictures. The upload is copied to the file store (outside the web root), read from there off the
/// connection's thread, and deleted once read.
/// </summary>
public sealed partial class BulletinDocxImporter(FileStore files)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const string Folder = "bulletin-imports";
    private const string MainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    public async Task<BulletinDocxImportResult> ImportAsync(Actor actor, Stream upload, CancellationToken ct = default)
    {
        EventRights.DemandOrganizerRole(actor);
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(buffer, ct)) > 0)
        {
            if (copy.Length + read > MaxBytes) return new(null, BulletinImportError.TooLarge);
            copy.Write(buffer, 0, read);
        }
        if (copy.Length == 0) return new(null, BulletinImportError.Empty);
        var bytes = copy.ToArray();
        // A .docx is a zip: PK\x03\x04. Anything else (a .doc, a PDF, a renamed picture) is not one.
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) return new(null, BulletinImportError.NotDocx);

        copy.Position = 0;
        var stored = await files.SaveAsync(Folder, ".docx", copy, ct);
        try
        {
            return await Task.Run(() =>
            {
                using var stream = files.OpenRead(Folder, stored) ?? throw new FileNotFoundException(stored);
                return Read(stream);
            }, ct);
        }
        finally
        {
            files.Delete(Folder, stored);
        }
    }

    /// <summary>Reads a .docx from a stream; the error says what is wrong with a file that is not one.</summary>
    public static BulletinDocxImportResult Read(Stream stream)
    {
        try
        {
            // A zip that opens but declares no Word main document is some other file (a spreadsheet, a presentation, an archive).
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
            {
                var types = zip.GetEntry("[Content_Types].xml");
                if (types is null) return new(null, BulletinImportError.NotDocx);
                using var reader = new StreamReader(types.Open());
                if (!reader.ReadToEnd().Contains(MainContentType, StringComparison.Ordinal)) return new(null, BulletinImportError.NotDocx);
            }
            stream.Position = 0;
            using var document = WordprocessingDocument.Open(stream, false, new OpenSettings { AutoSave = false });
            var main = document.MainDocumentPart;
            if (main?.Document?.Body is null || main.ContentType != MainContentType) return new(null, BulletinImportError.NotDocx);
            return new(new Reader(main).Read(), null);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException or InvalidOperationException or ArgumentException)
        {
            // A damaged zip, a damaged package, or broken XML inside it.
            return new(null, BulletinImportError.Broken);
        }
    }

    private sealed partial class Reader(MainDocumentPart main)
    {
        private readonly Dictionary<string, Style> styles = main.StyleDefinitionsPart?.Styles?.Elements<Style>()
            .Where(s => s.StyleId?.Value is not null).GroupBy(s => s.StyleId!.Value!).ToDictionary(g => g.Key, g => g.First()) ?? [];
        private readonly StringBuilder body = new();
        private int images, merged, headings, tables;

        public BulletinDocxImport Read()
        {
            var blocks = main.Document.Body!.ChildElements.Where(e => e is Paragraph or Table).ToList();
            string? title = null, subtitle = null;
            List<string> authors = [];
            var start = 0;
            // The first lines: a title (Title style, or centred and set larger or bold), then an optional ——subtitle and a short centred byline.
            while (start < blocks.Count && blocks[start] is Paragraph empty && Text(empty).Length == 0) start++;
            if (start < blocks.Count && blocks[start] is Paragraph first && IsTitle(first))
            {
                title = Text(first).Trim();
                start++;
                if (start < blocks.Count && blocks[start] is Paragraph sub && Text(sub).Trim() is { } s && (s.StartsWith("——", StringComparison.Ordinal) || s.StartsWith("--", StringComparison.Ordinal)))
                {
                    subtitle = s.TrimStart('—', '-').Trim();
                    start++;
                }
                if (start < blocks.Count && blocks[start] is Paragraph by && IsCentred(by) && Text(by).Trim() is { Length: > 0 and <= 40 } names && !names.EndsWith('。'))
                {
                    authors = [.. AuthorSeparators().Split(names).Select(n => n.Trim()).Where(n => n.Length > 0)];
                    start++;
                }
            }
            foreach (var block in blocks.Skip(start))
            {
                if (block is Table table) ReadTable(table);
                else ReadParagraph((Paragraph)block);
            }
            return new(title, subtitle, authors, body.ToString().Trim() + "\n", images, merged, headings, tables);
        }

        private void ReadParagraph(Paragraph p)
        {
            images += p.Descendants<Drawing>().Count() + p.Descendants<DocumentFormat.OpenXml.Vml.ImageData>().Count();
            var plain = Text(p).Trim();
            if (plain.Length == 0) return;
            var level = HeadingLevel(p, plain, out var numberLength);
            if (level > 0)
            {
                headings++;
                var text = plain[numberLength..].TrimStart();
                body.Append(new string('#', level + 1)).Append(' ').Append(Escape(text)).Append("\n\n");
                return;
            }
            var prefix = "";
            if (p.ParagraphProperties?.NumberingProperties is { } numbering) prefix = IsBulletList(numbering) ? "- " : "1. ";
            body.Append(prefix).Append(Inline(p)).Append("\n\n");
        }

        /// <summary>1–4 for a heading: its style or outline level first, else a hand-written 一、 （一） 1. （1） on a short line.</summary>
        private int HeadingLevel(Paragraph p, string plain, out int numberLength)
        {
            numberLength = 0;
            var outline = p.ParagraphProperties?.OutlineLevel?.Val?.Value ?? StyleOutline(p.ParagraphProperties?.ParagraphStyleId?.Val?.Value);
            var numbered = Numbered().Match(plain);
            if (numbered.Success) numberLength = numbered.Length;
            if (outline is >= 0 and < 4) return outline.Value + 1;
            // A numbered line that ends a sentence is a paragraph that starts with a number, not a heading.
            if (!numbered.Success || plain.Length > 40 || plain.EndsWith('。') || plain.EndsWith('；')) return 0;
            if (numbered.Groups["l1"].Success) return 1;
            if (numbered.Groups["l2"].Success) return 2;
            if (numbered.Groups["l3"].Success) return 3;
            return 4;
        }

        /// <summary>The outline level a paragraph style gives, through its based-on chain; heading 1–4 / 标题 1–4 by name too.</summary>
        private int? StyleOutline(string? styleId)
        {
            for (var depth = 0; styleId is not null && depth < 10 && styles.TryGetValue(styleId, out var style); depth++)
            {
                if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } level) return level;
                var name = style.StyleName?.Val?.Value ?? "";
                var m = HeadingName().Match(name);
                if (m.Success) return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1;
                styleId = style.BasedOn?.Val?.Value;
            }
            return null;
        }

        private bool IsTitle(Paragraph p)
        {
            var styleId = p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            if (styleId is not null && styles.TryGetValue(styleId, out var style) && style.StyleName?.Val?.Value is "Title" or "标题") return true;
            if (styleId is "Title") return true;
            var text = Text(p).Trim();
            if (!IsCentred(p) || text.Length is 0 or > 80 || text.EndsWith('。')) return false;
            var runs = p.Elements<Run>().Where(r => r.InnerText.Trim().Length > 0).ToList();
            return runs.Count > 0 && runs.All(r => r.RunProperties?.Bold is { } b && b.Val?.Value != false || (r.RunProperties?.FontSize?.Val?.Value is { } size && int.TryParse(size, out var half) && half >= 36));
        }

        private bool IsCentred(Paragraph p)
        {
            var jc = p.ParagraphProperties?.Justification?.Val?.Value;
            if (jc is null && p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is { } id && styles.TryGetValue(id, out var style)) jc = style.StyleParagraphProperties?.Justification?.Val?.Value;
            return jc == JustificationValues.Center;
        }

        private bool IsBulletList(NumberingProperties numbering)
        {
            var numId = numbering.NumberingId?.Val?.Value;
            var level = numbering.NumberingLevelReference?.Val?.Value ?? 0;
            var definitions = main.NumberingDefinitionsPart?.Numbering;
            if (numId is null || definitions is null) return true;
            var instance = definitions.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
            var abstractId = instance?.AbstractNumId?.Val?.Value;
            var format = definitions.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId)?
                .Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level)?.NumberingFormat?.Val?.Value;
            return format is null || format == NumberFormatValues.Bullet;
        }

        /// <summary>The paragraph's runs as Markdown: bold and italic kept, everything else plain text.</summary>
        private static string Inline(OpenXmlElement p)
        {
            var pieces = new List<(string Text, bool Bold, bool Italic)>();
            foreach (var run in p.Descendants<Run>())
            {
                var text = new StringBuilder();
                foreach (var child in run.ChildElements)
                {
                    if (child is Text t) text.Append(t.Text);
                    else if (child is TabChar) text.Append(' ');
                    else if (child is Break) text.Append(' ');
                }
                if (text.Length == 0) continue;
                var rp = run.RunProperties;
                var bold = rp?.Bold is { } b && b.Val?.Value != false;
                var italic = rp?.Italic is { } i && i.Val?.Value != false;
                if (pieces.Count > 0 && pieces[^1].Bold == bold && pieces[^1].Italic == italic) pieces[^1] = (pieces[^1].Text + text, bold, italic);
                else pieces.Add((text.ToString(), bold, italic));
            }
            var result = new StringBuilder();
            foreach (var (text, bold, italic) in pieces)
            {
                var trimmed = text.Trim();
                if (trimmed.Length == 0 || (!bold && !italic)) { result.Append(Escape(text)); continue; }
                // Markdown's emphasis must hug its words: spaces stay outside the markers.
                var lead = text[..(text.Length - text.TrimStart().Length)];
                var tail = text[text.TrimEnd().Length..];
                var mark = bold && italic ? "***" : bold ? "**" : "*";
                result.Append(lead).Append(mark).Append(Escape(trimmed)).Append(mark).Append(tail);
            }
            return result.ToString().Trim();
        }

        /// <summary>A table as a pipe table: the first row is the header; a cell merged across columns keeps its text in the first, the others stay empty.</summary>
        private void ReadTable(Table table)
        {
            tables++;
            images += table.Descendants<Drawing>().Count();
            var rows = new List<List<string>>();
            foreach (var row in table.Elements<TableRow>())
            {
                var cells = new List<string>();
                foreach (var cell in row.Elements<TableCell>())
                {
                    var span = cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
                    var continued = cell.TableCellProperties?.VerticalMerge is { } v && (v.Val is null || v.Val.Value == MergedCellValues.Continue);
                    if (span > 1 || continued) merged++;
                    var text = continued ? "" : string.Join(" ", cell.Elements<Paragraph>().Select(Inline).Where(t => t.Length > 0));
                    cells.Add(text);
                    for (var i = 1; i < span; i++) cells.Add("");
                }
                rows.Add(cells);
            }
            if (rows.Count == 0) return;
            var width = rows.Max(r => r.Count);
            foreach (var row in rows) while (row.Count < width) row.Add("");
            body.Append("| ").Append(string.Join(" | ", rows[0])).Append(" |\n");
            body.Append('|').Append(string.Concat(Enumerable.Repeat(" --- |", width))).Append('\n');
            foreach (var row in rows.Skip(1)) body.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
            body.Append('\n');
        }

        private static string Text(Paragraph p) =>
            string.Concat(p.Descendants<Run>().SelectMany(r => r.ChildElements).Select(c => c switch { Text t => t.Text, TabChar => " ", _ => "" }));

        /// <summary>Characters Markdown would read as markup are escaped, so the text prints as written.</summary>
        private static string Escape(string text)
        {
            var escaped = MarkdownSpecial().Replace(text, @"\$1");
            // A line that starts like a heading, quotation, list or container stays a paragraph.
            return LineStart().Replace(escaped, m => char.IsAsciiDigit(m.Value[0]) ? m.Value.Insert(m.Value.Length - 2, "\\") : "\\" + m.Value);
        }

        [GeneratedRegex(@"^(?:(?<l1>[一二三四五六七八九十]+、)|(?<l2>[（(][一二三四五六七八九十]+[）)])|(?<l3>\d{1,2}[.．、](?!\d))|(?<l4>[（(]\d{1,2}[）)]))")]
        private static partial Regex Numbered();

        [GeneratedRegex(@"^(?:heading|标题)\s*([1-4])$", RegexOptions.IgnoreCase)]
        private static partial Regex HeadingName();

        [GeneratedRegex(@"[、，,;；\s]+")]
        private static partial Regex AuthorSeparators();

        [GeneratedRegex(@"([\\`*_\[\]<>|])")]
        private static partial Regex MarkdownSpecial();

        [GeneratedRegex(@"^(#|:::|\d+[.)]\s|[-+=]\s|>)")]
        private static partial Regex LineStart();
    }
}
