using System.Globalization;

namespace Events.Core.Attendees.Delegates;

/// <summary>
/// 姓氏笔画 order, as Chinese name lists (the NPC's and CPPCC's among them) print it: fewer strokes first; the same
/// number of strokes by the first stroke in the order 横 竖 撇 点 折 (一 丨 丿 丶 乙), then by the second stroke, and so on;
/// the same surname by the next character of the name in the same way.
/// <para>
/// ICU's stroke collation (.NET on Linux: <c>zh-Hans-u-co-stroke</c>, <c>zh-CN_stroke</c>) counts strokes right but
/// orders characters of equal count by radical (丁 刁 卜, 万 于), not by their strokes (丁 卜 刁, 于 万), so it is used
/// here only for characters missing from the stroke table. The table (stroke-order.tsv, 6,939 characters, MIT, see the
/// licence beside it) gives each character's strokes as classes 1–5; characters not in it (rare characters, Latin
/// letters) come after every character in it, in ICU's stroke order.
/// </para>
/// </summary>
public static class StrokeOrder
{
    private static readonly Lazy<Dictionary<char, string>> Table = new(Load);
    private static readonly CompareInfo IcuStroke = CultureInfo.GetCultureInfo("zh-Hans-u-co-stroke").CompareInfo;
    private static readonly CompareInfo Pinyin = CultureInfo.GetCultureInfo("zh-CN").CompareInfo;

    /// <summary>Compares whole names character by character; spaces inside a name (张 三) are ignored.</summary>
    public static readonly IComparer<string> Names = Comparer<string>.Create(CompareNames);

    /// <summary>The character's strokes as classes (1 横, 2 竖, 3 撇, 4 点, 5 折), or null when the table lacks it.</summary>
    public static string? Strokes(char c) => Table.Value.GetValueOrDefault(c);

    public static int CompareNames(string? a, string? b)
    {
        var x = Compact(a);
        var y = Compact(b);
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            var c = CompareChars(x[i], y[i]);
            if (c != 0) return c;
        }
        return x.Length.CompareTo(y.Length);
    }

    public static int CompareChars(char a, char b)
    {
        if (a == b) return 0;
        var sa = Strokes(a);
        var sb = Strokes(b);
        if (sa is null || sb is null)
        {
            if (sa is not null) return -1;
            if (sb is not null) return 1;
            var icu = IcuStroke.Compare(a.ToString(), b.ToString(), CompareOptions.IgnoreCase);
            return icu != 0 ? icu : a.CompareTo(b);
        }
        if (sa.Length != sb.Length) return sa.Length.CompareTo(sb.Length);
        var bySequence = string.CompareOrdinal(sa, sb);
        if (bySequence != 0) return bySequence;
        // Same strokes in the same order (井 开, 巴 孔): pinyin, then the code point, so the order is total.
        var byPinyin = Pinyin.Compare(a.ToString(), b.ToString());
        return byPinyin != 0 ? byPinyin : a.CompareTo(b);
    }

    /// <summary>The name without white space, as it is compared.</summary>
    public static string Compact(string? name) =>
        name is null ? "" : string.Concat(name.Where(c => !char.IsWhiteSpace(c)));

    private static Dictionary<char, string> Load()
    {
        using var stream = typeof(StrokeOrder).Assembly.GetManifestResourceStream("Events.Core.stroke-order.tsv")
            ?? throw new InvalidOperationException("The stroke table is not embedded in Events.Core.");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<char, string>(7000);
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab == 1) table[line[0]] = line[(tab + 1)..];
        }
        return table;
    }
}
