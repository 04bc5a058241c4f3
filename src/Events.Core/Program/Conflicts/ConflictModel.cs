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

/// <summary>The time an event (or sub-forum) runs: its first day 00:00 to the day after its last, in its own time zone, as UTC.</summary>
public sealed record EventWindow(int EventId, DateTimeOffset Start, DateTimeOffset End);

public enum ConflictKind
{
    PersonDoubleBooked,
    RoomDoubleBooked,
    OutsideEventDates,
    ItemsOverflow,
    ChairSpeaksElsewhere,
}

/// <summary>
/// One problem. For pairs, <see cref="SessionId"/> is the smaller id and <see cref="OtherSessionId"/> the larger.
/// </summary>
public sealed record Conflict(ConflictKind Kind, int SessionId, int? OtherSessionId = null, int? PersonId = null, int? RoomId = null);
