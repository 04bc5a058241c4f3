using System.Globalization;
using System.Text;
using Events.Core.Program;

namespace Events.Infrastructure.Program.Exports;

/// <summary>
/// Wording shared by the program exports. The documents are Chinese, so session kinds and item roles are shown with
/// the Chinese labels hard-coded here (the exports run outside the web app's localization).
/// </summary>
internal static class ExportText
{
    /// <summary>Room name for a session that has no room yet.</summary>
    public const string UnassignedRoom = "未指定会场";

    public static string KindLabel(SessionKind kind) => kind switch
    {
        SessionKind.Opening => "开幕式",
        SessionKind.Address => "致辞",
        SessionKind.Keynote => "主旨报告",
        SessionKind.InvitedTalk => "特邀报告",
        SessionKind.Panel => "圆桌对话",
        SessionKind.Release => "成果发布",
        SessionKind.PaperSession => "论文交流",
        SessionKind.Commentary => "点评",
        SessionKind.Break => "茶歇",
        SessionKind.Closing => "闭幕式",
        _ => kind.ToString(),
    };

    public static string RoleLabel(ItemRole role) => role switch
    {
        ItemRole.Speaker => "发言",
        ItemRole.CoSpeaker => "合作发言",
        ItemRole.Panelist => "对话嘉宾",
        ItemRole.Discussant => "点评",
        ItemRole.Moderator => "主持",
        ItemRole.Address => "致辞",
        _ => role.ToString(),
    };

    /// <summary>张三（某大学教授）, or just the name when there is no display title.</summary>
    public static string PersonWithTitle(SnapshotPerson p) =>
        string.IsNullOrWhiteSpace(p.DisplayTitle) ? Clean(p.Name) : $"{Clean(p.Name)}（{Clean(p.DisplayTitle)}）";

    /// <summary>A named participant with title; an unnamed one by its label (e.g. 青年学者), never an invented name.</summary>
    public static string Participant(SnapshotParticipant p) =>
        p.Person is not null ? PersonWithTitle(p.Person)
        : !string.IsNullOrWhiteSpace(p.Label) ? Clean(p.Label)
        : "待定";

    /// <summary>Participants grouped by role in order of first appearance: "发言：甲、乙；点评：丙".</summary>
    public static string Participants(SnapshotItem item)
    {
        var groups = new List<(ItemRole Role, List<string> Names)>();
        foreach (var p in item.Participants)
        {
            var g = groups.FindIndex(x => x.Role == p.Role);
            if (g < 0) groups.Add((p.Role, [Participant(p)]));
            else groups[g].Names.Add(Participant(p));
        }
        return string.Join("；", groups.Select(g => $"{RoleLabel(g.Role)}：{string.Join("、", g.Names)}"));
    }

    public static string Chairs(SnapshotSession s) => string.Join("、", s.Chairs.Select(PersonWithTitle));

