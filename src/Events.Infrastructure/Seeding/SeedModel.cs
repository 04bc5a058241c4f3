using Events.Core.Events;
using Events.Core.Organizations;
using Events.Core.Program;

namespace Events.Infrastructure.Seeding;

// The shapes of the JSON files in seeds/; see seeds/README.md. Keys link records across files.

internal sealed record SeedOrganization(string Key, string Name, string? ShortName, string? NameEn, OrganizationKind Kind, string? Parent);

internal sealed record SeedPosition(string? Organization, string Title);

internal sealed record SeedPerson(string Key, string Name, string? NameEn, string? Bio, List<SeedPosition> Positions);

internal sealed record SeedSeries(string Key, string Name, int? FirstYear, string? Organization);

internal sealed record SeedParticipant(string Person, ParticipantRole Role, string? Topic);

internal sealed record SeedEvent(
    string Slug, EventKind Kind, string? Series, int? Edition, string Title, string? Theme, string? Description,
    DateOnly StartDate, DateOnly EndDate, string? TimeZone, string? City, string? Venue, string? Parent,
    int? ExpectedAttendance, EventStatus Status, Dictionary<OrganizerRole, List<string>> Units, List<SeedParticipant> Participants);

internal sealed record SeedRoom(string Key, string Name, int? Capacity, string? Notes);

internal sealed record SeedItemParticipant(string? Person, string? Label, ItemRole Role);

internal sealed record SeedItem(string Title, int Minutes, List<SeedItemParticipant>? Participants, List<string>? Publications);

internal sealed record SeedSession(
    SessionKind Kind, string Title, DateTime Start, DateTime End, string? Room, List<string>? Chairs, List<SeedItem>? Items);

internal sealed record SeedProgram(string Event, List<SeedRoom> Rooms, List<SeedSession> Sessions);

internal sealed record SeedCriterion(string Name, string? Description, int ScaleMax, decimal Weight);

internal sealed record SeedCall(
    string Event, bool IsPublished, string? Introduction,
    DateTime SubmissionDeadline, DateTime ReviewDeadline, DateTime NotificationDate, DateTime CameraReadyDeadline,
    int MaxFileSizeMb, int MaxPages, Core.Papers.ReviewMode ReviewMode, int ReviewsPerPaper, int MaxLoadPerReviewer,
    bool HideOtherReviewsUntilSubmitted, List<string> Topics, List<SeedCriterion> Criteria);
