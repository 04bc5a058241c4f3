namespace Events.Core.Papers;

/// <summary>A deadline as the organizer enters it: a day and a wall-clock time in the event's zone.</summary>
public sealed class DeadlineInput
{
    /// <summary>Deadlines default to the end of the day, the way calls usually word them.</summary>
    public static readonly TimeOnly EndOfDay = new(23, 59);

    public DateOnly? Day { get; set; }
    public TimeOnly? Time { get; set; } = EndOfDay;

    public bool IsComplete => Day is not null && Time is not null;

    /// <summary>The wall-clock moment; deadlines of one call share a zone, so these compare like the instants.</summary>
    public DateTime? Local => Day is { } d && Time is { } t ? d.ToDateTime(t) : null;

    public DateTimeOffset ToInstant(TimeZoneInfo zone) => Program.ProgramTime.ToInstant(Day!.Value, Time!.Value, zone);

    public static DeadlineInput From(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        return new DeadlineInput { Day = DateOnly.FromDateTime(local), Time = TimeOnly.FromDateTime(local) };
    }

    public static DeadlineInput At(DateOnly day) => new() { Day = day, Time = EndOfDay };
}
