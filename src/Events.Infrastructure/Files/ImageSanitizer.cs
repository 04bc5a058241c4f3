using SkiaSharp;

namespace Events.Infrastructure.Files;

/// <summary>A photo as the app stores it: freshly encoded pixels, or why it was refused.</summary>
public sealed record CleanImage(ImageCheck Check, byte[]? Content);

/// <summary>
/// Decodes an uploaded image and encodes its pixels again, so what is stored is only an image: bytes appended to or
/// hidden in the file (an HTML polyglot, a script after the end marker) and metadata (EXIF with GPS position, camera,
/// names) do not survive. The EXIF orientation is applied to the pixels first, since it is dropped with the rest.
/// The size in pixels is read from the header and bounded before anything is decoded, so a small file that
/// claims huge dimensions (a decompression bomb) never allocates its bitmap.
/// </summary>
public static class ImageSanitizer
{
    /// <summary>25 megapixels: a 6000 × 4000 camera photo fits; decoding it takes 100 MB at most.</summary>
    public const long MaxPixels = 25_000_000;

    private const int JpegQuality = 90;

    /// <summary>Re-encodes <paramref name="content"/>, which <see cref="ImageValidator.Sniff"/> found to be <paramref name="sniffed"/>.</summary>
    public static CleanImage Clean(byte[] content, ImageCheck sniffed)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(sniffed);
        if (!sniffed.IsValid) return new(sniffed, null);
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat != FormatOf(sniffed)) return Refuse(ImageProblem.NotAnImage);
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0) return Refuse(ImageProblem.NotAnImage);
        if ((long)width * height > MaxPixels) return Refuse(ImageProblem.TooManyPixels);

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        using var decoded = new SKBitmap(info);
        // A truncated or corrupt file is refused rather than stored with grey where its pixels are missing.
        if (codec.GetPixels(info, decoded.GetPixels()) != SKCodecResult.Success) return Refuse(ImageProblem.NotAnImage);

        using var upright = Orient(decoded, codec.EncodedOrigin);
        using var pixels = upright.PeekPixels();
        using var encoded = codec.EncodedFormat switch
        {
            SKEncodedImageFormat.Png => pixels.Encode(new SKPngEncoderOptions()),
            SKEncodedImageFormat.Jpeg => pixels.Encode(new SKJpegEncoderOptions(JpegQuality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore)),
            _ => pixels.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, JpegQuality)),
        };
        return encoded is null ? Refuse(ImageProblem.NotAnImage) : new(sniffed, encoded.ToArray());
    }

    private static CleanImage Refuse(ImageProblem problem) => new(ImageCheck.Fail(problem), null);

    private static SKEncodedImageFormat FormatOf(ImageCheck sniffed) => sniffed.Extension switch
    {
        ".png" => SKEncodedImageFormat.Png,
        ".jpg" => SKEncodedImageFormat.Jpeg,
        _ => SKEncodedImageFormat.Webp,
    };

    /// <summary>The pixels turned as the EXIF orientation says a viewer shows them (x' = ScaleX·x + SkewX·y + TransX, …).</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        var (w, h) = ((float)source.Width, (float)source.Height);
        SKMatrix? matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => null,
        };
        if (matrix is not { } m) return source.Copy();
        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var turned = new SKBitmap(source.Info.WithSize(swaps ? source.Height : source.Width, swaps ? source.Width : source.Height));
        using var canvas = new SKCanvas(turned);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(m);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default);
        return turned;
    }
}
