using System.Globalization;

namespace Events.Core.Attendees.Delegates;

/// <summary>How a delegate list (代表名单) is ordered.</summary>
public enum DelegateOrder
{
    /// <summary>By name in pinyin.</summary>
    Pinyin,
    /// <summary>By surname stroke count (姓氏笔画), see <see cref="StrokeOrder"/>.</summary>
    Stroke,
    /// <summary>The organizer's ranked units or regions first, in that order; everyone else after them; stroke order inside each.</summary>
    Protocol,
}

/// <summary>One delegate as the list sorts and prints them.</summary>
public sealed record DelegateEntry(int RegistrationId, string Name, string Organization, string Title, string? Group);

/// <summary>
/// Sorts a delegate list: by group first when grouped (discussion groups in their number order: 第二组 before 第十组,
/// 2 before 10; groups without a number by pinyin; delegates without a group last), then in the chosen order.
/// </summary>
public static class DelegateSorter
{
    private static readonly CompareInfo Pinyin = CultureInfo.GetCultureInfo("zh-CN").CompareInfo;

    public static IReadOnlyList<DelegateEntry> Sort(IEnumerable<DelegateEntry> delegates, DelegateOrder order, IReadOnlyList<string> protocol, bool grouped)
    {
        ArgumentNullException.ThrowIfNull(delegates);
        ArgumentNullException.ThrowIfNull(protocol);
        var ranks = protocol.Select(p => StrokeOrder.Compact(p)).Where(p => p.Length > 0).ToList();
        var keyed = delegates.Select(d => (Delegate: d, Rank: order == DelegateOrder.Protocol ? RankOf(ranks, d.Organization) : 0)).ToList();
        keyed.Sort((x, y) =>
        {
            if (grouped)
            {
                var g = CompareGroups(x.Delegate.Group, y.Delegate.Group);
                if (g != 0) return g;
            }
            if (x.Rank != y.Rank) return x.Rank.CompareTo(y.Rank);
            var byName = order == DelegateOrder.Pinyin
                ? Pinyin.Compare(StrokeOrder.Compact(x.Delegate.Name), StrokeOrder.Compact(y.Delegate.Name), CompareOptions.IgnoreCase)
                : StrokeOrder.CompareNames(x.Delegate.Name, y.Delegate.Name);
            return byName != 0 ? byName : x.Delegate.RegistrationId.CompareTo(y.Delegate.RegistrationId);
        });
        return keyed.Select(k => k.Delegate).ToList();
    }

    /// <summary>
    /// The place of the first ranked unit or region the organization is or begins with (北京市 ranks 北京市科学技术委员会);
    /// int.MaxValue when none does.
    /// </summary>
    public static int RankOf(IReadOnlyList<string> ranks, string organization)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        var org = StrokeOrder.Compact(organization);
        for (var i = 0; i < ranks.Count; i++)
        {
            if (org.StartsWith(ranks[i], StringComparison.OrdinalIgnoreCase)) return i;
        }
        return int.MaxValue;
    }

    /// <summary>The protocol list as the organizer typed it: one unit or region a line, blank lines ignored.</summary>
    public static IReadOnlyList<string> ParseProtocol(string? text) =>
        (text ?? "").ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static int CompareGroups(string? a, string? b)
    {
        var x = string.IsNullOrWhiteSpace(a) ? null : a.Trim();
        var y = string.IsNullOrWhiteSpace(b) ? null : b.Trim();
        if (x is null || y is null) return x is null ? (y is null ? 0 : 1) : -1;
        var nx = NumberIn(x);
        var ny = NumberIn(y);
        if (nx is not null && ny is not null && nx != ny) return nx.Value.CompareTo(ny.Value);
        if (nx is not null != ny is not null) return nx is not null ? -1 : 1;
        var p = Pinyin.Compare(x, y, CompareOptions.IgnoreCase);
        return p != 0 ? p : string.CompareOrdinal(x, y);
    }

    private const string Digits = "〇一二三四五六七八九";

    /// <summary>The first number in a group's name: Arabic (2, 12) or Chinese up to 九十九 (二, 十二, 二十).</summary>
    public static int? NumberIn(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsAsciiDigit(name[i]))
            {
                var end = i;
                while (end < name.Length && char.IsAsciiDigit(name[end]) && end - i < 6) end++;
                return int.Parse(name.AsSpan(i, end - i), CultureInfo.InvariantCulture);
            }
            if (Digits.Contains(name[i], StringComparison.Ordinal) || name[i] == '十')
            {
                var end = i;
                while (end < name.Length && (Digits.Contains(name[end], StringComparison.Ordinal) || name[end] == '十')) end++;
                if (ChineseNumber(name[i..end]) is { } n) return n;
            }
        }
        return null;
    }

    private static int? ChineseNumber(string s)
    {
        var ten = s.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0) return s.Length == 1 ? Digits.IndexOf(s[0], StringComparison.Ordinal) : null;
        if (s.IndexOf('十', ten + 1) >= 0) return null;
        var tens = ten == 0 ? 1 : ten == 1 ? Digits.IndexOf(s[0], StringComparison.Ordinal) : -1;
        var units = ten == s.Length - 1 ? 0 : ten == s.Length - 2 ? Digits.IndexOf(s[^1], StringComparison.Ordinal) : -1;
        return tens < 0 || units < 0 ? null : tens * 10 + units;
    }
}
