namespace Events.Infrastructure.Files;

public enum ImageProblem
{
    None,
    Empty,
    TooLarge,
    NotAnImage,
    NotFound,
    /// <summary>Width × height over <see cref="ImageSanitizer.MaxPixels"/>, read from the header before decoding.</summary>
    TooManyPixels,
}

public sealed record ImageCheck(ImageProblem Problem, string? Extension, string? ContentType)
{
    public bool IsValid => Problem == ImageProblem.None;
    public static ImageCheck Fail(ImageProblem problem) => new(problem, null, null);
}

/// <summary>
/// Accepts PNG, JPEG and WebP by their leading bytes, never by the uploader's file name or declared type. This is the
/// first filter only: <see cref="ImageSanitizer"/> then decodes and re-encodes what passes.
/// </summary>
public static class ImageValidator
{
    public static async Task<ImageCheck> ReadAsync(Stream content, long maxBytes, Stream copyTo, CancellationToken ct = default)
    {
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            total += read;
            if (total > maxBytes) return ImageCheck.Fail(ImageProblem.TooLarge);
            await copyTo.WriteAsync(chunk.AsMemory(0, read), ct);
        }
        if (total == 0) return ImageCheck.Fail(ImageProblem.Empty);

        copyTo.Position = 0;
        var head = new byte[12];
        var n = await copyTo.ReadAsync(head, ct);
        return Sniff(head.AsSpan(0, n));
    }

    public static ImageCheck Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return new(ImageProblem.None, ".png", "image/png");
        if (head.StartsWith((byte[])[0xFF, 0xD8, 0xFF])) return new(ImageProblem.None, ".jpg", "image/jpeg");
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return new(ImageProblem.None, ".webp", "image/webp");
        return ImageCheck.Fail(ImageProblem.NotAnImage);
    }

    public static string ContentTypeOf(string storedName) => Path.GetExtension(storedName) switch
    {
        ".png" => "image/png",
        ".jpg" => "image/jpeg",
        ".webp" => "image/webp",
        _ => "application/octet-stream",
    };
}
