using System.Globalization;

namespace Events.Core.Common;

/// <summary>
/// Which of a stored Chinese/English pair the reader sees: the English one when the reader has chosen English and it
/// exists, else the Chinese one (which is always there). One rule for titles and people's names, in pages and exports.
/// </summary>
public static class Bilingual
{
    public static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";

    /// <summary>The English text for an English reader when there is one; otherwise the Chinese text.</summary>
    public static string Pick(string chinese, string? english, CultureInfo culture) =>
        IsEnglish(culture) && !string.IsNullOrWhiteSpace(english) ? english.Trim() : chinese;

    /// <inheritdoc cref="Pick(string, string?, CultureInfo)"/>
    public static string Pick(string chinese, string? english) => Pick(chinese, english, CultureInfo.CurrentUICulture);

    /// <summary>
    /// A person's name for the reader. In English: the stored English name, with the Chinese name beside it when the
    /// two differ and <paramref name="withChinese"/> is set ("Mu Rongping (穆荣平)"), so readers can match the printed
    /// Chinese program. A foreign guest whose name is already Latin is shown once.
    /// </summary>
    public static string PersonName(string name, string? nameEn, CultureInfo culture, bool withChinese = false)
    {
        if (!IsEnglish(culture) || string.IsNullOrWhiteSpace(nameEn)) return name;
        var english = nameEn.Trim();
        return withChinese && !string.Equals(english, name.Trim(), StringComparison.OrdinalIgnoreCase) && HasCjk(name)
            ? $"{english} ({name})"
            : english;
    }

    /// <inheritdoc cref="PersonName(string, string?, CultureInfo, bool)"/>
    public static string PersonName(string name, string? nameEn, bool withChinese = false) =>
        PersonName(name, nameEn, CultureInfo.CurrentUICulture, withChinese);

    private static bool HasCjk(string s) => s.Any(c => c is >= '\u3400' and <= '\u9FFF');
}
