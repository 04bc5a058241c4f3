using System.Text;
using System.Text.RegularExpressions;

namespace Events.Infrastructure.Papers.PdfSafety;

/// <summary>What the scan of a PDF's raw bytes found: how much its streams decode to and how many objects it holds.</summary>
public sealed record PdfScanResult(PdfScanVerdict Verdict, long Objects, long DecodedBytes, long LargestStream)
{
    public bool IsWithinLimits => Verdict == PdfScanVerdict.WithinLimits;
}

public enum PdfScanVerdict
{
    WithinLimits,
    TooManyObjects,
    StreamTooLarge,
    TotalTooLarge,
}

/// <summary>
/// Looks at a PDF's bytes before any parser does. PdfPig and PDFsharp decode a stream whole into memory when they read it,
/// so a few hundred kilobytes of nested Flate can cost gigabytes. This scan does not trust the file's structure (the cross
/// reference table, /Length, the page tree): it finds every "stream" keyword, reads the filter chain from the dictionary in
/// front of it, and runs the data through counting decoders that keep nothing, stopping at the first byte over a limit.
/// Each decoder reads on past /Length until its own end marker, so a forged /Length or a fake "endstream" inside the data
/// can only make the count larger, never smaller. Objects are counted from "obj" keywords plus the /N of object streams.
/// </summary>
public static partial class PdfBombScan
{
    private const int DictionaryWindow = 16 * 1024;
    private static ReadOnlySpan<byte> StreamKeyword => "stream"u8;
    private static ReadOnlySpan<byte> ObjKeyword => "obj"u8;

    public static PdfScanResult Check(byte[] pdf, PdfLimits limits)
    {
        var objects = CountObjects(pdf);
        if (objects > limits.MaxObjects) return new(PdfScanVerdict.TooManyObjects, objects, 0, 0);

        long total = 0, largest = 0;
        var buffer = new byte[64 * 1024];
        for (var at = IndexOf(pdf, StreamKeyword, 0); at >= 0; at = IndexOf(pdf, StreamKeyword, at + StreamKeyword.Length))
        {
            var dataStart = DataStart(pdf, at);
            if (dataStart < 0) continue;
            var dictionary = DictionaryBefore(pdf, at);
            if (ObjectStreamCount(dictionary) is { } packed)
            {
                objects += packed;
                if (objects > limits.MaxObjects) return new(PdfScanVerdict.TooManyObjects, objects, total, largest);
            }
            var budget = Math.Min(limits.MaxStreamBytes, limits.MaxTotalBytes - total) + 1;
            var decoded = Decode(pdf, dataStart, Filters(dictionary), budget, buffer);
            total += decoded;
            largest = Math.Max(largest, decoded);
            if (decoded > limits.MaxStreamBytes) return new(PdfScanVerdict.StreamTooLarge, objects, total, largest);
            if (total > limits.MaxTotalBytes) return new(PdfScanVerdict.TotalTooLarge, objects, total, largest);
        }
        return new(PdfScanVerdict.WithinLimits, objects, total, largest);
    }

    /// <summary>Decoded length of the stream at <paramref name="start"/>, read no further than <paramref name="budget"/> bytes.</summary>
    private static long Decode(byte[] pdf, int start, IReadOnlyList<string> filters, long budget, byte[] buffer)
    {
        Stream stream = new MemoryStream(pdf, start, pdf.Length - start, writable: false);
        var expands = false;
        foreach (var filter in filters)
        {
            if (DecodeStreams.Wrap(filter, stream) is not { } next) break;
            stream = next;
            expands = true;
        }
        // Unfiltered data and image codecs (DCT, JPX, CCITT, JBIG2) are not expanded by the parsers we protect; their
        // cost is their raw size, which the upload limit already bounds.
        if (!expands) return 0;
        long count = 0;
        try
        {
            using (stream)
            {
                int read;
                while (count < budget && (read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, budget - count))) > 0) count += read;
            }
        }
        catch (InvalidDataException)
        {
            // Corrupt data ends the stream here, as it ends the parser's decoding.
        }
        return count;
    }

    private static long CountObjects(byte[] pdf)
    {
        long count = 0;
        for (var at = IndexOf(pdf, ObjKeyword, 1); at >= 0; at = IndexOf(pdf, ObjKeyword, at + ObjKeyword.Length))
        {
            // "12 0 obj": whitespace and a digit before, a delimiter after; "endobj" has a letter before.
            if (at >= 2 && IsWhite(pdf[at - 1]) && IsDigitBeforeWhite(pdf, at - 1) && (at + 3 >= pdf.Length || !IsRegular(pdf[at + 3]))) count++;
        }
        return count;
    }

    private static bool IsDigitBeforeWhite(byte[] pdf, int at)
    {
        while (at > 0 && IsWhite(pdf[at - 1])) at--;
        return at > 0 && pdf[at - 1] is >= (byte)'0' and <= (byte)'9';
    }

    /// <summary>Where the data of the "stream" keyword at <paramref name="at"/> starts, or -1 when it is "endstream" or not a keyword.</summary>
    private static int DataStart(byte[] pdf, int at)
    {
        if (at >= 3 && pdf[at - 3] == 'e' && pdf[at - 2] == 'n' && pdf[at - 1] == 'd') return -1;
        var i = at + StreamKeyword.Length;
        if (i < pdf.Length && pdf[i] == '\r') i++;
        if (i < pdf.Length && pdf[i] == '\n') i++;
        return i == at + StreamKeyword.Length || i >= pdf.Length ? -1 : i;
    }

    private static string DictionaryBefore(byte[] pdf, int at)
    {
        var from = Math.Max(0, at - DictionaryWindow);
        var window = pdf.AsSpan(from, at - from);
        var obj = window.LastIndexOf(ObjKeyword);
        return Encoding.Latin1.GetString(obj >= 0 ? window[obj..] : window);
    }

    internal static IReadOnlyList<string> Filters(string dictionary)
    {
        var match = FilterPattern().Match(dictionary);
        if (!match.Success) return [];
        return match.Groups["one"].Success
            ? [match.Groups["one"].Value]
            : NamePattern().Matches(match.Groups["many"].Value).Select(m => m.Groups[1].Value).ToList();
    }

    private static long? ObjectStreamCount(string dictionary)
    {
        if (!ObjStmPattern().IsMatch(dictionary)) return null;
        var n = CountPattern().Match(dictionary);
        return n.Success && long.TryParse(n.Groups[1].Value, out var value) ? value : null;
    }

    private static int IndexOf(byte[] pdf, ReadOnlySpan<byte> value, int from)
    {
        if (from >= pdf.Length) return -1;
        var i = pdf.AsSpan(from).IndexOf(value);
        return i < 0 ? -1 : from + i;
    }

    private static bool IsWhite(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;
    private static bool IsRegular(byte b) => !IsWhite(b) && b is not ((byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%');

    [GeneratedRegex(@"/Filter\s*(?:/(?<one>[A-Za-z0-9]+)|\[(?<many>[^\]]*)\])")]
    private static partial Regex FilterPattern();

    [GeneratedRegex(@"/([A-Za-z0-9]+)")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"/Type\s*/ObjStm\b")]
    private static partial Regex ObjStmPattern();

    [GeneratedRegex(@"/N\s+(\d+)")]
    private static partial Regex CountPattern();
}
