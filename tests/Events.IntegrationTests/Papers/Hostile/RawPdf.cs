using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Events.IntegrationTests.Papers.Hostile;

/// <summary>
/// Writes a PDF object by object, the way a hostile or careless producer could: every object, filter and cross-reference
/// entry is exactly what the test says, with no library in between to tidy it up.
/// </summary>
public sealed class RawPdf
{
    private readonly List<byte[]> objects = [];

    /// <summary>Reserves the next object number (1-based), for objects that refer to each other.</summary>
    public int Reserve()
    {
        objects.Add([]);
        return objects.Count;
    }

    public int Add(string body) => Set(Reserve(), body);

    public int Set(int number, string body)
    {
        objects[number - 1] = Latin1($"{number} 0 obj\n{body}\nendobj\n");
        return number;
    }

    /// <summary>A stream object; <paramref name="dictionary"/> is the inside of its dictionary without /Length.</summary>
    public int AddStream(string dictionary, byte[] data) => SetStream(Reserve(), dictionary, data);

    public int SetStream(int number, string dictionary, byte[] data)
    {
        var head = Latin1($"{number} 0 obj\n<< {dictionary} /Length {data.Length.ToString(CultureInfo.InvariantCulture)} >>\nstream\n");
        objects[number - 1] = [.. head, .. data, .. Latin1("\nendstream\nendobj\n")];
        return number;
    }

    /// <summary>The whole file with a correct cross-reference table; <paramref name="trailer"/> is the inside of the trailer dictionary.</summary>
    public byte[] Build(string trailer)
    {
        using var output = new MemoryStream();
        output.Write(Latin1("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"));
        var offsets = new List<long>();
        foreach (var o in objects)
        {
            offsets.Add(output.Position);
            output.Write(o);
        }
        var xref = output.Position;
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} {trailer} >>\nstartxref\n{xref}\n%%EOF\n");
        output.Write(Latin1(table.ToString()));
        return output.ToArray();
    }

    public static byte[] Latin1(string s) => Encoding.Latin1.GetBytes(s);

    /// <summary>A PDF text string: plain when ASCII, else UTF-16BE with a byte-order mark in hex, as word processors write names.</summary>
    public static string Text(string value) => value.All(c => c < 128)
        ? "(" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal) + ")"
        : "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value)) + ">";

    /// <summary>Data compressed with zlib, as /FlateDecode expects.</summary>
    public static byte[] Flate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) z.Write(data);
        return output.ToArray();
    }

    /// <summary>Zlib data that inflates to <paramref name="size"/> zero bytes, written in pieces so the test itself stays small in memory.</summary>
    public static byte[] FlateZeros(long size)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var chunk = new byte[1024 * 1024];
            for (long written = 0; written < size; written += chunk.Length) z.Write(chunk, 0, (int)Math.Min(chunk.Length, size - written));
        }
        return output.ToArray();
    }
}