    /// <summary>Publication titles in 《》 (kept as they are when the source already has them).</summary>
    public static string Publications(SnapshotItem item) =>
        string.Join("、", item.Publications.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t =>
        {
            var c = Clean(t).Trim();
            return c.StartsWith('《') ? c : $"《{c}》";
        }));

    /// <summary>One line: the item titles of a session.</summary>
    public static string Abstract(SnapshotSession s) => string.Join("；", s.Items.Select(i => Clean(i.Title)));

    /// <summary>Several lines: chairs, then each item with its length, people and released publications.</summary>
    public static string Description(SnapshotSession s)
    {
        var sb = new StringBuilder();
        if (s.Chairs.Count > 0) sb.Append("主持：").Append(Chairs(s)).Append('\n');
        var n = 0;
        foreach (var item in s.Items)
        {
            n++;
            sb.Append(n.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(Clean(item.Title));
            if (item.DurationMinutes > 0) sb.Append('（').Append(item.DurationMinutes.ToString(CultureInfo.InvariantCulture)).Append("分钟）");
            sb.Append('\n');
            if (item.Participants.Count > 0) sb.Append("   ").Append(Participants(item)).Append('\n');
            if (item.Publications.Count > 0) sb.Append("   发布成果：").Append(Publications(item)).Append('\n');
        }
        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>Named people of a session, chairs first, each once.</summary>
    public static IReadOnlyList<SnapshotPerson> NamedPeople(SnapshotSession s)
    {
        var seen = new HashSet<int>();
        var list = new List<SnapshotPerson>();
        foreach (var p in s.Chairs.Concat(s.Items.SelectMany(i => i.Participants).Select(x => x.Person)))
        {
            if (p is not null && seen.Add(p.Id)) list.Add(p);
        }
        return list;
    }

    public static SnapshotForum Forum(ProgramSnapshot s, SnapshotSession session) =>
        s.Forums.FirstOrDefault(f => f.EventId == session.EventId)
        ?? s.Forums.FirstOrDefault(f => !f.IsSubForum)
        ?? new SnapshotForum(session.EventId, s.EventSlug, s.EventTitle, false);

    /// <summary>The session's room name; <see cref="UnassignedRoom"/> when it has none.</summary>
    public static string RoomName(ProgramSnapshot s, SnapshotSession session)
    {
        if (!string.IsNullOrWhiteSpace(session.RoomName)) return Clean(session.RoomName).Trim();
        var room = session.RoomId is int id ? s.Rooms.FirstOrDefault(r => r.Id == id) : null;
        return room is not null && !string.IsNullOrWhiteSpace(room.Name) ? Clean(room.Name).Trim() : UnassignedRoom;
    }

    /// <summary>Room names in use, in the snapshot's room order, then unknown names, then <see cref="UnassignedRoom"/>.</summary>
    public static IReadOnlyList<string> RoomsInUse(ProgramSnapshot s, IEnumerable<SnapshotSession> sessions)
    {
        var used = sessions.Select(x => RoomName(s, x)).ToHashSet(StringComparer.Ordinal);
        var ordered = new List<string>();
        foreach (var r in s.Rooms)
        {
            var name = string.IsNullOrWhiteSpace(r.Name) ? null : Clean(r.Name).Trim();
            if (name is not null && name != UnassignedRoom && used.Contains(name) && !ordered.Contains(name)) ordered.Add(name);
        }
        foreach (var x in sessions)
        {
            var name = RoomName(s, x);
            if (name != UnassignedRoom && !ordered.Contains(name)) ordered.Add(name);
        }
        if (used.Contains(UnassignedRoom)) ordered.Add(UnassignedRoom);
        return ordered;
    }

    /// <summary>Sessions in running order: start, then room order, then id.</summary>
    public static IReadOnlyList<SnapshotSession> Ordered(ProgramSnapshot s, IEnumerable<SnapshotSession> sessions)
    {
        var list = sessions.ToList();
        var rooms = RoomsInUse(s, list);
        return list.OrderBy(x => x.Start).ThenBy(x => IndexOf(rooms, RoomName(s, x))).ThenBy(x => x.Id).ToList();
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == value) return i;
        return int.MaxValue;
    }

    /// <summary>Drops characters that XML 1.0, iCalendar TEXT and spreadsheets cannot carry (C0 controls other than tab/newline, lone surrogates).</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            bool ok;
            if (char.IsHighSurrogate(c)) ok = i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            else if (char.IsLowSurrogate(c)) ok = i > 0 && char.IsHighSurrogate(text[i - 1]);
            else ok = c is '\t' or '\n' || (c >= 0x20 && c != '\uFFFE' && c != '\uFFFF' && !(c >= 0x7F && c <= 0x9F));
            if (ok) sb?.Append(c);
            else if (sb is null)
            {
                sb = new StringBuilder(text.Length);
                sb.Append(text, 0, i);
            }
        }
        return sb?.ToString() ?? text;
    }
}
