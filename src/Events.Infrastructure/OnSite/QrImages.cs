using System.Globalization;
using System.Text;
using QRCoder;

namespace Events.Infrastructure.OnSite;

/// <summary>QR codes for printed documents (badges, certificates). Black on white with the quiet zone, error correction M.</summary>
public static class QrImages
{
    public static byte[] Png(string text, int pixelsPerModule = 8)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    public static string DataUri(string text, int pixelsPerModule = 8) => "data:image/png;base64," + Convert.ToBase64String(Png(text, pixelsPerModule));

    /// <summary>
    /// The code as an inline SVG element sized by its container: one path of the dark runs of each row, quiet zone
    /// included. Printed, it stays vector (sharp at any size) and costs Chromium no image to decode and re-encode.
    /// </summary>
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder(size * size);
        for (var y = 0; y < size; y++)
        {
            var row = matrix[y];
            var x = 0;
            while (x < size)
            {
                if (!row[x])
                {
                    x++;
                    continue;
                }
                var start = x;
                while (x < size && row[x]) x++;
                path.Append(CultureInfo.InvariantCulture, $"M{start} {y}h{x - start}v1h{start - x}z");
            }
        }
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\" aria-hidden=\"true\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>";
    }
}
