using System.Buffers.Binary;
using System.Text;
using Events.Core.Bulletins;

namespace Events.Infrastructure.Bulletins;

/// <summary>What an uploaded font file turned out to be: its format, names and glyphs, and the bytes to store.</summary>
public sealed record FontFileInfo(FontFormat Format, string FamilyName, int GlyphCount, bool HasCjk, byte[] Sfnt)
{
    /// <summary>.ttf for TrueType outlines, .otf for PostScript ones (a collection's first font decides).</summary>
    public string Extension => Sfnt.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(Sfnt) == FontFileInspector.OttoTag ? ".otf" : ".ttf";
}

/// <summary>
/// Reads an uploaded font the way a font engine would, without trusting its name or extension: the first four bytes
/// (TrueType, OpenType CFF or a TrueType collection), the table directory (every table inside the file), the tables a
/// font cannot work without, the glyph count (maxp), the family name (name, Chinese first) and the character map
/// (cmap formats 4 and 12), which must cover common Chinese characters. A collection is reduced to its first font, which
/// is what is stored and printed. Anything else is refused with a message key the page shows.
/// </summary>
public static class FontFileInspector
{
    public const uint TrueTypeTag = 0x00010000;
    public const uint AppleTrueTypeTag = 0x74727565; // 'true'
    public const uint OttoTag = 0x4F54544F; // 'OTTO'
    public const uint CollectionTag = 0x74746366; // 'ttcf'
    private const ushort RestrictedLicence = 0x0002;
    private const ushort NoSubsetting = 0x0100;
    private const ushort BitmapOnly = 0x0200;

    /// <summary>Common characters a Chinese text face must have; nearly all must map to a glyph.</summary>
    public const string CjkSample = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞";

    public static FontFileInfo Inspect(ReadOnlySpan<byte> file, out string? error)
    {
        error = null;
        if (file.Length < 12)
        {
            error = "FontNotAFont";
            return Empty;
        }
        var tag = BinaryPrimitives.ReadUInt32BigEndian(file);
        byte[] sfnt;
        var format = FontFormat.TrueType;
        if (tag == CollectionTag)
        {
            format = FontFormat.Collection;
            var fonts = BinaryPrimitives.ReadUInt32BigEndian(file[8..]);
            if (fonts == 0 || file.Length < 16)
            {
                error = "FontNotAFont";
                return Empty;
            }
            var first = BinaryPrimitives.ReadUInt32BigEndian(file[12..]);
            if (first > file.Length - 12 || ExtractFont(file, (int)first) is not { } extracted)
            {
                error = "FontDamaged";
                return Empty;
            }
            sfnt = extracted;
        }
        else if (tag is TrueTypeTag or AppleTrueTypeTag or OttoTag)
        {
            if (ReadDirectory(file, 0) is null)
            {
                error = "FontDamaged";
                return Empty;
            }
            sfnt = file.ToArray();
        }
        else
        {
            error = "FontNotAFont";
            return Empty;
        }

        var tables = ReadDirectory(sfnt, 0)!;
        var cff = BinaryPrimitives.ReadUInt32BigEndian(sfnt) == OttoTag;
        // Chromium prints PostScript (CFF) outlines as Type 3 fonts, whose text does not extract reliably: TrueType outlines only.
        if (cff)
        {
            error = "FontPostScriptOutlines";
            return Empty;
        }
        string[] required = cff ? ["cmap", "head", "hhea", "hmtx", "maxp", "name"] : ["cmap", "head", "hhea", "hmtx", "maxp", "name", "glyf", "loca"];
        if (required.Any(t => !tables.ContainsKey(t)) || (cff && !tables.ContainsKey("CFF ") && !tables.ContainsKey("CFF2")))
        {
            error = "FontDamaged";
            return Empty;
        }
        // OS/2 fsType: a font whose licence bits forbid embedding (restricted, bitmap only) or subsetting would print as
        // pictures of glyphs or as the whole multi-megabyte font; refused with its own message.
        if (tables.TryGetValue("OS/2", out var os2) && os2.Length >= 10
            && (BinaryPrimitives.ReadUInt16BigEndian(Table(sfnt, os2)[8..]) & (RestrictedLicence | NoSubsetting | BitmapOnly)) != 0)
        {
            error = "FontNoEmbedding";
            return Empty;
        }
        var maxp = Table(sfnt, tables["maxp"]);
        var glyphs = maxp.Length >= 6 ? BinaryPrimitives.ReadUInt16BigEndian(maxp[4..]) : 0;
        var family = FamilyName(Table(sfnt, tables["name"]));
        var cmap = Table(sfnt, tables["cmap"]);
        var covered = 0;
        foreach (var c in CjkSample)
        {
            if (MapsToGlyph(cmap, c)) covered++;
        }
        if (glyphs < 2 || family is null)
        {
            error = "FontDamaged";
            return Empty;
        }
        return new FontFileInfo(format, family, glyphs, covered >= CjkSample.Length * 9 / 10, sfnt);
    }

