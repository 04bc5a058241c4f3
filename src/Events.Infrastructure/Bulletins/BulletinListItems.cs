using Events.Core.Bulletins;

namespace Events.Infrastructure.Bulletins;

public sealed record BulletinSeriesListItem(int Id, string Name, string Publisher, int Issues, int Published);

public sealed record BulletinListItem(int Id, int SeriesId, string SeriesName, string Title, BulletinStatus Status, DateOnly IssueDate, string Numbers, string? EventTitle);

public sealed record PublishedBulletinItem(int Id, string SeriesName, string Numbers, string? RunLabel, string Title, DateOnly IssueDate);

/// <summary>An issue as its edit page loads it.</summary>
public sealed record BulletinDetails(
    BulletinInput Input, BulletinStatus Status, string SeriesName, string Numbers, int? CorrectsId, string? CorrectsNumbers,
    DateTimeOffset? PublishedAt, IReadOnlyList<int> CorrectedBy);

/// <summary>Which event's staff may edit an issue: its event and that event's parent forum.</summary>
public sealed record BulletinAccessInfo(int? EventId, int? ParentEventId);

public sealed record EventOption(int Id, string Title);
