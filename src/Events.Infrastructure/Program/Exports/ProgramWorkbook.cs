using System.Globalization;
using Events.Core.Program;
using Events.Infrastructure.Exports;

namespace Events.Infrastructure.Program.Exports;

/// <summary>
/// A published program as an Excel workbook (xlsx): one sheet (日程 / Program), one row per item with its session's date, times
/// (in the event's time zone), forum, room, kind, title and chairs repeated; a session without items gets one row.
/// The sheet itself is written by <see cref="SheetWorkbook"/>.
/// </summary>
public static class ProgramWorkbook
{
    private static readonly double[] Widths = [12, 8, 8, 28, 16, 10, 30, 30, 40, 60];

    public static byte[] Write(ProgramSnapshot s, ExportWording wording)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(wording);
        var time = ExportTime.For(s.TimeZoneId);
        return SheetWorkbook.Write(wording.SheetName, wording.Headers, Widths, Rows(s, time, wording));
    }

    private static IEnumerable<IReadOnlyList<string>> Rows(ProgramSnapshot s, ExportTime time, ExportWording w)
    {
        foreach (var x in ExportText.Ordered(w, s, s.Sessions))
        {
            var start = time.Local(x.Start);
            var end = time.Local(x.End);
            var forum = ExportText.Forum(s, x);
            string[] session =
            [
                start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ExportTime.HourMinute(start),
                ExportTime.HourMinute(end),
                ExportText.Clean(w.Title(forum.Title, forum.TitleEn)),
                ExportText.RoomName(w, s, x),
                w.Kind(x.Kind),
                ExportText.Clean(w.Title(x.Title, x.TitleEn)),
                ExportText.Chairs(w, x),
            ];
            if (x.Items.Count == 0)
            {
                yield return [.. session, "", ""];
                continue;
            }
            foreach (var item in x.Items)
            {
                var title = ExportText.Clean(item.Title);
                if (item.Publications.Count > 0) title = w.WithNote(title, w.Labelled("Export.Publications", ExportText.Publications(w, item)));
                yield return [.. session, title, ExportText.Participants(w, item)];
            }
        }
    }
}
