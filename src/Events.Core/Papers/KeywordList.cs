namespace Events.Core.Papers;

/// <summary>Keywords as typed in Chinese or English: separated by ；; ，, 、 or commas, stored joined by "；".</summary>
public static class KeywordList
{
    private static readonly char[] Separators = ['；', ';', '，', ',', '、'];

    public static IReadOnlyList<string> Split(string? keywords) =>
        (keywords ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static string? Normalize(string? keywords)
    {
        var list = Split(keywords);
        return list.Count == 0 ? null : string.Join("；", list);
    }
}
