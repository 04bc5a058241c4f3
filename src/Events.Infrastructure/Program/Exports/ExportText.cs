using System.Globalization;
using System.Text;
using Events.Core.Program;

namespace Events.Infrastructure.Program.Exports;

/// <summary>
/// Text shared by the program exports, in the words of an <see cref="ExportWording"/> (session kinds and item roles as
/// the pages name them, in the language asked for).
/// </summary>
internal static class ExportText
{
    /// <summary>张三（某大学教授）, or just the name when there is no display title.</summary>
    public static string PersonWithTitle(ExportWording w, SnapshotPerson p) =>
        string.IsNullOrWhiteSpace(p.DisplayTitle) ? Clean(w.Name(p)) : w.WithNote(Clean(w.Name(p)), Clean(p.DisplayTitle));

    /// <summary>A named participant with title; an unnamed one by its label (e.g. 青年学者), never an invented name.</summary>
    public static string Participant(ExportWording w, SnapshotParticipant p) =>
        p.Person is not null ? PersonWithTitle(w, p.Person)
        : !string.IsNullOrWhiteSpace(p.Label) ? Clean(p.Label)
        : w.ToBeAnnounced;

    /// <summary>Participants grouped by role in order of first appearance: "报告人：甲、乙；点评人：丙".</summary>
    public static string Participants(ExportWording w, SnapshotItem item)
    {
        var groups = new List<(ItemRole Role, List<string> Names)>();
        foreach (var p in item.Participants)
        {
            var g = groups.FindIndex(x => x.Role == p.Role);
            if (g < 0) groups.Add((p.Role, [Participant(w, p)]));
            else groups[g].Names.Add(Participant(w, p));
        }
        return string.Join(w.GroupSeparator, groups.Select(g => w.Labelled($"ItemRole.{g.Role}", string.Join(w.ListSeparator, g.Names))));
    }

    public static string Chairs(ExportWording w, SnapshotSession s) => string.Join(w.ListSeparator, s.Chairs.Select(p => PersonWithTitle(w, p)));

    /// <summary>Publication titles in 《》 (kept as they are when the source already has them).</summary>
    public static string Publications(ExportWording w, SnapshotItem item) =>
        string.Join(w.ListSeparator, item.Publications.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t =>
        {
            var c = Clean(t).Trim();
            return c.StartsWith('《') ? c : $"《{c}》";
        }));

    /// <summary>One line: the item titles of a session.</summary>
    public static string Abstract(ExportWording w, SnapshotSession s) => string.Join(w.GroupSeparator, s.Items.Select(i => Clean(i.Title)));

    /// <summary>Several lines: chairs, then each item with its length, people and released publications.</summary>
    public static string Description(ExportWording w, SnapshotSession s)
    {
        var sb = new StringBuilder();
        if (s.Chairs.Count > 0) sb.Append(w.Labelled("Session.Chairs", Chairs(w, s))).Append('\n');
        var n = 0;
        foreach (var item in s.Items)
        {
            n++;
            sb.Append(n.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(Clean(item.Title));
            if (item.DurationMinutes > 0) sb.Append(w.Minutes(item.DurationMinutes));
            sb.Append('\n');
            if (item.Participants.Count > 0) sb.Append("   ").Append(Participants(w, item)).Append('\n');
            if (item.Publications.Count > 0) sb.Append("   ").Append(w.Labelled("Export.Publications", Publications(w, item))).Append('\n');
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
        ?? new SnapshotForum(session.EventId, s.EventSlug, s.EventTitle, false, s.EventTitleEn, s.Venue);

    /// <summary>The session's room name, or null when it has none.</summary>
    public static string? AssignedRoomName(ProgramSnapshot s, SnapshotSession session)
    {
        if (!string.IsNullOrWhiteSpace(session.RoomName)) return Clean(session.RoomName).Trim();
        var room = session.RoomId is int id ? s.Rooms.FirstOrDefault(r => r.Id == id) : null;
        return room is not null && !string.IsNullOrWhiteSpace(room.Name) ? Clean(room.Name).Trim() : null;
    }

    /// <summary>The session's room name; the wording's unassigned-room text when it has none.</summary>
    public static string RoomName(ExportWording w, ProgramSnapshot s, SnapshotSession session) => AssignedRoomName(s, session) ?? w.UnassignedRoom;

    /// <summary>Room names in use, in the snapshot's room order, then unknown names, then the unassigned-room text.</summary>
    public static IReadOnlyList<string> RoomsInUse(ExportWording w, ProgramSnapshot s, IEnumerable<SnapshotSession> sessions)
    {
        var unassigned = w.UnassignedRoom;
        var used = sessions.Select(x => RoomName(w, s, x)).ToHashSet(StringComparer.Ordinal);
        var ordered = new List<string>();
        foreach (var r in s.Rooms)
        {
            var name = string.IsNullOrWhiteSpace(r.Name) ? null : Clean(r.Name).Trim();
            if (name is not null && name != unassigned && used.Contains(name) && !ordered.Contains(name)) ordered.Add(name);
        }
        foreach (var x in sessions)
        {
            var name = RoomName(w, s, x);
            if (name != unassigned && !ordered.Contains(name)) ordered.Add(name);
        }
        if (used.Contains(unassigned)) ordered.Add(unassigned);
        return ordered;
    }

    /// <summary>Sessions in running order: start, then room order, then id.</summary>
    public static IReadOnlyList<SnapshotSession> Ordered(ExportWording w, ProgramSnapshot s, IEnumerable<SnapshotSession> sessions)
    {
        var list = sessions.ToList();
        var rooms = RoomsInUse(w, s, list);
        return list.OrderBy(x => x.Start).ThenBy(x => IndexOf(rooms, RoomName(w, s, x))).ThenBy(x => x.Id).ToList();
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
