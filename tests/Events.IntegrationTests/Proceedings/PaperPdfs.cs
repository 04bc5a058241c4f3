using System.Globalization;
using Events.Infrastructure.Proceedings;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Events.IntegrationTests.Proceedings;

/// <summary>Camera-ready papers made for the tests: the title on the first page, and a marker on every page that says which paper and page it is.</summary>
public static class PaperPdfs
{
    public static string Marker(int number, int page) => $"PAPER{number:000}P{page:000}";

    public static byte[] Make(int number, string title, int pages)
    {
        StampFonts.EnsureInstalled();
        using var doc = new PdfDocument();
        // Uncompressed: PDFsharp 6.2.4's own Flate output draws qpdf warnings (see VolumeAssembler).
        doc.Options.CompressContentStreams = false;
        var titleFont = new XFont(StampFonts.Family, 16, XFontStyleEx.Regular, XPdfFontOptions.UnicodeDefault);
        var body = new XFont(StampFonts.Family, 11, XFontStyleEx.Regular, XPdfFontOptions.UnicodeDefault);
        for (var p = 1; p <= pages; p++)
        {
            var page = doc.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            using var gfx = XGraphics.FromPdfPage(page);
            if (p == 1) gfx.DrawString(title, titleFont, XBrushes.Black, new XPoint(60, 120));
            gfx.DrawString(Marker(number, p), body, XBrushes.Black, new XPoint(60, 160));
            gfx.DrawString(string.Create(CultureInfo.InvariantCulture, $"正文第{p}页：区域创新与协同发展的实证研究。"), body, XBrushes.Black, new XPoint(60, 190));
        }
        using var output = new MemoryStream();
        doc.Save(output, closeStream: false);
        return output.ToArray();
    }
}
