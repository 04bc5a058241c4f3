namespace Events.Core.Events;

/// <summary>指导、主办、承办、协办、支持: the order in which Chinese programs list the units.</summary>
public enum OrganizerRole
{
    GuidedBy,
    Host,
    Organizer,
    CoOrganizer,
    Supporter,
}
