namespace Events.Core.Program;

/// <summary>A forum of the program as the timetable grid shows it: the top-level event or one of its sub-forums.</summary>
public sealed record GridForum(int EventId, string Title, bool IsSubForum);

/// <summary>A room of the event tree; <see cref="EventId"/> is the forum that added it, and every forum of the tree may use it.</summary>
public sealed record GridRoom(int Id, int EventId, string Name, int Order, int? Capacity = null);

/// <summary>What the grid needs of a session, and no more: the timetable page keeps these for every session of a day.</summary>
public sealed record GridSession(
    int Id, int EventId, int? RoomId, SessionKind Kind, string Title, DateTimeOffset Start, DateTimeOffset End, string People, Guid Stamp);

/// <summary>One room column of a forum's group; <see cref="RoomId"/> is null for the forum's sessions without a room.</summary>
public sealed record LayoutColumn(int Index, int ForumId, int? RoomId, string? RoomName);

public sealed record LayoutGroup(int ForumId, string Title, int FirstColumn, int ColumnCount);

/// <summary>
/// A session placed on the grid: its column, its top and height in minutes from the grid's first minute, and its lane
/// among the sessions it overlaps in that column. A session crossing midnight is cut at the day's edge and says so.
/// </summary>
public sealed record LayoutBlock(GridSession Session, int Column, int Top, int Height, int Lane, int Lanes, bool ContinuesBefore, bool ContinuesAfter)
{
    /// <summary>Too short to show its title in full: it shows it on hover and focus.</summary>
    public bool IsShort => Height < TimetableLayout.ShortMinutes;
}

/// <summary>
/// The layout rules of the timetable grid, apart from any page: one day, the parent event and every sub-forum as column
/// groups with their rooms, sessions as blocks snapped to five minutes, overlaps side by side, midnight cut at the edge.
/// </summary>
public sealed record TimetableLayout(int FirstMinute, int LastMinute, IReadOnlyList<LayoutGroup> Groups, IReadOnlyList<LayoutColumn> Columns, IReadOnlyList<LayoutBlock> Blocks)
{
    public const int SnapMinutes = 5;

    /// <summary>Blocks shorter than this show their title on hover or focus (the block keeps a readable minimum height).</summary>
    public const int ShortMinutes = 30;

    public int Minutes => LastMinute - FirstMinute;

    /// <summary>Rounds a number of minutes to the nearest five.</summary>
    public static int Snap(double minutes) => (int)Math.Round(minutes / SnapMinutes, MidpointRounding.AwayFromZero) * SnapMinutes;

