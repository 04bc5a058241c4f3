using System.Globalization;
using Events.Core.Program;
using Events.Infrastructure.Exports;

namespace Events.Infrastructure.Attendees;

/// <summary>
/// The attendee list as an Excel workbook: one sheet 报名名单, one row per active registration in the order given
/// (pinyin by name from <see cref="AttendeeList.ActiveAsync"/>), the registration time in the event's time zone.
/// Headers are Chinese like the program export's, since the lists are printed for Chinese sign-in desks.
/// </summary>
public static class AttendeeWorkbook
{
    public const string SheetName = "报名名单";

    public static readonly IReadOnlyList<string> Headers = ["序号", "姓名", "单位", "职务/职称", "电子邮箱", "电话", "报名时间"];

    private static readonly double[] Widths = [6, 14, 36, 24, 30, 18, 18];

    public static byte[] Write(IReadOnlyList<AttendeeListItem> attendees, string timeZoneId)
    {
        ArgumentNullException.ThrowIfNull(attendees);
        var zone = ProgramTime.Zone(timeZoneId);
        var rows = attendees.Select((a, i) => (IReadOnlyList<string>)
        [
            (i + 1).ToString(CultureInfo.InvariantCulture),
            a.Name,
            a.Organization,
            a.Title,
            a.Email,
            a.Phone ?? "",
            TimeZoneInfo.ConvertTime(a.RegisteredAt, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        ]);
        return SheetWorkbook.Write(SheetName, Headers, Widths, rows);
    }

    /// <summary>The download's file name: ASCII slug and date, so every browser and mail client keeps it intact.</summary>
    public static string FileName(string slug, DateTimeOffset at) =>
        $"{slug}-registrations-{at.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xlsx";
}
