using System.Globalization;
using Events.Core.Attendees.Dashboard;
using Events.Infrastructure.Exports;

namespace Events.Infrastructure.Attendees;

/// <summary>The tables of the organizer dashboard, each as its own one-sheet workbook (Chinese headers, as the other exports).</summary>
public enum DashboardTable
{
    Categories,
    Arrivals,
    Departures,
    RoomNights,
    Diets,
}

public static class DashboardWorkbook
{
    private const string Unanswered = "未填写";

    public static byte[] Write(RegistrationDashboard d, DashboardTable table)
    {
        ArgumentNullException.ThrowIfNull(d);
        return table switch
        {
            DashboardTable.Categories => SheetWorkbook.Write("分类与状态", ["类别", "已确认", "待审核", "候补", "未通过", "已取消", "合计（有效）"],
                [20, 10, 10, 10, 10, 10, 12],
                d.Categories.Select(c => (IReadOnlyList<string>)[c.Name ?? "未分类", N(c.Active), N(c.Pending), N(c.Waiting), N(c.Refused), N(c.Cancelled), N(c.Open)])),
            DashboardTable.Arrivals => Travel("到达", "接站", d.Arrivals, d.ArrivalsUnanswered),
            DashboardTable.Departures => Travel("离开", "送站", d.Departures, d.DeparturesUnanswered),
            DashboardTable.RoomNights => SheetWorkbook.Write("住宿间夜", ["酒店", "入住日期（当晚）", "人数"], [30, 18, 8],
                d.RoomNights.Select(r => (IReadOnlyList<string>)[r.Hotel, Day(r.Night), N(r.Guests)])),
            DashboardTable.Diets => SheetWorkbook.Write("饮食", ["饮食", "人数", "说明"], [20, 8, 40],
                d.Diets.Select(r => (IReadOnlyList<string>)[r.Label ?? Unanswered, N(r.People), r.Key == global::Events.Core.Attendees.Forms.ReplyFieldKeys.DietOther ? string.Join("；", d.OtherDiets) : ""])),
            _ => throw new ArgumentOutOfRangeException(nameof(table)),
        };
    }

    private static byte[] Travel(string what, string transfer, IReadOnlyList<TravelRow> rows, int unanswered) =>
        SheetWorkbook.Write(what, ["日期", "车站/机场", "时段", "人数", transfer], [14, 24, 14, 8, 8],
            rows.Select(r => (IReadOnlyList<string>)[Day(r.Day), r.Station ?? Unanswered, Hour(r.Hour), N(r.People), N(r.Transfer)])
                .Append([Unanswered, "", "", N(unanswered), ""]));

    public static string Hour(int hour) => string.Create(CultureInfo.InvariantCulture, $"{hour:D2}:00–{(hour + 1) % 24:D2}:00");

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string FileName(string slug, DashboardTable table) => $"{slug}-{table.ToString().ToLowerInvariant()}.xlsx";
}
