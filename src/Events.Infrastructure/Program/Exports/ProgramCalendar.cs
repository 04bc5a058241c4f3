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
    /// <param name="onlySessionIds">For a personal agenda: only these sessions (ids that are not in the program are ignored).</param>
    /// <param name="calendarName">The name calendar apps show (X-WR-CALNAME); the event's title when null.</param>
    public static string Write(ProgramSnapshot s, string baseUrl, IEnumerable<int>? onlySessionIds = null, string? calendarName = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        var root = FrabModel.NormalizeBaseUrl(baseUrl);
        var time = ExportTime.For(s.TimeZoneId);
        var tzId = time.IanaId;
        var only = onlySessionIds?.ToHashSet();
        var sessions = ExportText.Ordered(s, s.Sessions.Where(x => only is null || only.Contains(x.Id)));

        var calendar = new Ical.Net.Calendar { ProductId = ProductId, Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", ExportText.Clean(calendarName ?? s.EventTitle));
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
                Summary = ExportText.Clean(x.Title),
                DtStart = new CalDateTime(start.DateTime, tzId),
                DtEnd = new CalDateTime(end.DateTime, tzId),
                DtStamp = stamp,
                LastModified = stamp,
                Sequence = Math.Max(0, s.Version),
                Location = Location(s, x) is { Length: > 0 } where ? where : null,
                Description = Description(s, x, forum),
                Url = new Uri($"{root}/events/{Uri.EscapeDataString(forum.Slug)}"),
                Status = "CONFIRMED",
                Transparency = x.Kind == SessionKind.Break ? "TRANSPARENT" : "OPAQUE",
            };
            e.Categories.Add(ExportText.KindLabel(x.Kind));
            calendar.Events.Add(e);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>主会场（国家会议中心，北京）: the room, then venue and city.</summary>
    private static string Location(ProgramSnapshot s, SnapshotSession x)
    {
        var room = ExportText.RoomName(s, x);
        var place = string.Join("，", new[] { s.Venue, s.City }.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => ExportText.Clean(v).Trim()));
        if (room == ExportText.UnassignedRoom) return place;
        return place.Length == 0 ? room : $"{room}（{place}）";
    }

    private static string Description(ProgramSnapshot s, SnapshotSession x, SnapshotForum forum)
    {
        var head = $"{ExportText.Clean(forum.Title)}｜{ExportText.KindLabel(x.Kind)}";
        var body = ExportText.Description(x);
        return body.Length == 0 ? head : head + "\n" + body;
    }
}
