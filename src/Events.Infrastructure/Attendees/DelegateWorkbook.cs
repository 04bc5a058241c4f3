using System.Globalization;
using Events.Infrastructure.Exports;

namespace Events.Infrastructure.Attendees;

/// <summary>The delegate list as a workbook (sheet 代表名单): number, group, name, unit, title, in the list's order.</summary>
public static class DelegateWorkbook
{
    public const string SheetName = "代表名单";

    public static readonly IReadOnlyList<string> Headers = ["序号", "分组", "姓名", "单位", "职务/职称"];

    private static readonly double[] Widths = [6, 14, 14, 40, 24];

    public static byte[] Write(IReadOnlyList<DelegateLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var rows = lines.Select(l => (IReadOnlyList<string>)
        [
            l.Number.ToString(CultureInfo.InvariantCulture), l.Delegate.Group ?? "", l.Delegate.Name, l.Delegate.Organization, l.Delegate.Title,
        ]);
        return SheetWorkbook.Write(SheetName, Headers, Widths, rows);
    }

    public static string FileName(string slug, string extension) => $"{slug}-delegates.{extension}";
}
