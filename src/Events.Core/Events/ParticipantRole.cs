namespace Events.Core.Events;

public enum ParticipantRole
{
    Chair,
    Address,
    Keynote,
    Speaker,
    Panelist,
    Moderator,
    Discussant,
    Guest,
}
