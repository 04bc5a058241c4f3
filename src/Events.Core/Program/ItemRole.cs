namespace Events.Core.Program;

/// <summary>A participant's part in one item of a session.</summary>
public enum ItemRole
{
    Speaker,
    CoSpeaker,
    Panelist,
    Discussant,
    Moderator,
    Address,
}
