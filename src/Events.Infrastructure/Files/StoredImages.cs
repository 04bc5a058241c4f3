using SkiaSharp;

namespace Events.Infrastructure.Files;

/// <summary>
/// A small uploaded picture kept in the file store (a certificate's seal or logo, an event's logo): PNG or JPEG by its
/// magic bytes (never by name or declared type; SVG and WebP are refused), at most a given size, decoded and re-encoded by
/// <see cref="ImageSanitizer"/> so nothing but pixels is kept, under an app-chosen name outside the web root.
/// </summary>
public static class StoredImages
{
    /// <summary>PNG or JPEG only (by magic bytes).</summary>
    public static bool Accepts(ImageCheck check) => check.IsValid && check.Extension is ".png" or ".jpg";

    /// <summary>
    /// Checks, cleans and stores <paramref name="content"/> in <paramref name="folder"/>; the stored name, or why it was refused.
    /// A picture (when <paramref name="maxSide"/> is given) longer than that many pixels on its long side is scaled down to it (its shape kept).
    /// </summary>
    public static async Task<(ImageProblem Problem, string? Stored)> SaveAsync(FileStore files, string folder, Stream content, long maxBytes, int? maxSide = null, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        var check = await ImageValidator.ReadAsync(content, maxBytes, buffer, ct);
        if (!check.IsValid) return (check.Problem, null);
        if (!Accepts(check)) return (ImageProblem.NotAnImage, null);
        var clean = ImageSanitizer.Clean(buffer.ToArray(), check);
        if (clean.Content is null) return (clean.Check.Problem, null);
        var bytes = maxSide is { } side ? Fit(clean.Content, check, side) : clean.Content;
        return (ImageProblem.None, await files.SaveAsync(folder, check.Extension!, new MemoryStream(bytes), ct));
    }

    /// <summary>The (already cleaned) picture scaled down so its long side is at most <paramref name="side"/> pixels, in its own format.</summary>
    private static byte[] Fit(byte[] content, ImageCheck check, int side)
    {
        using var source = SKBitmap.Decode(content);
        if (source is null || Math.Max(source.Width, source.Height) <= side) return content;
        var scale = (double)side / Math.Max(source.Width, source.Height);
        var info = source.Info.WithSize(Math.Max(1, (int)Math.Round(source.Width * scale)), Math.Max(1, (int)Math.Round(source.Height * scale)));
        using var scaled = source.Resize(info, new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var pixels = scaled.PeekPixels();
        using var encoded = check.Extension == ".png"
            ? pixels.Encode(new SKPngEncoderOptions())
            : pixels.Encode(new SKJpegEncoderOptions(90, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore));
        return encoded?.ToArray() ?? content;
    }

    /// <summary>A stored picture as a data URI, for printing it inside a PDF without any URL; null when there is none.</summary>
    public static string? DataUri(FileStore files, string folder, string? stored)
    {
        if (stored is null) return null;
        using var stream = files.OpenRead(folder, stored);
        if (stream is null) return null;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return $"data:{ImageValidator.ContentTypeOf(stored)};base64,{Convert.ToBase64String(copy.ToArray())}";
    }
}
