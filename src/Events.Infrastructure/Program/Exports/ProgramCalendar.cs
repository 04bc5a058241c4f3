using System.Globalization;
using Events.Core.Program;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Events.Infrastructure.Program.Exports;

/// <summary>
/// A published program as an RFC 5545 iCalendar feed: one VEVENT per session in the event's own time zone
/// (a VTIMEZONE plus DTSTART/DTEND with TZID), with UIDs that stay the same across program versions so calendar
/// apps update events in place.
/// </summary>
public static class ProgramCalendar
{
    public const string ProductId = "-//Events//Program Export//ZH";

    /// <summary>The calendar as text (CRLF lines, folded at 75 octets; write it out as UTF-8).</summary>
    /// <param name="s">The published snapshot.</param>
    /// <param name="baseUrl">Absolute http(s) root of the public site, e.g. https://events.example.org.</param>
    /// <param name="wording">The language of kinds, roles, labels, titles and names.</param>
    /// <param name="onlySessionIds">For a personal agenda: only these sessions (ids that are not in the program are ignored).</param>
    /// <param name="calendarName">The name calendar apps show (X-WR-CALNAME); the event's title when null.</param>
    public static string Write(ProgramSnapshot s, string baseUrl, ExportWording wording, IEnumerable<int>? onlySessionIds = null, string? calendarName = null)
    {
        ArgumentNullException.ThrowIfNull(wording);
        ArgumentNullException.ThrowIfNull(s);
        var root = FrabModel.NormalizeBaseUrl(baseUrl);
        var time = ExportTime.For(s.TimeZoneId);
        var tzId = time.IanaId;
        var only = onlySessionIds?.ToHashSet();
        var sessions = ExportText.Ordered(wording, s, s.Sessions.Where(x => only is null || only.Contains(x.Id)));

        var calendar = new Ical.Net.Calendar { ProductId = ProductId, Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", ExportText.Clean(calendarName ?? wording.Title(s.EventTitle, s.EventTitleEn)));
        calendar.AddProperty("X-WR-TIMEZONE", tzId);

        var earliest = sessions.Count > 0 ? time.Local(sessions[0].Start).Date : s.StartDate.ToDateTime(TimeOnly.MinValue);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(tzId, earliest.AddDays(-1), includeHistoricalData: false));

        var stamp = new CalDateTime(s.PublishedAt.UtcDateTime, CalDateTime.UtcTzId);
        foreach (var x in sessions)
        {
            var forum = ExportText.Forum(s, x);
            var start = time.Local(x.Start);
            var end = time.Local(x.End < x.Start ? x.Start : x.End);
            var e = new CalendarEvent
            {
                Uid = $"session-{x.Id.ToString(CultureInfo.InvariantCulture)}@{s.EventSlug}",
                Summary = ExportText.Clean(wording.Title(x.Title, x.TitleEn)),
                DtStart = new CalDateTime(start.DateTime, tzId),
                DtEnd = new CalDateTime(end.DateTime, tzId),
                DtStamp = stamp,
                LastModified = stamp,
                Sequence = Math.Max(0, s.Version),
                Location = Location(wording, s, x, forum) is { Length: > 0 } where ? where : null,
                Description = Description(wording, x, forum),
                Url = SessionUrl(root, forum, x),
                Status = "CONFIRMED",
                Transparency = x.Kind == SessionKind.Break ? "TRANSPARENT" : "OPAQUE",
            };
            e.Categories.Add(wording.Kind(x.Kind));
            calendar.Events.Add(e);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>The session's own page, where its people, items and changes are.</summary>
    public static Uri SessionUrl(string root, SnapshotForum forum, SnapshotSession x) =>
        new($"{root}/events/{Uri.EscapeDataString(forum.Slug)}/sessions/{x.Id.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>
    /// 主会场（国家会议中心，北京）: the room, then venue and city. The venue is the session's forum's own (a sub-forum
    /// often meets elsewhere), the event's when the forum names none.
    /// </summary>
    private static string Location(ExportWording w, ProgramSnapshot s, SnapshotSession x, SnapshotForum forum)
    {
        var room = ExportText.AssignedRoomName(s, x);
        var venue = string.IsNullOrWhiteSpace(forum.Venue) ? s.Venue : forum.Venue;
        var place = string.Join(w.Comma,
            new[] { venue, s.City }.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => ExportText.Clean(v).Trim()));
        if (room is null) return place;
        return place.Length == 0 ? room : w.WithNote(room, place);
    }

    private static string Description(ExportWording w, SnapshotSession x, SnapshotForum forum)
    {
        var head = w.WithNote(ExportText.Clean(w.Title(forum.Title, forum.TitleEn)), w.Kind(x.Kind));
        var body = ExportText.Description(w, x);
        return body.Length == 0 ? head : head + "\n" + body;
    }
}
