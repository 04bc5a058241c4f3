namespace Events.Core.Program;

public enum SessionKind
{
    Opening,
    Address,
    Keynote,
    InvitedTalk,
    Panel,
    Release,
    PaperSession,
    Commentary,
    Break,
    Closing,
}
