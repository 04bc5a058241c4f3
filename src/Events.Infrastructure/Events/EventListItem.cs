using Events.Core.Events;

namespace Events.Infrastructure.Events;

public sealed record EventListItem(
    int Id, string Slug, string Title, EventKind Kind, int? Edition, string? Theme,
    DateOnly StartDate, DateOnly EndDate, string TimeZoneId, string? City, EventStatus Status, string? ParentTitle, int SubForumCount, string? TitleEn = null);
