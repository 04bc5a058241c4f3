using System.Security.Cryptography;
using System.Text;
using Events.Core.Security;

namespace Events.Infrastructure.Security;

/// <summary>
/// HMAC-SHA256 codes (see <see cref="ISignedCodes"/>). The token is base64url of
/// [format byte][subject id varint][version varint][first 16 bytes of the MAC]; the short code is
/// [length of the id][the id][40 bits of a separate MAC] in a 32-letter alphabet without 0, O, 1 and I.
/// Purpose and version are inside the MAC only, so changing either, or any character, fails the check.
/// </summary>
public sealed class SignedCodes : ISignedCodes
{
    /// <summary>Digits 2–9 and the letters without I and O: nothing a reader can take for another character.</summary>
    public const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private const byte TokenFormat = 1;
    private const int TokenMacBytes = 16;
    private const int ShortMacChars = 8; // 40 bits
    private const int MaxIdChars = 7;    // 35 bits: every int id
    private const int EarlierVersionsTried = 64;

    private readonly byte[] key;

    public SignedCodes(byte[] key)
    {
        if (key.Length < 32) throw new ArgumentException("The signing key must have at least 256 bits.", nameof(key));
        this.key = key.ToArray();
    }

    public string Token(SignedSubject subject)
    {
        Guard(subject);
        Span<byte> buffer = stackalloc byte[1 + 5 + 5 + TokenMacBytes];
        buffer[0] = TokenFormat;
        var length = 1;
        length += WriteVarint(buffer[length..], (uint)subject.SubjectId);
        length += WriteVarint(buffer[length..], (uint)subject.Version);
        Mac("t", subject).AsSpan(0, TokenMacBytes).CopyTo(buffer[length..]);
        length += TokenMacBytes;
        return Base64Url(buffer[..length]);
    }

    public string ShortCode(SignedSubject subject)
    {
        Guard(subject);
        var id = ToBase32((ulong)subject.SubjectId, 0);
        var mac = Mac("s", subject);
        var macValue = ((ulong)mac[0] << 32) | ((ulong)mac[1] << 24) | ((ulong)mac[2] << 16) | ((ulong)mac[3] << 8) | mac[4];
        var raw = Alphabet[id.Length] + id + ToBase32(macValue, ShortMacChars);
        return Group(raw);
    }

    public SignedCodeClaim? Parse(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var text = code.Trim();
        return ParseShort(text) ?? ParseToken(text);
    }

    public SignedCodeCheck Check(string purpose, int subjectId, int currentVersion, string? code)
    {
        var claim = Parse(code);
        if (claim is null || claim.SubjectId != subjectId || currentVersion < 0) return SignedCodeCheck.Invalid;
        if (claim.IsShortCode)
        {
            var typed = Normalize(code!);
            if (Matches(typed, new SignedSubject(purpose, subjectId, currentVersion))) return SignedCodeCheck.Valid;
            for (var v = currentVersion - 1; v >= Math.Max(0, currentVersion - EarlierVersionsTried); v--)
            {
                if (Matches(typed, new SignedSubject(purpose, subjectId, v))) return SignedCodeCheck.Superseded;
            }
            return SignedCodeCheck.Invalid;
        }

        var version = claim.Version!.Value;
        if (version > currentVersion) return SignedCodeCheck.Invalid;
        var expected = Encoding.ASCII.GetBytes(Token(new SignedSubject(purpose, subjectId, version)));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(code!.Trim()))) return SignedCodeCheck.Invalid;
        return version == currentVersion ? SignedCodeCheck.Valid : SignedCodeCheck.Superseded;
    }

    /// <summary>Upper case without the group dashes and spaces, as typed codes are compared.</summary>
    public static string Normalize(string code) =>
        new(code.Where(c => c is not ('-' or ' ' or '\u2010' or '\u2013' or '\u2014' or '\uFF0D')).Select(char.ToUpperInvariant).ToArray());

    private bool Matches(string typed, SignedSubject subject) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Normalize(ShortCode(subject))), Encoding.ASCII.GetBytes(typed));

    private static SignedCodeClaim? ParseShort(string text)
    {
        var raw = Normalize(text);
        if (raw.Length < 2 + ShortMacChars || raw.Length > 1 + MaxIdChars + ShortMacChars) return null;
        if (raw.Any(c => Alphabet.IndexOf(c) < 0)) return null;
        var idChars = Alphabet.IndexOf(raw[0]);
        if (idChars is < 1 or > MaxIdChars || raw.Length != 1 + idChars + ShortMacChars) return null;
        ulong id = 0;
        foreach (var c in raw.AsSpan(1, idChars)) id = id * 32 + (ulong)Alphabet.IndexOf(c);
        return id is 0 or > int.MaxValue ? null : new SignedCodeClaim((int)id, null, true);
    }

    private static SignedCodeClaim? ParseToken(string text)
    {
        if (text.Length is < 20 or > 40) return null;
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - text.Length % 4) % 4));
        }
        catch (FormatException)
        {
            return null;
        }
        if (bytes.Length < 3 + TokenMacBytes || bytes[0] != TokenFormat) return null;
        var at = 1;
        if (!ReadVarint(bytes, ref at, out var id) || !ReadVarint(bytes, ref at, out var version)) return null;
        if (bytes.Length - at != TokenMacBytes || id is 0 or > int.MaxValue || version > int.MaxValue) return null;
        return new SignedCodeClaim((int)id, (int)version, false);
    }

    private byte[] Mac(string form, SignedSubject subject)
    {
        var message = Encoding.UTF8.GetBytes($"events-signed-code\n{form}\n{subject.Purpose}\n{subject.SubjectId}\n{subject.Version}");
        return HMACSHA256.HashData(key, message);
    }

    private static void Guard(SignedSubject subject)
    {
        if (string.IsNullOrWhiteSpace(subject.Purpose) || subject.Purpose.Contains('\n')) throw new ArgumentException("A purpose is one word.", nameof(subject));
        if (subject.SubjectId <= 0) throw new ArgumentOutOfRangeException(nameof(subject), "Subject ids are positive.");
        if (subject.Version < 0) throw new ArgumentOutOfRangeException(nameof(subject), "Versions start at 0.");
    }

    private static string ToBase32(ulong value, int width)
    {
        var chars = new List<char>();
        do
        {
            chars.Add(Alphabet[(int)(value % 32)]);
            value /= 32;
        } while (value > 0);
        while (chars.Count < width) chars.Add(Alphabet[0]);
        chars.Reverse();
        return new string(chars.ToArray());
    }

    private static string Group(string raw)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < raw.Length; i++)
        {
            if (i > 0 && i % 4 == 0) sb.Append('-');
            sb.Append(raw[i]);
        }
        return sb.ToString();
    }

    private static int WriteVarint(Span<byte> into, uint value)
    {
        var n = 0;
        while (value >= 0x80)
        {
            into[n++] = (byte)(value | 0x80);
            value >>= 7;
        }
        into[n++] = (byte)value;
        return n;
    }

    private static bool ReadVarint(byte[] bytes, ref int at, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 35 && at < bytes.Length; shift += 7)
        {
            var b = bytes[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return true;
        }
        return false;
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
