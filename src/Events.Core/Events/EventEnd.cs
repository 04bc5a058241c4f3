using Events.Core.Program;

namespace Events.Core.Events;

/// <summary>
/// Dates checked against the event they belong to. A deadline after the event's last day is allowed (a late
/// camera-ready date for post-event proceedings happens), but it is usually a slip, so the forms warn about it.
/// </summary>
public static class EventEnd
{
    /// <summary>The first instant after the event: midnight after its last day, in its time zone.</summary>
    public static DateTimeOffset Instant(DateOnly endDate, string timeZoneId) =>
        ProgramTime.Window(endDate, endDate, ProgramTime.Zone(timeZoneId)).End;

    /// <summary>Whether the event is over at <paramref name="now"/>.</summary>
    public static bool HasEnded(DateOnly endDate, string timeZoneId, DateTimeOffset now) => now >= Instant(endDate, timeZoneId);

    /// <summary>Whether a day entered in the event's time zone falls after the event's last day.</summary>
    public static bool IsAfter(DateOnly? day, DateOnly endDate) => day is { } d && d > endDate;
}
