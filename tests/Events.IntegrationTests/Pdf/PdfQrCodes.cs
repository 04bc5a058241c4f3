using System.Diagnostics;
using ZXing;
using ZXing.Common;

namespace Events.IntegrationTests.Pdf;

/// <summary>
/// Every QR code on a page of a PDF: the page rendered with pdftoppm (poppler-utils) at 200 dpi in grey and read with
/// ZXing. The badge tests' private helper, shared here for certificates (the badge tests can switch to it).
/// </summary>
public static class PdfQrCodes
{
    public static List<string> Decode(byte[] pdf, int page)
    {
        var dir = Path.Combine(Path.GetTempPath(), "pdf-qr-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var file = Path.Combine(dir, "document.pdf");
            File.WriteAllBytes(file, pdf);
            var start = new ProcessStartInfo("pdftoppm", ["-r", "200", "-gray", "-f", $"{page}", "-l", $"{page}", file, Path.Combine(dir, "p")])
            { RedirectStandardError = true };
            using (var process = Process.Start(start)!)
            {
                process.WaitForExit();
                Assert.True(process.ExitCode == 0, "pdftoppm: " + process.StandardError.ReadToEnd());
            }
            var (width, height, pixels) = ReadPgm(File.ReadAllBytes(Directory.GetFiles(dir, "p*.pgm").Single()));
            var source = new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
            var results = new ZXing.Multi.QrCode.QRCodeMultiReader().decodeMultiple(new BinaryBitmap(new HybridBinarizer(source)),
                new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true });
            return results?.Select(r => r.Text).ToList() ?? [];
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>A binary PGM (P5, 8 bits): header "P5 width height 255" then one byte per pixel.</summary>
    private static (int Width, int Height, byte[] Pixels) ReadPgm(byte[] data)
    {
        var at = 0;
        string Next()
        {
            while (char.IsWhiteSpace((char)data[at])) at++;
            var begin = at;
            while (!char.IsWhiteSpace((char)data[at])) at++;
            return System.Text.Encoding.ASCII.GetString(data, begin, at - begin);
        }
        Assert.Equal("P5", Next());
        var width = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("255", Next());
        at++;
        return (width, height, data[at..(at + width * height)]);
    }
}