    /// <summary>
    /// Lays out <paramref name="day"/>: for each forum in the order given, its own rooms (by order), then the shared rooms
    /// of other forums its sessions use that day, then a column for its sessions without a room (or a forum with no room at all).
    /// The grid spans 08:00–18:00, widened in whole hours to every session shown, at most the whole day.
    /// </summary>
    public static TimetableLayout Build(DateOnly day, TimeZoneInfo zone, IReadOnlyList<GridForum> forums, IReadOnlyList<GridRoom> rooms, IReadOnlyList<GridSession> sessions)
    {
        var dayStart = ProgramTime.ToInstant(day, TimeOnly.MinValue, zone);
        var dayEnd = ProgramTime.ToInstant(day.AddDays(1), TimeOnly.MinValue, zone);
        var dayMinutes = (int)(dayEnd - dayStart).TotalMinutes;
        var shown = sessions.Where(s => s.Start < dayEnd && s.End > dayStart).ToList();
        var roomById = rooms.ToDictionary(r => r.Id);

        var columns = new List<LayoutColumn>();
        var groups = new List<LayoutGroup>();
        var columnOf = new Dictionary<(int Forum, int? Room), int>();
        foreach (var forum in forums)
        {
            var first = columns.Count;
            var mine = shown.Where(s => s.EventId == forum.EventId).ToList();
            var used = mine.Select(s => s.RoomId).OfType<int>().Where(roomById.ContainsKey).ToHashSet();
            var own = rooms.Where(r => r.EventId == forum.EventId).OrderBy(r => r.Order).ThenBy(r => r.Id);
            var shared = rooms.Where(r => r.EventId != forum.EventId && used.Contains(r.Id)).OrderBy(r => r.EventId).ThenBy(r => r.Order).ThenBy(r => r.Id);
            foreach (var room in own.Concat(shared))
            {
                columnOf[(forum.EventId, room.Id)] = columns.Count;
                columns.Add(new LayoutColumn(columns.Count, forum.EventId, room.Id, room.Name));
            }
            if (columns.Count == first || mine.Any(s => s.RoomId is not { } r || !roomById.ContainsKey(r)))
            {
                columnOf[(forum.EventId, null)] = columns.Count;
                columns.Add(new LayoutColumn(columns.Count, forum.EventId, null, null));
            }
            groups.Add(new LayoutGroup(forum.EventId, forum.Title, first, columns.Count - first));
        }

        // Minutes from the day's start, cut at its edges for a session crossing midnight.
        int Clamp(DateTimeOffset t) => Math.Clamp((int)Math.Round((t - dayStart).TotalMinutes), 0, dayMinutes);
        var firstMinute = Math.Min(8 * 60, shown.Select(s => Clamp(s.Start)).DefaultIfEmpty(8 * 60).Min()) / 60 * 60;
        var lastMinute = Math.Min(dayMinutes, (Math.Max(18 * 60, shown.Select(s => Clamp(s.End)).DefaultIfEmpty(18 * 60).Max()) + 59) / 60 * 60);

        var placed = new List<(GridSession Session, int Column, int Start, int End)>();
        foreach (var s in shown)
        {
            var room = s.RoomId is { } r && roomById.ContainsKey(r) ? r : (int?)null;
            if (!columnOf.TryGetValue((s.EventId, room), out var column)) continue; // a forum not shown (filtered out)
            placed.Add((s, column, Clamp(s.Start), Math.Max(Clamp(s.End), Clamp(s.Start))));
        }

        var blocks = new List<LayoutBlock>(placed.Count);
        foreach (var byColumn in placed.GroupBy(p => p.Column))
        {
            // Lanes: each session takes the first lane free at its start; a cluster of overlapping sessions shares its lane count.
            var ordered = byColumn.OrderBy(p => p.Start).ThenByDescending(p => p.End).ThenBy(p => p.Session.Id).ToList();
            var laneEnds = new List<int>();
            var cluster = new List<(GridSession Session, int Start, int End, int Lane)>();
            var clusterEnd = int.MinValue;
            void Flush()
            {
                foreach (var c in cluster)
                {
                    blocks.Add(new LayoutBlock(c.Session, byColumn.Key, c.Start - firstMinute, c.End - c.Start, c.Lane, laneEnds.Count,
                        c.Session.Start < dayStart, c.Session.End > dayEnd));
                }
                cluster.Clear();
                laneEnds.Clear();
            }
            foreach (var p in ordered)
            {
                // Half-open: a session ending at 10:00 and one starting at 10:00 do not overlap.
                if (cluster.Count > 0 && p.Start >= clusterEnd) Flush();
                var lane = laneEnds.FindIndex(end => end <= p.Start);
                if (lane < 0)
                {
                    lane = laneEnds.Count;
                    laneEnds.Add(p.End);
                }
                else
                {
                    laneEnds[lane] = p.End;
                }
                cluster.Add((p.Session, p.Start, p.End, lane));
                clusterEnd = cluster.Count == 1 ? p.End : Math.Max(clusterEnd, p.End);
            }
            Flush();
        }
        blocks.Sort((a, b) => a.Column != b.Column ? a.Column.CompareTo(b.Column) : a.Top != b.Top ? a.Top.CompareTo(b.Top) : a.Session.Id.CompareTo(b.Session.Id));
        return new TimetableLayout(firstMinute, lastMinute, groups, columns, blocks);
    }
}

/// <summary>A session placed anew on the grid (dragged, resized or moved by keyboard), with the stamp it was shown with.</summary>
public sealed record GridChange(GridSession Session, int ForumId, int? RoomId, DateTimeOffset Start, DateTimeOffset End);

/// <summary>An empty slot dragged over on the grid, for a new session: local wall-clock times on the day shown.</summary>
public sealed record GridSlot(int ForumId, int? RoomId, DateOnly Day, TimeOnly Start, TimeOnly End);

/// <summary>
/// An unscheduled tray entry dropped on the grid: into a session (<see cref="SessionId"/>, for a paper) or at a place of the grid,
/// <see cref="Start"/> snapped to five minutes, in a forum's room column.
/// </summary>
public sealed record TrayDrop(string Kind, int EntryId, int? SessionId, int ForumId, int? RoomId, DateTimeOffset Start);

