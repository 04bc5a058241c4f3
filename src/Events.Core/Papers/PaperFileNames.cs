using System.Text;

namespace Events.Core.Papers;

/// <summary>
/// The uploader's file name, kept only for display and downloads by the authors. Files are stored under names the app
/// chooses; this name never becomes a path, but it is still cut to its last segment and cleaned, so it reads safely
/// everywhere it is shown (pages, headers, mail).
/// </summary>
public static class PaperFileNames
{
    public const string Fallback = "paper.pdf";
    private const int MaxLength = 120;

    public static string Display(string? uploaded)
    {
        var name = (uploaded ?? "").Normalize(NormalizationForm.FormC);
        // Both separators: a browser on Windows may send "C:\Users\...\paper.pdf", a crafted request "../../x".
        var cut = name.LastIndexOfAny(['/', '\\']);
        if (cut >= 0) name = name[(cut + 1)..];

        var clean = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsControl(c) || c is '"' or '<' or '>' or ':' or '|' or '?' or '*' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format) continue;
            clean.Append(c);
        }
        name = clean.ToString().Trim().Trim('.').Trim();
        if (name.Length == 0) return Fallback;
        if (!name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) name += ".pdf";
        if (name.Length > MaxLength) name = string.Concat(name.AsSpan(0, MaxLength - 4).TrimEnd(), ".pdf");
        return name;
    }
}
