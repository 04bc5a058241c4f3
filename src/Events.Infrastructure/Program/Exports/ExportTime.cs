using System.Globalization;

namespace Events.Infrastructure.Program.Exports;

/// <summary>Time-zone handling for the exports: snapshot times are UTC, documents show the event's local time.</summary>
internal sealed class ExportTime
{
    private ExportTime(TimeZoneInfo zone, string ianaId)
    {
        Zone = zone;
        IanaId = ianaId;
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>The IANA id (Asia/Shanghai), also when the snapshot holds a Windows id.</summary>
    public string IanaId { get; }

    public static ExportTime For(string timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId)) throw new ArgumentException("The program has no time zone.", nameof(timeZoneId));
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId.Trim());
        }
        catch (TimeZoneNotFoundException e)
        {
            throw new ArgumentException($"Unknown time zone '{timeZoneId}'.", nameof(timeZoneId), e);
        }
        var iana = zone.HasIanaId ? zone.Id
            : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var converted) ? converted
            : zone.Id;
        return new ExportTime(zone, iana);
    }

    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>A wall-clock time of the event's zone with its offset.</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var dt = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(dt, Zone.GetUtcOffset(dt));
    }

    /// <summary>2024-09-08T09:00:00+08:00</summary>
    public static string IsoDateTime(DateTimeOffset local) => local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string HourMinute(DateTimeOffset local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>hh:mm of a length (frab duration); never negative.</summary>
    public static string Duration(TimeSpan length)
    {
        var minutes = Math.Max(0, (int)Math.Round(length.TotalMinutes));
        return string.Create(CultureInfo.InvariantCulture, $"{minutes / 60:00}:{minutes % 60:00}");
    }
}
