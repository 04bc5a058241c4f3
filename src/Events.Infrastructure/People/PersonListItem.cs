namespace Events.Infrastructure.People;

public sealed record PersonListItem(int Id, string Name, string? NameEn, string DisplayTitle, bool HasPhoto);
