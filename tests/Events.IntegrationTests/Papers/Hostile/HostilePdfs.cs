using System.Text;

namespace Events.IntegrationTests.Papers.Hostile;

/// <summary>
/// The hostile and identifying PDFs of the upload corpus, made in code at test time (no binary fixtures). Each is what a
/// real tool or a real attacker produces: names left by word processors and viewers, scripts and launch actions, bombs,
/// files that are two formats at once, and broken structure.
/// </summary>
public static class HostilePdfs
{
    public const string LatinMarker = "Zhang Marker";
    public const string ChineseMarker = "张标记";

    /// <summary>The text a marked paper visibly shows; the only place the reviewer copy may keep a marker.</summary>
    public const string VisibleText = "Visible: " + LatinMarker;

    /// <summary>
    /// One page that shows <see cref="VisibleText"/>, an image and a form, and carries both markers in every other place a
    /// name can hide: document information, XMP (document, page, image, form), /PieceInfo (catalogue, page, form), annotation
    /// authors, contents and rich text, a popup, a file attachment annotation, an embedded CV (/Names /EmbeddedFiles and /AF),
    /// bookmarks, JavaScript (/Names and /OpenAction), /AA on catalogue and page, a Launch link, a URI link, a SubmitForm
    /// action, an AcroForm field's name and value, structure alt text, an article thread and /SpiderInfo.
    /// </summary>
    public static byte[] MarkedEverywhere()
    {
        var pdf = new RawPdf();
        var (catalog, pages, page) = (pdf.Reserve(), pdf.Reserve(), pdf.Reserve());
        var (l, c) = (RawPdf.Text(LatinMarker), RawPdf.Text(ChineseMarker));
        var both = $"{LatinMarker} {ChineseMarker}";
        var pieceInfo = $"<< /Word << /LastModified (D:20240101) /Private << /Author {l} /Name {c} >> >> >>";

        var font = pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var image = pdf.AddStream($"/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Metadata {Xmp(pdf, both)} 0 R /PieceInfo {pieceInfo}", [0x80]);
        var form = pdf.AddStream($"/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << >> /Metadata {Xmp(pdf, both)} 0 R /PieceInfo {pieceInfo} /LastModified {l}",
            RawPdf.Latin1("0 0 m 100 100 l S"));
        var content = pdf.AddStream("/Filter /FlateDecode", RawPdf.Flate(RawPdf.Latin1(
            $"BT /F1 18 Tf 72 720 Td ({VisibleText}) Tj ET\nq 50 0 0 50 72 600 cm /Im1 Do Q\nq 1 0 0 1 200 600 cm /Fm1 Do Q")));

        var js = pdf.Add($"<< /S /JavaScript /JS (app.alert\\('{LatinMarker}'\\);) >>");
        var cv = pdf.AddStream("/Type /EmbeddedFile /Subtype /text#2Fplain", Encoding.UTF8.GetBytes($"Curriculum vitae of {both}"));
        var fileSpec = pdf.Add($"<< /Type /Filespec /F (cv-{LatinMarker}.txt) /UF {RawPdf.Text(ChineseMarker + ".txt")} /Desc {l} /EF << /F {cv} 0 R /UF {cv} 0 R >> /AFRelationship /Supplement >>");
        var popup = pdf.Reserve();
        var note = pdf.Add($"<< /Type /Annot /Subtype /Text /Rect [300 700 320 720] /T {l} /Contents {c} /RC (<p>{LatinMarker}</p>) /Popup {popup} 0 R /P {page} 0 R >>");
        pdf.Set(popup, $"<< /Type /Annot /Subtype /Popup /Rect [320 600 500 700] /Parent {note} 0 R /T {c} >>");
        var attachment = pdf.Add($"<< /Type /Annot /Subtype /FileAttachment /Rect [300 650 320 670] /FS {fileSpec} 0 R /T {c} /Contents {l} >>");
        var launch = pdf.Add($"<< /Type /Annot /Subtype /Link /Rect [72 500 200 520] /A << /S /Launch /F ({LatinMarker}.exe) /Win << /F (cmd.exe) /P (/c echo {LatinMarker}) >> >> >>");
        var link = pdf.Add($"<< /Type /Annot /Subtype /Link /Rect [72 460 200 480] /A << /S /URI /URI (https://example.org/{LatinMarker}) >> >>");
        var field = pdf.Add($"<< /Type /Annot /Subtype /Widget /FT /Tx /T {c} /V {l} /TU {l} /Rect [72 400 300 420] /P {page} 0 R /A << /S /SubmitForm /F << /FS /URL /F (https://example.org/{LatinMarker}) >> >> /AA << /K {js} 0 R >> >>");

        var bookmark = pdf.Reserve();
        var outlines = pdf.Add($"<< /Type /Outlines /First {bookmark} 0 R /Last {bookmark} 0 R /Count 1 >>");
        pdf.Set(bookmark, $"<< /Title {c} /Parent {outlines} 0 R /Dest [{page} 0 R /Fit] >>");
        var structure = pdf.Add($"<< /Type /StructTreeRoot /K << /S /Figure /Alt {l} /ActualText {c} /T {l} >> >>");
        var (thread, bead) = (pdf.Reserve(), pdf.Reserve());
        pdf.Set(thread, $"<< /Type /Thread /I << /Title {l} /Author {c} >> /F {bead} 0 R >>");
        pdf.Set(bead, $"<< /Type /Bead /T {thread} 0 R /N {bead} 0 R /V {bead} 0 R /P {page} 0 R /R [72 72 500 700] >>");

        pdf.Set(page, $"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R"
            + $" /Resources << /Font << /F1 {font} 0 R >> /XObject << /Im1 {image} 0 R /Fm1 {form} 0 R >> >>"
            + $" /Annots [{note} 0 R {popup} 0 R {attachment} 0 R {launch} 0 R {link} 0 R {field} 0 R] /B [{bead} 0 R]"
            + $" /PieceInfo {pieceInfo} /Metadata {Xmp(pdf, both)} 0 R /AA << /O {js} 0 R >> /AF [{fileSpec} 0 R] /StructParents 0 >>");
        pdf.Set(pages, $"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>");
        pdf.Set(catalog, $"<< /Type /Catalog /Pages {pages} 0 R /Outlines {outlines} 0 R /OpenAction {js} 0 R /AA << /WC {js} 0 R >>"
            + $" /Names << /JavaScript << /Names [(init) {js} 0 R] >> /EmbeddedFiles << /Names [(cv-{LatinMarker}.txt) {fileSpec} 0 R] >> >>"
            + $" /AF [{fileSpec} 0 R] /PieceInfo {pieceInfo} /Metadata {Xmp(pdf, both)} 0 R /AcroForm << /Fields [{field} 0 R] >>"
            + $" /StructTreeRoot {structure} 0 R /MarkInfo << /Marked true >> /Threads [{thread} 0 R] /SpiderInfo << /V 1.0 /Title {l} >> /Lang (zh-CN)"
            + $" /URI << /Base (https://example.org/{LatinMarker}/) >> >>");
        var info = pdf.Add($"<< /Author {l} /Title {c} /Subject {l} /Keywords {c} /Creator (Microsoft Word - {LatinMarker}.docx) /Company {c} /CreationDate (D:20240101000000Z) >>");
        return pdf.Build($"/Root {catalog} 0 R /Info {info} 0 R");
    }

