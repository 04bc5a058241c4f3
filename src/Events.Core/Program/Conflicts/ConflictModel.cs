namespace Events.Core.Program.Conflicts;

/// <summary>What the detector needs of a session: when, where, and who (item participants and chairs, by person id).</summary>
public sealed record ScheduledSession(
    int Id,
    int EventId,
    int? RoomId,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<int> ParticipantIds,
    IReadOnlyList<int> ChairIds,
    int ItemMinutes);

/// <summary>One stretch of time a person is available; a person with no range is free throughout. Ranges may touch or overlap.</summary>
public sealed record AvailabilityRange(int PersonId, DateTimeOffset Start, DateTimeOffset End);

/// <summary>The time an event (or sub-forum) runs: its first day 00:00 to the day after its last, in its own time zone, as UTC.</summary>
public sealed record EventWindow(int EventId, DateTimeOffset Start, DateTimeOffset End);

public enum ConflictKind
{
    PersonDoubleBooked,
    RoomDoubleBooked,
    OutsideEventDates,
    ItemsOverflow,
    ChairSpeaksElsewhere,

    /// <summary>A person takes part in a session at a time they said they are not available (<see cref="Conflict.PersonId"/>).</summary>
    OutsideAvailability,
}

/// <summary>
/// One problem. For pairs, <see cref="SessionId"/> is the smaller id and <see cref="OtherSessionId"/> the larger.
/// </summary>
public sealed record Conflict(ConflictKind Kind, int SessionId, int? OtherSessionId = null, int? PersonId = null, int? RoomId = null);
