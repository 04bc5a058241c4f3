using System.Globalization;

namespace Events.Web.Components.Shared;

/// <summary>
/// The formats every MudDatePicker uses. The field holds an ISO date, which reads the same in both languages and can be
/// typed; the open calendar's header names the day as each language writes it: 6月12日 周五, or Fri, 12 Jun.
/// </summary>
public static class DatePickerFormats
{
    public const string Field = "yyyy-MM-dd";

    /// <summary>Formatted by the picker with the current culture, which supplies 周五 or Fri.</summary>
    public static string Title => CultureInfo.CurrentCulture.Name.StartsWith("zh", StringComparison.Ordinal) ? "M月d日 ddd" : "ddd, d MMM";
}
