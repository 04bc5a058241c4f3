using System.Globalization;
using Events.Core.Program;
using Events.Infrastructure.Exports;

namespace Events.Infrastructure.Program.Exports;

/// <summary>
/// A published program as an Excel workbook (xlsx): one sheet 日程, one row per item with its session's date, times
/// (in the event's time zone), forum, room, kind, title and chairs repeated; a session without items gets one row.
/// The sheet itself is written by <see cref="SheetWorkbook"/>.
/// </summary>
public static class ProgramWorkbook
{
    public const string SheetName = "日程";

    public static readonly IReadOnlyList<string> Headers = ["日期", "开始", "结束", "分论坛", "会场", "类型", "场次", "主持", "环节", "发言人"];

    private static readonly double[] Widths = [12, 8, 8, 28, 16, 10, 30, 30, 40, 60];

    public static byte[] Write(ProgramSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var time = ExportTime.For(s.TimeZoneId);
        return SheetWorkbook.Write(SheetName, Headers, Widths, Rows(s, time));
    }

    private static IEnumerable<IReadOnlyList<string>> Rows(ProgramSnapshot s, ExportTime time)
    {
        foreach (var x in ExportText.Ordered(s, s.Sessions))
        {
            var start = time.Local(x.Start);
            var end = time.Local(x.End);
            string[] session =
            [
                start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ExportTime.HourMinute(start),
                ExportTime.HourMinute(end),
                ExportText.Clean(ExportText.Forum(s, x).Title),
                ExportText.RoomName(s, x),
                ExportText.KindLabel(x.Kind),
                ExportText.Clean(x.Title),
                ExportText.Chairs(x),
            ];
            if (x.Items.Count == 0)
            {
                yield return [.. session, "", ""];
                continue;
            }
            foreach (var item in x.Items)
            {
                var title = ExportText.Clean(item.Title);
                if (item.Publications.Count > 0) title += $"（发布成果：{ExportText.Publications(item)}）";
                yield return [.. session, title, ExportText.Participants(item)];
            }
        }
    }
}
