using System.Globalization;
using System.Text;

namespace Events.Core.Validation;

/// <summary>
/// Checks for the Chinese identifiers people type into forms: mainland mobile numbers, resident ID numbers
/// (GB 11643, with its ISO 7064 MOD 11-2 check digit) and unified social credit codes (GB 32100, 纳税人识别号, with
/// its mod-31 check character). Each check takes what people actually type — full-width digits, spaces, hyphens,
/// a +86 prefix, a lower-case x — and gives back the normalised form to store.
/// </summary>
public static class ChineseIdentifiers
{
    /// <summary>
    /// The 11-digit mainland mobile number (1[3-9] and nine digits) in <paramref name="input"/>, or null when it is not one.
    /// Accepts full-width digits, spaces, hyphens and a +86 / 0086 / 86 prefix.
    /// </summary>
    public static string? NormalizeMobile(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var s = Compact(input);
        if (s.StartsWith('+')) s = s[1..];
        if (s.Length == 15 && s.StartsWith("0086", StringComparison.Ordinal)) s = s[4..];
        else if (s.Length == 13 && s.StartsWith("86", StringComparison.Ordinal)) s = s[2..];
        if (s.Length != 11 || !s.All(char.IsAsciiDigit)) return null;
        return s[0] == '1' && s[1] >= '3' && s[1] <= '9' ? s : null;
    }

    public static bool IsMobile(string? input) => NormalizeMobile(input) is not null;

    /// <summary>Why a resident ID number is not valid; <see cref="ResidentIdProblem.None"/> when it is.</summary>
    public static ResidentIdProblem CheckResidentId(string? input, DateOnly? today = null)
    {
        if (string.IsNullOrWhiteSpace(input)) return ResidentIdProblem.Format;
        var s = Compact(input).ToUpperInvariant();
        if (s.Length != 18 || !s[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(s[17]) || s[17] == 'X')) return ResidentIdProblem.Format;
        if (s[0] == '0' || s[0] == '9') return ResidentIdProblem.Format;
        if (!DateOnly.TryParseExact(s.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900 || birth > (today ?? DateOnly.FromDateTime(DateTime.UtcNow)))
            return ResidentIdProblem.BirthDate;
        return ResidentIdCheckDigit(s[..17]) == s[17] ? ResidentIdProblem.None : ResidentIdProblem.CheckDigit;
    }

    /// <summary>The 18-character resident ID number, upper-case X, or null when it is not valid.</summary>
    public static string? NormalizeResidentId(string? input) =>
        CheckResidentId(input) == ResidentIdProblem.None ? Compact(input!).ToUpperInvariant() : null;

    /// <summary>GB 11643 check character of the first 17 digits (ISO 7064 MOD 11-2).</summary>
    public static char ResidentIdCheckDigit(string first17)
    {
        if (first17.Length != 17 || !first17.All(char.IsAsciiDigit)) throw new ArgumentException("17 digits expected.", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * ResidentIdWeights[i];
        return "10X98765432"[sum % 11];
    }

    private static readonly int[] ResidentIdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>The characters of a unified social credit code (GB 32100): digits and upper-case letters without I, O, S, V, Z.</summary>
    public const string CreditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] CreditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Why a unified social credit code is not valid; <see cref="CreditCodeProblem.None"/> when it is.</summary>
    public static CreditCodeProblem CheckCreditCode(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return CreditCodeProblem.Format;
        var s = Compact(input).ToUpperInvariant();
        if (s.Length != 18) return CreditCodeProblem.Format;
        if (s.Any(c => !CreditCodeAlphabet.Contains(c))) return CreditCodeProblem.Format;
        // The region code (digits 3–8) is numeric.
        if (!s.Substring(2, 6).All(char.IsAsciiDigit)) return CreditCodeProblem.Format;
        return CreditCodeCheckCharacter(s[..17]) == s[17] ? CreditCodeProblem.None : CreditCodeProblem.CheckDigit;
    }

    /// <summary>The 18-character code in upper case, or null when it is not valid.</summary>
    public static string? NormalizeCreditCode(string? input) =>
        CheckCreditCode(input) == CreditCodeProblem.None ? Compact(input!).ToUpperInvariant() : null;

    /// <summary>GB 32100 check character of the first 17 characters: 31 − (Σ value × weight mod 31), 31 read as 0.</summary>
    public static char CreditCodeCheckCharacter(string first17)
    {
        if (first17.Length != 17) throw new ArgumentException("17 characters expected.", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = CreditCodeAlphabet.IndexOf(char.ToUpperInvariant(first17[i]));
            if (v < 0) throw new ArgumentException("Not a credit code character.", nameof(first17));
            sum += v * CreditCodeWeights[i];
        }
        return CreditCodeAlphabet[(31 - sum % 31) % 31];
    }

    /// <summary>A mobile number as lists show it to those who may not see it: 138****1234.</summary>
    public static string MaskMobile(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var n = NormalizeMobile(value) ?? Compact(value);
        return n.Length >= 7 ? n[..3] + "****" + n[^4..] : new string('*', n.Length);
    }

    /// <summary>An ID number masked but for its first and last four characters: 1101**********123X.</summary>
    public static string MaskIdNumber(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var s = Compact(value);
        return s.Length > 8 ? s[..4] + new string('*', s.Length - 8) + s[^4..] : new string('*', s.Length);
    }

    /// <summary>Full-width letters and digits folded to ASCII, spaces and hyphens removed.</summary>
    public static string Compact(string input)
    {
        var sb = new StringBuilder(input.Length);
        foreach (var raw in input)
        {
            var c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw;
            if (char.IsWhiteSpace(c) || c is '-' or '\u2014' or '\u2013' or '\u3000') continue;
            sb.Append(c);
        }
        return sb.ToString();
    }
}

public enum ResidentIdProblem
{
    None,
    /// <summary>Not 18 digits (the last may be X), or an impossible region.</summary>
    Format,
    /// <summary>Digits 7–14 are not a real birth date up to today.</summary>
    BirthDate,
    CheckDigit,
}

public enum CreditCodeProblem
{
    None,
    /// <summary>Not 18 characters of the GB 32100 alphabet.</summary>
    Format,
    CheckDigit,
}
