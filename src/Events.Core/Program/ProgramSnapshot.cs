namespace Events.Core.Program;

/// <summary>
/// A published program as exports and public pages read it: the top-level event and every sub-forum's sessions,
/// fixed at publish time. Times are UTC; <see cref="TimeZoneId"/> says how to show them.
/// </summary>
public sealed record ProgramSnapshot(
    int Version,
    DateTimeOffset PublishedAt,
    string EventSlug,
    string EventTitle,
    string TimeZoneId,
    DateOnly StartDate,
    DateOnly EndDate,
    string? City,
    string? Venue,
    IReadOnlyList<SnapshotForum> Forums,
    IReadOnlyList<SnapshotRoom> Rooms,
    IReadOnlyList<SnapshotSession> Sessions,
    string? EventTitleEn = null);

/// <summary>The event itself or one of its sub-forums.</summary>
/// <remarks><see cref="Venue"/> is the forum's own venue (a sub-forum often meets elsewhere than its parent).</remarks>
public sealed record SnapshotForum(int EventId, string Slug, string Title, bool IsSubForum, string? TitleEn = null, string? Venue = null);

public sealed record SnapshotRoom(int Id, int EventId, string Name, int? Capacity);

public sealed record SnapshotSession(
    int Id,
    int EventId,
    SessionKind Kind,
    string Title,
    DateTimeOffset Start,
    DateTimeOffset End,
    int? RoomId,
    string? RoomName,
    IReadOnlyList<SnapshotPerson> Chairs,
    IReadOnlyList<SnapshotItem> Items,
    string? TitleEn = null);

public sealed record SnapshotItem(string Title, int DurationMinutes, IReadOnlyList<SnapshotParticipant> Participants, IReadOnlyList<string> Publications);

/// <summary><see cref="Person"/> is null for someone the sources do not name; <see cref="Label"/> then says who (e.g. 青年学者).</summary>
public sealed record SnapshotParticipant(ItemRole Role, SnapshotPerson? Person, string? Label);

public sealed record SnapshotPerson(int Id, string Name, string? NameEn, string DisplayTitle);
