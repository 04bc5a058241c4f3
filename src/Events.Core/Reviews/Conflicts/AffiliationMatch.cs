using System.Globalization;
using System.Text;

namespace Events.Core.Reviews.Conflicts;

/// <summary>
/// Whether two affiliations name the same institution, or one is part of the other.
/// <para>
/// Both sides are normalized first: full-width forms folded (NFKC), case folded, and every space and punctuation mark
/// dropped, so "Tsinghua University" and "tsinghua-university" or "（中国科学院）" and "中国科学院" are equal.
/// A field may list several units separated by ；/; or line breaks; any pair of units may match.
/// </para>
/// <para>
/// Two units match when they are equal, or when one contains the other and the shorter has at least
/// <see cref="MinContainedLength"/> characters. So 中国科学院 (the academy written as a whole) matches
/// 中国科学院科技战略咨询研究院: the author may belong to that very institute and the organizer must look.
/// Two different institutes, 中国科学院科技战略咨询研究院 and 中国科学院大学, share a prefix only and do not match;
/// neither do two schools of one university written in full. Over-flagging here is the safe side: an organizer can
/// still assign someone else, while a missed conflict is a biased review.
/// </para>
/// </summary>
public static class AffiliationMatch
{
    /// <summary>Shorter units ("大学", "MIT" inside other words) would match almost anything by containment.</summary>
    public const int MinContainedLength = 4;

    private static readonly char[] UnitSeparators = [';', '；', '\n', '\r'];

    public static bool Matches(string? a, string? b) => MatchingUnit(a, b) is not null;

    /// <summary>The unit of <paramref name="b"/> (as written) that matches a unit of <paramref name="a"/>, or null.</summary>
    public static string? MatchingUnit(string? a, string? b) => MatchingUnit(Prepare(a), Prepare(b));

    /// <summary>An affiliation split and normalized once, for comparing it with many others.</summary>
    public static PreparedAffiliation Prepare(string? value) =>
        new(string.IsNullOrWhiteSpace(value) ? [] : Units(value).Select(u => (u, Normalize(u))).Where(u => u.Item2.Length > 0).ToArray());

    public static string? MatchingUnit(PreparedAffiliation a, PreparedAffiliation b)
    {
        foreach (var (raw, right) in b.Units)
        {
            foreach (var (_, left) in a.Units)
            {
                if (UnitsMatch(left, right)) return raw;
            }
        }
        return null;
    }

    public static string Normalize(string value)
    {
        var folded = value.Normalize(NormalizationForm.FormKC);
        var text = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) || category == UnicodeCategory.Format) continue;
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }

    private static string[] Units(string value) =>
        value.Split(UnitSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool UnitsMatch(string a, string b)
    {
        if (a == b) return true;
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return shorter.Length >= MinContainedLength && longer.Contains(shorter, StringComparison.Ordinal);
    }
}

/// <summary>The units of an affiliation as written and normalized.</summary>
public sealed record PreparedAffiliation((string Raw, string Normalized)[] Units);
