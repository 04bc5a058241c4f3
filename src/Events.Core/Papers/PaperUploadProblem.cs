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

    /// <summary>Decodes to more than the limits allow, holds too many objects, or takes too long to read (a compression bomb).</summary>
    TooComplex,

    /// <summary>Too many uploads are being checked at once; nothing was kept, and trying again later works.</summary>
    Busy,

    /// <summary>The authors were told the decision: the paper stays as it was decided on, apart from what the decision asks for.</summary>
    DecisionMade,
}