    private static int Xmp(RawPdf pdf, string name) => pdf.AddStream("/Type /Metadata /Subtype /XML", Encoding.UTF8.GetBytes($"""
        <?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>{name}</rdf:li></rdf:Seq></dc:creator></rdf:Description>
        </rdf:RDF></x:xmpmeta><?xpacket end="w"?>
        """));

    /// <summary>A one-page PDF whose catalogue gets <paramref name="catalogExtra"/> (objects added by <paramref name="extra"/>).</summary>
    public static byte[] OnePage(Func<RawPdf, int, string>? extra = null, string text = "A hostile paper", string pageExtra = "")
    {
        var pdf = new RawPdf();
        var (catalog, pages, page) = (pdf.Reserve(), pdf.Reserve(), pdf.Reserve());
        var font = pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var content = pdf.AddStream("", RawPdf.Latin1($"BT /F1 12 Tf 72 720 Td ({text}) Tj ET"));
        var catalogExtra = extra?.Invoke(pdf, page) ?? "";
        pdf.Set(page, $"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R /Resources << /Font << /F1 {font} 0 R >> >> {pageExtra} >>");
        pdf.Set(pages, $"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>");
        pdf.Set(catalog, $"<< /Type /Catalog /Pages {pages} 0 R {catalogExtra} >>");
        return pdf.Build($"/Root {catalog} 0 R");
    }

