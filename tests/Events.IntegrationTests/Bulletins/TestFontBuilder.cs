using System.Buffers.Binary;
using System.Text;

namespace Events.IntegrationTests.Bulletins;

/// <summary>
/// Builds a small but complete TrueType font in memory (cmap format 4, glyf/loca, head, hhea, hmtx, maxp, name, OS/2,
/// post), one square glyph per character, so that upload tests need no licensed font in the repository. Browsers load it
/// as they would a real font (it passes Chromium's font sanitizer), so the PDF embeds and names it.
/// </summary>
public static class TestFontBuilder
{
    public static byte[] Build(string familyEnglish, string? familyChinese, string postScriptName, IEnumerable<char> characters, ushort fsType = 0)
    {
        var chars = characters.Append(' ').Where(c => c != '\uFFFF').Distinct().Order().ToList();
        var glyphCount = chars.Count + 1; // glyph 0 is .notdef
        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["OS/2"] = Os2(chars, fsType),
            ["cmap"] = Cmap(chars),
            ["head"] = Head(),
            ["hhea"] = Hhea(glyphCount),
            ["hmtx"] = Hmtx(glyphCount),
            ["maxp"] = Maxp(glyphCount),
            ["name"] = Name(familyEnglish, familyChinese, postScriptName),
            ["post"] = Post(),
        };
        var (glyf, loca) = Glyphs(chars);
        tables["glyf"] = glyf;
        tables["loca"] = loca;
        return Assemble(tables);
    }

    private static byte[] Assemble(SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var header = 12 + count * 16;
        var total = header + tables.Values.Sum(t => (t.Length + 3) & ~3);
        var font = new byte[total];
        var s = font.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(s, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(s[4..], (ushort)count);
        var power = 1;
        var selector = 0;
        while (power * 2 <= count)
        {
            power *= 2;
            selector++;
        }
        BinaryPrimitives.WriteUInt16BigEndian(s[6..], (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(s[8..], (ushort)selector);
        BinaryPrimitives.WriteUInt16BigEndian(s[10..], (ushort)(count * 16 - power * 16));
        var position = header;
        var i = 0;
        var headAt = 0;
        foreach (var (tag, data) in tables)
        {
            var record = s.Slice(12 + i * 16, 16);
            Encoding.ASCII.GetBytes(tag, record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)position);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            data.CopyTo(s[position..]);
            if (tag == "head") headAt = position;
            position += (data.Length + 3) & ~3;
            i++;
        }
        BinaryPrimitives.WriteUInt32BigEndian(s[(headAt + 8)..], 0xB1B0AFBA - Checksum(font));
        return font;
    }

    private static uint Checksum(byte[] data)
    {
        uint sum = 0;
        var padded = new byte[(data.Length + 3) & ~3];
        data.CopyTo(padded, 0);
        for (var i = 0; i < padded.Length; i += 4) sum += BinaryPrimitives.ReadUInt32BigEndian(padded.AsSpan(i));
        return sum;
    }

    private sealed class Writer
    {
        private readonly List<byte> stream = [];

        public Writer U16(int v)
        {
            Span<byte> b = stackalloc byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)v);
            stream.AddRange(b);
            return this;
        }

        public Writer I16(int v)
        {
            Span<byte> b = stackalloc byte[2];
            BinaryPrimitives.WriteInt16BigEndian(b, (short)v);
            stream.AddRange(b);
            return this;
        }

        public Writer U32(uint v)
        {
            Span<byte> b = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(b, v);
            stream.AddRange(b);
            return this;
        }

        public Writer Bytes(byte[] b)
        {
            stream.AddRange(b);
            return this;
        }

        public byte[] ToArray() => [.. stream];
    }

    private static byte[] Head() => new Writer()
        .U32(0x00010000).U32(0x00010000).U32(0).U32(0x5F0F3CF5).U16(0x000B).U16(1000)
        .U32(0).U32(0).U32(0).U32(0) // created, modified
        .I16(0).I16(-120).I16(1000).I16(880)
        .U16(0).U16(8).I16(2).I16(1).I16(0)
        .ToArray();

    private static byte[] Hhea(int glyphs) => new Writer()
        .U32(0x00010000).I16(880).I16(-120).I16(0).U16(1000).I16(0).I16(0).I16(900)
        .I16(1).I16(0).I16(0).I16(0).I16(0).I16(0).I16(0).I16(0).U16(glyphs)
        .ToArray();

    private static byte[] Maxp(int glyphs) => new Writer()
        .U32(0x00010000).U16(glyphs).U16(4).U16(1).U16(0).U16(0).U16(2).U16(0).U16(0).U16(0).U16(0).U16(0).U16(0).U16(0).U16(0)
        .ToArray();

    private static byte[] Hmtx(int glyphs)
    {
        var w = new Writer();
        for (var g = 0; g < glyphs; g++) w.U16(1000).I16(100);
        return w.ToArray();
    }

    private static byte[] Post() => new Writer().U32(0x00030000).U32(0).I16(-100).I16(50).U32(0).U32(0).U32(0).U32(0).U32(0).ToArray();

    private static byte[] Os2(List<char> chars, ushort fsType) => new Writer()
        .U16(4).I16(1000).U16(400).U16(5).U16(fsType)
        .I16(650).I16(700).I16(0).I16(140).I16(650).I16(700).I16(0).I16(480).I16(50).I16(250).I16(0)
        .Bytes(new byte[10]) // panose
        .U32(1).U32(1u << 27).U32(0).U32(0) // Basic Latin, CJK Unified Ideographs
        .Bytes("NONE"u8.ToArray())
        .U16(0x0040).U16(chars.Min()).U16(chars.Max())
        .I16(880).I16(-120).I16(0).U16(880).U16(120)
        .U32(1u | (1u << 18)).U32(0) // Latin 1, GB2312
        .I16(500).I16(700).U16(0).U16(32).U16(1)
        .ToArray();

    /// <summary>Format 4, one segment per character (glyph i + 1 for the i-th character) and the closing 0xFFFF segment.</summary>
    private static byte[] Cmap(List<char> chars)
    {
        var segments = chars.Count + 1;
        var power = 1;
        var selector = 0;
        while (power * 2 <= segments)
        {
            power *= 2;
            selector++;
        }
        var sub = new Writer();
        var length = 16 + segments * 8;
        sub.U16(4).U16(length).U16(0).U16(segments * 2).U16(power * 2).U16(selector).U16(segments * 2 - power * 2);
        foreach (var c in chars) sub.U16(c);
        sub.U16(0xFFFF).U16(0);
        foreach (var c in chars) sub.U16(c);
        sub.U16(0xFFFF);
        for (var i = 0; i < chars.Count; i++) sub.U16((i + 1 - chars[i]) & 0xFFFF);
        sub.U16(1);
        for (var i = 0; i < segments; i++) sub.U16(0);
        return new Writer().U16(0).U16(1).U16(3).U16(1).U32(12).Bytes(sub.ToArray()).ToArray();
    }

    private static (byte[] Glyf, byte[] Loca) Glyphs(List<char> chars)
    {
        var glyf = new Writer();
        var loca = new Writer();
        var offset = 0u;
        byte[] Square(int inset)
        {
            int x0 = 100 + inset, y0 = -50 + inset, x1 = 900 - inset, y1 = 750 - inset;
            return new Writer().I16(1).I16(x0).I16(y0).I16(x1).I16(y1).U16(3).U16(0)
                .Bytes([1, 1, 1, 1])
                .I16(x0).I16(0).I16(x1 - x0).I16(0)
                .I16(y0).I16(y1 - y0).I16(0).I16(y0 - y1)
                .ToArray();
        }
        void Add(byte[] data)
        {
            loca.U32(offset);
            glyf.Bytes(data);
            offset += (uint)data.Length;
        }
        Add(Square(0));
        foreach (var c in chars) Add(c == ' ' ? [] : Square(50 + c % 7 * 20));
        loca.U32(offset);
        return (glyf.ToArray(), loca.ToArray());
    }

    private static byte[] Name(string english, string? chinese, string postScript)
    {
        var records = new List<(int Platform, int Encoding, int Language, int Id, string Text)>
        {
            (3, 1, 0x0409, 1, english), (3, 1, 0x0409, 2, "Regular"), (3, 1, 0x0409, 3, postScript + "-Test"),
            (3, 1, 0x0409, 4, english), (3, 1, 0x0409, 6, postScript),
        };
        if (chinese is not null)
        {
            records.Add((3, 1, 0x0804, 1, chinese));
            records.Add((3, 1, 0x0804, 4, chinese));
        }
        records = records.OrderBy(r => r.Platform).ThenBy(r => r.Encoding).ThenBy(r => r.Language).ThenBy(r => r.Id).ToList();
        var strings = new Writer();
        var w = new Writer().U16(0).U16(records.Count).U16(6 + records.Count * 12);
        var at = 0;
        foreach (var r in records)
        {
            var bytes = Encoding.BigEndianUnicode.GetBytes(r.Text);
            w.U16(r.Platform).U16(r.Encoding).U16(r.Language).U16(r.Id).U16(bytes.Length).U16(at);
            strings.Bytes(bytes);
            at += bytes.Length;
        }
        return w.Bytes(strings.ToArray()).ToArray();
    }
}
