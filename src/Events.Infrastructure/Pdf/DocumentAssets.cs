using System.Collections.Concurrent;

namespace Events.Infrastructure.Pdf;

/// <summary>
/// The files a document may load while it is printed (fonts, styles, images), read from the asset root and kept in memory:
/// the same few font files serve every render. Only known file types under the root are served.
/// </summary>
public sealed class DocumentAssets(string root)
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".woff2"] = "font/woff2",
        [".woff"] = "font/woff",
        [".ttf"] = "font/ttf",
        [".css"] = "text/css; charset=utf-8",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".svg"] = "image/svg+xml",
    };

    private readonly string root = string.IsNullOrEmpty(root) ? "" : Path.GetFullPath(root);
    private readonly ConcurrentDictionary<string, Asset?> cache = new(StringComparer.Ordinal);

    public sealed record Asset(byte[] Content, string ContentType);

    /// <summary>The file at an absolute URL path such as "/fonts/x.woff2"; null when it is missing, outside the root or of an unknown type.</summary>
    public Asset? Find(string urlPath) => root.Length == 0 ? null : cache.GetOrAdd(urlPath, Load);

    private Asset? Load(string urlPath)
    {
        var relative = Uri.UnescapeDataString(urlPath).TrimStart('/');
        if (relative.Length == 0 || !ContentTypes.TryGetValue(Path.GetExtension(relative), out var type)) return null;
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full)) return null;
        return new Asset(File.ReadAllBytes(full), type);
    }
}
