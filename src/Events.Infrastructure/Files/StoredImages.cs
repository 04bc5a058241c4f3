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

    /// <summary>Checks, cleans and stores <paramref name="content"/> in <paramref name="folder"/>; the stored name, or why it was refused.</summary>
    public static async Task<(ImageProblem Problem, string? Stored)> SaveAsync(FileStore files, string folder, Stream content, long maxBytes, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        var check = await ImageValidator.ReadAsync(content, maxBytes, buffer, ct);
        if (!check.IsValid) return (check.Problem, null);
        if (!Accepts(check)) return (ImageProblem.NotAnImage, null);
        var clean = ImageSanitizer.Clean(buffer.ToArray(), check);
        if (clean.Content is null) return (clean.Check.Problem, null);
        return (ImageProblem.None, await files.SaveAsync(folder, check.Extension!, new MemoryStream(clean.Content), ct));
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
