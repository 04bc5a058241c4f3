using Events.Core.Organizations;

namespace Events.Infrastructure.Organizations;

public sealed record OrganizationListItem(int Id, string Name, string? ShortName, string? NameEn, OrganizationKind Kind, string? ParentName);
