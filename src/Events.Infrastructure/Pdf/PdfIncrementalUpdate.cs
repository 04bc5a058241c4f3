using System.Globalization;
using System.IO.Compression;
using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Writer;

namespace Events.Infrastructure.Pdf;

/// <summary>
/// Changes a few objects of a finished PDF by appending them after its end, with a cross-reference section that points
/// back to the file's own (<c>/Prev</c>): a PDF incremental update (ISO 32000-1, 7.5.6). Nothing of the original is parsed
/// beyond the objects read through PdfPig, and nothing is rewritten, so changing a handful of objects in a 1,000-page
/// file costs milliseconds instead of a full parse and save. The original must use a classic cross-reference table
/// (as Chromium writes) and be unencrypted.
/// </summary>
public sealed class PdfIncrementalUpdate
{
    private readonly byte[] original;
    private readonly long previousXref;
    private readonly UglyToad.PdfPig.PdfDocument reading;
    private readonly Dictionary<long, (int Generation, IToken Value)> written = [];
    private long nextNumber;

    /// <param name="original">The complete file.</param>
    /// <param name="reading">The same file opened with PdfPig, to read its trailer and objects.</param>
    public PdfIncrementalUpdate(byte[] original, UglyToad.PdfPig.PdfDocument reading)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(reading);
        this.original = original;
        this.reading = reading;
        var trailer = reading.Structure.Trailer;
        if (trailer.EncryptionToken is not null) throw new InvalidOperationException("An encrypted PDF cannot be updated.");
        previousXref = StartXref(original);
        if (!IsClassicXrefAt(original, previousXref)) throw new InvalidOperationException("The PDF has no classic cross-reference table to append to.");
        nextNumber = trailer.Size;
    }

    /// <summary>An object of the file (or one already replaced here), with a reference resolved.</summary>
    public IToken? Resolve(IToken? token)
    {
        if (token is not IndirectReferenceToken reference) return token;
        if (written.TryGetValue(reference.Data.ObjectNumber, out var replaced)) return replaced.Value;
        return reading.Structure.GetObject(reference.Data).Data;
    }

    /// <summary>A new object number (generation 0) for an object to <see cref="Set"/>.</summary>
    public IndirectReference Allocate() => new(nextNumber++, 0);

    /// <summary>Writes <paramref name="value"/> as the object <paramref name="reference"/>, replacing the file's or adding a new one.</summary>
    public void Set(IndirectReference reference, IToken value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (reference.ObjectNumber <= 0 || reference.ObjectNumber >= nextNumber) throw new ArgumentOutOfRangeException(nameof(reference), "Not an object of the file nor one allocated here.");
        written[reference.ObjectNumber] = (reference.Generation, value);
    }

    /// <summary>Adds a stream object, deflated (with .NET's zlib) unless the dictionary already names a filter.</summary>
    public IndirectReference AddStream(DictionaryToken dictionary, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        var reference = Allocate();
        Set(reference, Stream(dictionary, data));
        return reference;
    }

    /// <summary>A stream token, deflated unless the dictionary already names a filter; its /Length set.</summary>
    public static StreamToken Stream(DictionaryToken dictionary, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        byte[] bytes;
        if (dictionary.ContainsKey(NameToken.Filter))
        {
            bytes = data.ToArray();
        }
        else
        {
            using var packed = new MemoryStream();
            using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(data);
            bytes = packed.ToArray();
            dictionary = dictionary.With(NameToken.Filter, NameToken.FlateDecode).Without(NameToken.DecodeParms);
        }
        return new StreamToken(dictionary.With(NameToken.Length, new NumericToken(bytes.Length)), bytes);
    }

    /// <summary>The original file with the changed and new objects appended, a cross-reference section for them and a trailer.</summary>
    public byte[] ToArray()
    {
        using var output = new MemoryStream(original.Length + 16_384);
        output.Write(original);
        if (original.Length > 0 && original[^1] is not (byte)'\n' and not (byte)'\r') output.WriteByte((byte)'\n');
        var offsets = new SortedDictionary<long, (long Offset, int Generation)>();
        foreach (var (number, (generation, value)) in written.OrderBy(w => w.Key))
        {
            offsets[number] = (output.Position, generation);
            Ascii(output, $"{number.ToString(CultureInfo.InvariantCulture)} {generation.ToString(CultureInfo.InvariantCulture)} obj\n");
            if (value is StreamToken stream)
            {
                TokenWriter.Instance.WriteToken(stream.StreamDictionary, output);
                Ascii(output, "\nstream\n");
                output.Write(stream.Data.Span);
                Ascii(output, "\nendstream");
            }
            else
            {
                TokenWriter.Instance.WriteToken(value, output);
            }
            Ascii(output, "\nendobj\n");
        }
        var xref = output.Position;
        var table = new StringBuilder("xref\n");
        var run = offsets.ToList();
        for (var i = 0; i < run.Count;)
        {
            var j = i;
            while (j + 1 < run.Count && run[j + 1].Key == run[j].Key + 1) j++;
            table.Append(CultureInfo.InvariantCulture, $"{run[i].Key} {j - i + 1}\n");
            for (var k = i; k <= j; k++) table.Append(CultureInfo.InvariantCulture, $"{run[k].Value.Offset:D10} {run[k].Value.Generation:D5} n\r\n");
            i = j + 1;
        }
        Ascii(output, table.ToString());
        var trailer = reading.Structure.Trailer;
        var entries = new Dictionary<NameToken, IToken>
        {
            [NameToken.Size] = new NumericToken(nextNumber),
            [NameToken.Root] = new IndirectReferenceToken(trailer.Root),
            [NameToken.Prev] = new NumericToken(previousXref),
        };
        if (trailer.Info is { } info) entries[NameToken.Info] = info;
        if (trailer.Identifier is { Count: > 0 } id) entries[NameToken.Id] = new ArrayToken(id.ToList());
        Ascii(output, "trailer\n");
        TokenWriter.Instance.WriteToken(new DictionaryToken(entries), output);
        Ascii(output, $"\nstartxref\n{xref.ToString(CultureInfo.InvariantCulture)}\n%%EOF\n");
        return output.ToArray();
    }

    private static void Ascii(Stream output, string text) => output.Write(Encoding.ASCII.GetBytes(text));

    /// <summary>The offset after the file's last <c>startxref</c>.</summary>
    private static long StartXref(byte[] pdf)
    {
        var tail = Encoding.ASCII.GetString(pdf, Math.Max(0, pdf.Length - 1024), Math.Min(1024, pdf.Length));
        var at = tail.LastIndexOf("startxref", StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException("The PDF has no startxref.");
        var digits = new string(tail[(at + "startxref".Length)..].SkipWhile(char.IsWhiteSpace).TakeWhile(char.IsAsciiDigit).ToArray());
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) && offset < pdf.Length
            ? offset
            : throw new InvalidOperationException("The PDF's startxref is not a position in the file.");
    }

    private static bool IsClassicXrefAt(byte[] pdf, long offset) =>
        offset + 4 <= pdf.Length && pdf.AsSpan((int)offset, 4).SequenceEqual("xref"u8);
}