    public static byte[] OpenActionJavaScript() => OnePage((pdf, _) =>
        $"/OpenAction {pdf.Add("<< /S /JavaScript /JS (app.launchURL\\('https://evil.example/'\\);) >>")} 0 R");

    public static byte[] NamesJavaScript() => OnePage((pdf, _) =>
        $"/Names << /JavaScript << /Names [(a) {pdf.Add("<< /S /JavaScript /JS (this.exportDataObject\\({cName: 'x', nLaunch: 2}\\);) >>")} 0 R] >> >>");

    public static byte[] LaunchAction() => OnePage((pdf, _) =>
        $"/OpenAction << /S /Launch /Win << /F (cmd.exe) /P (/c calc) >> /F (/bin/sh) >>",
        pageExtra: "/AA << /O << /S /Launch /F (payload.exe) >> >>");

    public static byte[] EmbeddedFile() => OnePage((pdf, _) =>
    {
        var file = pdf.AddStream("/Type /EmbeddedFile", Encoding.UTF8.GetBytes($"CV of {LatinMarker}"));
        var spec = pdf.Add($"<< /Type /Filespec /F (cv.txt) /UF (cv.txt) /EF << /F {file} 0 R >> >>");
        return $"/Names << /EmbeddedFiles << /Names [(cv.txt) {spec} 0 R] >> >> /AF [{spec} 0 R]";
    });

    public static byte[] AnnotationAuthor() => OnePage((pdf, page) =>
        "", pageExtra: $"/Annots [<< /Type /Annot /Subtype /Text /Rect [0 0 10 10] /T {RawPdf.Text(ChineseMarker)} /Contents {RawPdf.Text(LatinMarker)} >>]");

    /// <summary>A page whose content stream inflates to <paramref name="size"/> bytes (400 MB from about 400 KB).</summary>
    public static byte[] FlateBomb(long size = 400L * 1024 * 1024)
    {
        var pdf = new RawPdf();
        var (catalog, pages, page) = (pdf.Reserve(), pdf.Reserve(), pdf.Reserve());
        var content = pdf.AddStream("/Filter /FlateDecode", RawPdf.FlateZeros(size));
        pdf.Set(page, $"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R /Resources << >> >>");
        pdf.Set(pages, $"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>");
        pdf.Set(catalog, $"<< /Type /Catalog /Pages {pages} 0 R >>");
        return pdf.Build($"/Root {catalog} 0 R");
    }

    /// <summary>Flate inside Flate: a few kilobytes that decode to <paramref name="size"/> bytes.</summary>
    public static byte[] NestedFlateBomb(long size = 1024L * 1024 * 1024)
    {
        var pdf = new RawPdf();
        var (catalog, pages, page) = (pdf.Reserve(), pdf.Reserve(), pdf.Reserve());
        var content = pdf.AddStream("/Filter [/FlateDecode /FlateDecode]", RawPdf.Flate(RawPdf.FlateZeros(size)));
        pdf.Set(page, $"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R /Resources << >> >>");
        pdf.Set(pages, $"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>");
        pdf.Set(catalog, $"<< /Type /Catalog /Pages {pages} 0 R >>");
        return pdf.Build($"/Root {catalog} 0 R");
    }

    /// <summary><paramref name="count"/> content streams of <paramref name="each"/> bytes: every one small, together too much.</summary>
    public static byte[] ManyStreamsBomb(int count = 300, long each = 2L * 1024 * 1024)
    {
        var pdf = new RawPdf();
        var (catalog, pages, page) = (pdf.Reserve(), pdf.Reserve(), pdf.Reserve());
        var data = RawPdf.FlateZeros(each);
        var streams = Enumerable.Range(0, count).Select(_ => pdf.AddStream("/Filter /FlateDecode", data)).ToList();
        pdf.Set(page, $"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 595 842] /Contents [{string.Join(' ', streams.Select(s => $"{s} 0 R"))}] /Resources << >> >>");
        pdf.Set(pages, $"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>");
        pdf.Set(catalog, $"<< /Type /Catalog /Pages {pages} 0 R >>");
        return pdf.Build($"/Root {catalog} 0 R");
    }

    /// <summary>A valid page plus <paramref name="count"/> unused objects.</summary>
    public static byte[] ManyObjects(int count = 300_000) => OnePage((pdf, _) =>
    {
        for (var i = 0; i < count; i++) pdf.Add("null");
        return "";
    });

