using System.Globalization;
using System.Text;

namespace Events.Core.Papers.Anonymity;

/// <summary>
/// Finds the byline's names, emails and affiliations in text read from a PDF, for the double-blind warning at upload.
/// Chinese (CJK) terms are written without spaces, and PDF text extraction often puts spaces or full-width forms between
/// characters, so they are matched as one contiguous string after NFKC folding with all white space removed from both sides.
/// Latin terms are matched case-insensitively, without accents, on word boundaries ("Li" never matches "Lithium"), with the
/// name's words in either order ("Wei Zhang" and "Zhang Wei"). A name is only matched whole: a single family name
/// ("Li", "Wang") alone would flag every paper that cites one, so single-word Latin names shorter than four letters and
/// single-character names are not looked for at all. Affiliations shorter than four characters ("MIT" aside) are skipped
/// for the same reason. The result is a warning, so a rare miss is better than a warning on every paper.
/// </summary>
public static class AnonymityMatcher
{
    private const int MinimumSingleWordName = 4;
    private const int MinimumAffiliation = 4;

    public static IReadOnlyList<AnonymityFinding> Find(IEnumerable<BylineAuthor> authors, IEnumerable<PdfText> texts)
    {
        var terms = Terms(authors).ToList();
        var found = new List<AnonymityFinding>();
        if (terms.Count == 0) return found;
        foreach (var text in texts)
        {
            var folded = Fold(text.Text);
            var compact = RemoveSpaces(folded);
            foreach (var term in terms.Where(t => t.Matches(folded, compact)))
            {
                var finding = new AnonymityFinding(term.Kind, term.Display, text.Place, text.Page, text.Field);
                if (!found.Contains(finding)) found.Add(finding);
            }
        }
        return found;
    }

    /// <summary>Whether <paramref name="name"/> (a byline name) occurs in <paramref name="text"/> under the rules above.</summary>
    public static bool ContainsName(string text, string name) =>
        NameTerm(name) is { } term && term.Matches(Fold(text), RemoveSpaces(Fold(text)));

    private static IEnumerable<Term> Terms(IEnumerable<BylineAuthor> authors)
    {
        foreach (var author in authors)
        {
            if (NameTerm(author.Name) is { } name) yield return name;
            if (!string.IsNullOrWhiteSpace(author.Email) && author.Email.Contains('@', StringComparison.Ordinal))
            {
                var email = Fold(author.Email.Trim());
                yield return new Term(IdentityKind.Email, author.Email.Trim(), [email], Contiguous: false);
            }
            if (!string.IsNullOrWhiteSpace(author.Affiliation) && PhraseTerm(IdentityKind.Affiliation, author.Affiliation, MinimumAffiliation) is { } affiliation)
            {
                yield return affiliation;
            }
        }
    }

    private static Term? NameTerm(string name)
    {
        var folded = Fold(name).Trim();
        if (folded.Length == 0) return null;
        if (IsCjk(folded))
        {
            var compact = RemoveSpaces(folded);
            return compact.Length < 2 ? null : new Term(IdentityKind.Name, name.Trim(), [compact], Contiguous: true);
        }
        var words = folded.Split([' ', '\t', ',', '.'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || (words.Length == 1 && words[0].Length < MinimumSingleWordName)) return null;
        var forms = new List<string> { string.Join(' ', words) };
        if (words.Length > 1) forms.Add(string.Join(' ', words.Skip(1).Append(words[0])));
        if (words.Length > 1) forms.Add(string.Join(' ', words[^1..].Concat(words[..^1])));
        return new Term(IdentityKind.Name, name.Trim(), forms.Distinct().ToList(), Contiguous: false);
    }

    private static Term? PhraseTerm(IdentityKind kind, string value, int minimum)
    {
        var folded = Fold(value).Trim();
        if (IsCjk(folded))
        {
            var compact = RemoveSpaces(folded);
            return compact.Length < minimum ? null : new Term(kind, value.Trim(), [compact], Contiguous: true);
        }
        var phrase = string.Join(' ', folded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return phrase.Length < minimum ? null : new Term(kind, value.Trim(), [phrase], Contiguous: false);
    }

    /// <summary>NFKC (full-width letters and digits become ASCII), lower case, accents dropped, white space runs made one space.</summary>
    internal static string Fold(string s)
    {
        var decomposed = s.Normalize(NormalizationForm.FormKC).Normalize(NormalizationForm.FormD);
        var b = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                space = true;
                continue;
            }
            if (space && b.Length > 0) b.Append(' ');
            space = false;
            b.Append(char.ToLowerInvariant(c));
        }
        return b.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string RemoveSpaces(string s) => s.Replace(" ", "", StringComparison.Ordinal);

    private static bool IsCjk(string s) => s.Any(c => c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uAC00' and <= '\uD7AF');

    private sealed record Term(IdentityKind Kind, string Display, IReadOnlyList<string> Forms, bool Contiguous)
    {
        public bool Matches(string folded, string compact) =>
            Contiguous ? Forms.Any(f => compact.Contains(f, StringComparison.Ordinal)) : Forms.Any(f => ContainsWord(folded, f));

        /// <summary>A whole-word occurrence: neither neighbour is a letter or digit (so "li" is not in "lithium", nor "ann" in "joanna").</summary>
        private static bool ContainsWord(string text, string phrase)
        {
            for (var i = text.IndexOf(phrase, StringComparison.Ordinal); i >= 0; i = text.IndexOf(phrase, i + 1, StringComparison.Ordinal))
            {
                var before = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
                var end = i + phrase.Length;
                var after = end == text.Length || !char.IsLetterOrDigit(text[end]);
                if (before && after) return true;
            }
            return false;
        }
    }
}