    private static readonly FontFileInfo Empty = new(FontFormat.TrueType, "", 0, false, []);

    private sealed record TableEntry(uint Offset, uint Length);

    private static ReadOnlySpan<byte> Table(ReadOnlySpan<byte> sfnt, TableEntry t) => sfnt.Slice((int)t.Offset, (int)t.Length);

    /// <summary>The font's tables by tag, every one checked to lie inside the file; null when the directory is damaged.</summary>
    private static Dictionary<string, TableEntry>? ReadDirectory(ReadOnlySpan<byte> file, int at)
    {
        if (at + 12 > file.Length) return null;
        var count = BinaryPrimitives.ReadUInt16BigEndian(file[(at + 4)..]);
        if (count is 0 or > 200 || at + 12 + count * 16 > file.Length) return null;
        var tables = new Dictionary<string, TableEntry>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = file.Slice(at + 12 + i * 16, 16);
            var name = Encoding.ASCII.GetString(record[..4]);
            var offset = BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            if ((ulong)offset + length > (ulong)file.Length) return null;
            tables[name] = new TableEntry(offset, length);
        }
        return tables;
    }

    /// <summary>One font of a collection as a file of its own: its header and tables copied, offsets renumbered.</summary>
    private static byte[]? ExtractFont(ReadOnlySpan<byte> file, int at)
    {
        if (ReadDirectory(file, at) is not { } tables) return null;
        var count = tables.Count;
        var header = 12 + count * 16;
        var size = header + tables.Values.Sum(t => (long)((t.Length + 3) & ~3u));
        if (size > BulletinFont.MaxBytes) return null;
        var output = new byte[size];
        file.Slice(at, 12).CopyTo(output);
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(4), (ushort)count);
        var position = header;
        var i = 0;
        foreach (var (name, entry) in tables.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var record = output.AsSpan(12 + i * 16, 16);
            Encoding.ASCII.GetBytes(name, record);
            // The checksum field is copied from the source record.
            var source = FindRecord(file, at, name);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], BinaryPrimitives.ReadUInt32BigEndian(source[4..]));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)position);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], entry.Length);
            Table(file, entry).CopyTo(output.AsSpan(position));
            position += (int)((entry.Length + 3) & ~3u);
            i++;
        }
        return output;
    }

    private static ReadOnlySpan<byte> FindRecord(ReadOnlySpan<byte> file, int at, string name)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(file[(at + 4)..]);
        for (var i = 0; i < count; i++)
        {
            var record = file.Slice(at + 12 + i * 16, 16);
            if (Encoding.ASCII.GetString(record[..4]) == name) return record;
        }
        return file.Slice(at + 12, 16);
    }

    /// <summary>The family (name ID 16, else 1): Simplified Chinese first, then US English, then any Windows or Mac name.</summary>
    private static string? FamilyName(ReadOnlySpan<byte> name)
    {
        if (name.Length < 6) return null;
        var count = BinaryPrimitives.ReadUInt16BigEndian(name[2..]);
        var strings = BinaryPrimitives.ReadUInt16BigEndian(name[4..]);
        string? best = null;
        var bestRank = int.MaxValue;
        for (var i = 0; i < count && 6 + (i + 1) * 12 <= name.Length; i++)
        {
            var r = name.Slice(6 + i * 12, 12);
            var platform = BinaryPrimitives.ReadUInt16BigEndian(r);
            var language = BinaryPrimitives.ReadUInt16BigEndian(r[4..]);
            var id = BinaryPrimitives.ReadUInt16BigEndian(r[6..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(r[8..]);
            var offset = BinaryPrimitives.ReadUInt16BigEndian(r[10..]);
            if (id is not (1 or 16) || strings + offset + length > name.Length) continue;
            var rank = (platform, language) switch
            {
                (3, 0x0804) => 0,
                (3, 0x0409) => 2,
                (3, _) => 4,
                (1, 0) => 6,
                _ => 8,
            } + (id == 16 ? 0 : 1);
            if (rank >= bestRank) continue;
            var bytes = name.Slice(strings + offset, length);
            var text = platform is 3 or 0 ? Encoding.BigEndianUnicode.GetString(bytes) : Encoding.Latin1.GetString(bytes);
            text = new string(text.Where(c => !char.IsControl(c)).ToArray()).Trim();
            if (text.Length == 0) continue;
            best = text.Length > BulletinFont.FamilyNameLength ? text[..BulletinFont.FamilyNameLength] : text;
            bestRank = rank;
        }
        return best;
    }

    /// <summary>Whether the character map gives <paramref name="c"/> a glyph other than .notdef (Unicode subtables, formats 4 and 12).</summary>
    public static bool MapsToGlyph(ReadOnlySpan<byte> cmap, int c)
    {
        if (cmap.Length < 4) return false;
        var count = BinaryPrimitives.ReadUInt16BigEndian(cmap[2..]);
        for (var i = 0; i < count && 4 + (i + 1) * 8 <= cmap.Length; i++)
        {
            var platform = BinaryPrimitives.ReadUInt16BigEndian(cmap[(4 + i * 8)..]);
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(cmap[(6 + i * 8)..]);
            var offset = BinaryPrimitives.ReadUInt32BigEndian(cmap[(8 + i * 8)..]);
            if (!(platform == 0 || (platform == 3 && encoding is 1 or 10)) || offset + 4 > cmap.Length) continue;
            var sub = cmap[(int)offset..];
            var format = BinaryPrimitives.ReadUInt16BigEndian(sub);
            if (format == 4 && Format4(sub, c)) return true;
            if (format == 12 && Format12(sub, c)) return true;
        }
        return false;
    }

    private static bool Format4(ReadOnlySpan<byte> sub, int c)
    {
        if (c > 0xFFFF || sub.Length < 14) return false;
        var segments = BinaryPrimitives.ReadUInt16BigEndian(sub[6..]) / 2;
        var ends = 14;
        var starts = ends + segments * 2 + 2;
        var deltas = starts + segments * 2;
        var ranges = deltas + segments * 2;
        if (ranges + segments * 2 > sub.Length) return false;
        for (var s = 0; s < segments; s++)
        {
            var end = BinaryPrimitives.ReadUInt16BigEndian(sub[(ends + s * 2)..]);
            if (c > end) continue;
            var start = BinaryPrimitives.ReadUInt16BigEndian(sub[(starts + s * 2)..]);
            if (c < start) return false;
            var delta = BinaryPrimitives.ReadInt16BigEndian(sub[(deltas + s * 2)..]);
            var range = BinaryPrimitives.ReadUInt16BigEndian(sub[(ranges + s * 2)..]);
            if (range == 0) return ((c + delta) & 0xFFFF) != 0;
            var at = ranges + s * 2 + range + (c - start) * 2;
            if (at + 2 > sub.Length) return false;
            var glyph = BinaryPrimitives.ReadUInt16BigEndian(sub[at..]);
            return glyph != 0 && ((glyph + delta) & 0xFFFF) != 0;
        }
        return false;
    }

    private static bool Format12(ReadOnlySpan<byte> sub, int c)
    {
        if (sub.Length < 16) return false;
        var groups = BinaryPrimitives.ReadUInt32BigEndian(sub[12..]);
        for (var g = 0L; g < groups && 16 + (g + 1) * 12 <= sub.Length; g++)
        {
            var group = sub.Slice((int)(16 + g * 12), 12);
            var start = BinaryPrimitives.ReadUInt32BigEndian(group);
            var end = BinaryPrimitives.ReadUInt32BigEndian(group[4..]);
            if (c >= start && c <= end) return BinaryPrimitives.ReadUInt32BigEndian(group[8..]) + (uint)(c - start) != 0;
        }
        return false;
    }
}
