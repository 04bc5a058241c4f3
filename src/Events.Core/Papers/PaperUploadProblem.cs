namespace Events.Core.Papers;

/// <summary>Why an uploaded PDF was refused. Each has a message for the author; the earlier version always stays.</summary>
public enum PaperUploadProblem
{
    None,
    Empty,
    TooLarge,
    NotPdf,
    Damaged,
    Encrypted,
    NoPages,
    TooManyPages,
    SubmissionDeadlinePassed,
    CameraReadyDeadlinePassed,
    NotAccepted,
    RevisionDeadlinePassed,
    SubmissionWithdrawn,
    NotFound,
}
