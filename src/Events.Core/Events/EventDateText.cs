using System.Globalization;

namespace Events.Core.Events;

/// <summary>Event dates as people write them: 2023年7月29日—30日 in Chinese, 29 Jul 2023 – 30 Jul 2023 in English.</summary>
public static class EventDateText
{
    public static string Format(DateOnly start, DateOnly end, CultureInfo culture)
    {
        if (culture.Name.StartsWith("zh", StringComparison.Ordinal))
        {
            var first = $"{start.Year}年{start.Month}月{start.Day}日";
            if (start == end) return first;
            if (start.Year != end.Year) return $"{first}—{end.Year}年{end.Month}月{end.Day}日";
            return start.Month == end.Month ? $"{first}—{end.Day}日" : $"{first}—{end.Month}月{end.Day}日";
        }
        var en = CultureInfo.GetCultureInfo("en");
        return start == end
            ? start.ToString("d MMM yyyy", en)
            : $"{start.ToString("d MMM yyyy", en)} – {end.ToString("d MMM yyyy", en)}";
    }

    /// <summary>One day of an event without the year, for day tabs: 7月29日 in Chinese, 29 Jul in English.</summary>
    public static string Day(DateOnly day, CultureInfo culture) =>
        culture.Name.StartsWith("zh", StringComparison.Ordinal)
            ? $"{day.Month}月{day.Day}日"
            : day.ToString("d MMM", CultureInfo.GetCultureInfo("en"));
}