    /// <summary>A page tree whose /Kids contains the tree itself.</summary>
    public static byte[] PageTreeCycle()
    {
        var pdf = new RawPdf();
        var (catalog, pages, page) = (pdf.Reserve(), pdf.Reserve(), pdf.Reserve());
        var content = pdf.AddStream("", RawPdf.Latin1("BT ET"));
        pdf.Set(page, $"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R /Resources << >> >>");
        pdf.Set(pages, $"<< /Type /Pages /Kids [{page} 0 R {pages} 0 R] /Count 2 >>");
        pdf.Set(catalog, $"<< /Type /Catalog /Pages {pages} 0 R >>");
        return pdf.Build($"/Root {catalog} 0 R");
    }

    /// <summary>A page tree that claims a million pages and references one page a million times.</summary>
    public static byte[] HugePageCount(int pages = 1_000_000)
    {
        var pdf = new RawPdf();
        var (catalog, tree, page) = (pdf.Reserve(), pdf.Reserve(), pdf.Reserve());
        var content = pdf.AddStream("", RawPdf.Latin1("BT ET"));
        pdf.Set(page, $"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R /Resources << >> >>");
        pdf.Set(tree, $"<< /Type /Pages /Kids [{string.Concat(Enumerable.Repeat($"{page} 0 R ", pages))}] /Count {pages} >>");
        pdf.Set(catalog, $"<< /Type /Catalog /Pages {tree} 0 R >>");
        return pdf.Build($"/Root {catalog} 0 R");
    }

    /// <summary>A valid file whose cross-reference offsets all point to the wrong place.</summary>
    public static byte[] MalformedXref()
    {
        var bytes = OnePage();
        var text = Encoding.Latin1.GetString(bytes);
        var xref = text.LastIndexOf("\nxref\n", StringComparison.Ordinal) + 1;
        var trailer = text.IndexOf("trailer", xref, StringComparison.Ordinal);
        var entries = System.Text.RegularExpressions.Regex.Replace(text[xref..trailer], @"^\d{10} 00000 n", "0000000003 00000 n", System.Text.RegularExpressions.RegexOptions.Multiline);
        return Encoding.Latin1.GetBytes(text[..xref] + entries + text[trailer..]);
    }

    /// <summary>A PDF whose comment line is an HTML page with a script, for anything that sniffs content.</summary>
    public static byte[] PdfHtmlPolyglot()
    {
        var bytes = OnePage();
        var html = RawPdf.Latin1("%<html><body><script>alert(document.cookie)</script></body></html>\n");
        var header = Array.IndexOf(bytes, (byte)'\n') + 1;
        return Shift(bytes, header, html);
    }

    /// <summary>A PDF with a ZIP archive appended after %%EOF followed by a second %%EOF, so both tools open it.</summary>
    public static byte[] PdfZipPolyglot()
    {
        using var zipBytes = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(zipBytes, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("payload.html").Open();
            entry.Write(RawPdf.Latin1("<script>alert(1)</script>"));
        }
        return [.. OnePage(), .. zipBytes.ToArray(), .. RawPdf.Latin1("\n%%EOF\n")];
    }

    /// <summary>A JPEG header with a PDF after it: a JPEG to an image viewer, a PDF to lenient readers.</summary>
    public static byte[] JpegPdfPolyglot() => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. RawPdf.Latin1("JFIF\0"), .. new byte[9], .. OnePage()];

    /// <summary>Inserts <paramref name="insert"/> at <paramref name="at"/> and moves the xref offsets after it along.</summary>
    private static byte[] Shift(byte[] pdf, int at, byte[] insert)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var xref = text.LastIndexOf("\nxref\n", StringComparison.Ordinal) + 1;
        var trailerEnd = text.IndexOf("startxref\n", xref, StringComparison.Ordinal);
        var table = System.Text.RegularExpressions.Regex.Replace(text[xref..trailerEnd], @"^(\d{10}) 00000 n", m =>
            $"{long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + insert.Length:D10} 00000 n", System.Text.RegularExpressions.RegexOptions.Multiline);
        var rebuilt = text[..at] + Encoding.Latin1.GetString(insert) + text[at..xref] + table + $"startxref\n{xref + insert.Length}\n%%EOF\n";
        return Encoding.Latin1.GetBytes(rebuilt);
    }
}
