namespace Events.Core.Program;

public static class ProgramTime
{
    /// <summary>
    /// A wall-clock time on a day in a zone, as an instant. A time skipped by a daylight-saving jump moves forward
    /// by the gap; an ambiguous one takes the earlier offset. (Asia/Shanghai has neither.)
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local)) local = local.AddHours(1);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The UTC span of an event's days in its zone: first day 00:00 up to the day after the last.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Window(DateOnly first, DateOnly last, TimeZoneInfo zone) =>
        (ToInstant(first, TimeOnly.MinValue, zone), ToInstant(last.AddDays(1), TimeOnly.MinValue, zone));

    public static TimeZoneInfo Zone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
