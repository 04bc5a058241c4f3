using System.Globalization;

namespace Events.Core.OnSite;

/// <summary>
/// A badge band's colour: a hex <c>#RRGGBB</c> chosen per registration category, or, when the organizer chose none,
/// the palette's colour for the category's place in the list. The band's text is black or white, whichever contrasts more.
/// </summary>
public static class BadgeColours
{
    /// <summary>Dark enough for white text and apart from one another when printed: blue, red, green, purple, orange-brown, teal, indigo, grey.</summary>
    public static readonly IReadOnlyList<string> Palette = ["#1565C0", "#C62828", "#2E7D32", "#6A1B9A", "#A84300", "#00695C", "#283593", "#455A64"];

    /// <summary>The speaker band of a speaker without a category (the same red as the palette's second).</summary>
    public const string Speaker = "#C62828";

    /// <summary>The band of a delegate without a category.</summary>
    public const string Delegate = "#1565C0";

    /// <summary>True for <c>#RRGGBB</c> (either case), the only form stored.</summary>
    public static bool IsValid(string? hex) =>
        hex is { Length: 7 } && hex[0] == '#' && hex.Skip(1).All(char.IsAsciiHexDigit);

    /// <summary>The stored form (<c>#RRGGBB</c> upper case) of a valid colour; null for empty or invalid.</summary>
    public static string? Normalize(string? hex)
    {
        var t = hex?.Trim();
        if (t is { Length: 6 } && t.All(char.IsAsciiHexDigit)) t = "#" + t;
        return IsValid(t) ? t!.ToUpperInvariant() : null;
    }

    /// <summary>The palette's colour for the category at position <paramref name="index"/> in the event's list.</summary>
    public static string ForIndex(int index) => Palette[((index % Palette.Count) + Palette.Count) % Palette.Count];

    /// <summary>#000000 or #FFFFFF, whichever has the higher WCAG contrast ratio against the band colour.</summary>
    public static string TextOn(string hex)
    {
        var l = Luminance(hex);
        var withWhite = 1.05 / (l + 0.05);
        var withBlack = (l + 0.05) / 0.05;
        return withWhite >= withBlack ? "#FFFFFF" : "#000000";
    }

    /// <summary>The WCAG contrast ratio between two colours (1 to 21).</summary>
    public static double Contrast(string a, string b)
    {
        var (x, y) = (Luminance(a), Luminance(b));
        return (Math.Max(x, y) + 0.05) / (Math.Min(x, y) + 0.05);
    }

    private static double Luminance(string hex)
    {
        var n = Normalize(hex) ?? throw new ArgumentException("Not a #RRGGBB colour.", nameof(hex));
        double Channel(int at)
        {
            var c = int.Parse(n.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(1) + 0.7152 * Channel(3) + 0.0722 * Channel(5);
    }
}
