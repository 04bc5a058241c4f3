using Events.Core.Validation;

namespace Events.Core.Papers;

/// <summary>
/// When authors may act. The service asks these before every change, so a form left open past a deadline
/// (or a hand-made request) is refused on the server with a code the UI can explain.
/// </summary>
public static class PaperDeadlines
{
    /// <summary>The field refusals are reported on: they concern the whole submission, not one input.</summary>
    public const string Field = "Submission";

    /// <summary>A new submission needs a published call whose submission deadline has not passed.</summary>
    public static RuleViolation? CanSubmit(CallForPapers? call, DateTimeOffset now)
    {
        if (call is null || !call.IsPublished) return new(Field, "CallNotOpen");
        if (now >= call.SubmissionDeadline) return new(Field, "SubmissionDeadlinePassed");
        return null;
    }

    /// <summary>
    /// Editing the details, replacing the paper's PDF and withdrawing: until the submission deadline, while not withdrawn,
    /// and not once the authors were told the decision (even one sent before the deadline): the committee decided on this
    /// paper as it stands. What a decision allows afterwards (a revision, a camera-ready copy) has its own rule below.
    /// </summary>
    public static RuleViolation? CanChange(CallForPapers call, Submission submission, DateTimeOffset now)
    {
        if (submission.State == SubmissionState.Withdrawn) return new(Field, "SubmissionWithdrawn");
        if (now >= call.SubmissionDeadline) return new(Field, "SubmissionDeadlinePassed");
        if (DecisionVisible(submission)) return new(Field, "DecisionMade");
        return null;
    }

    /// <summary>The camera-ready PDF: for a paper whose acceptance the authors were told of, until the camera-ready deadline.</summary>
    public static RuleViolation? CanUploadCameraReady(CallForPapers call, Submission submission, DateTimeOffset now)
    {
        if (submission.State == SubmissionState.Withdrawn) return new(Field, "SubmissionWithdrawn");
        if (!submission.IsAccepted || submission.DecisionNotifiedAt is null) return new(Field, "NotAccepted");
        if (now >= call.CameraReadyDeadline) return new(Field, "CameraReadyDeadlinePassed");
        return null;
    }

    /// <summary>
    /// A revised PDF, for a paper whose authors were told to revise it: until the camera-ready deadline, the last date the
    /// call gives authors. It becomes the paper's current version, the one reviewers read, and the committee decides again.
    /// </summary>
    public static RuleViolation? CanUploadRevision(CallForPapers call, Submission submission, DateTimeOffset now)
    {
        if (submission.State == SubmissionState.Withdrawn) return new(Field, "SubmissionWithdrawn");
        if (!IsAskedToRevise(submission)) return new(Field, "NotAskedToRevise");
        if (now >= call.CameraReadyDeadline) return new(Field, "RevisionDeadlinePassed");
        return null;
    }

    /// <summary>A new version of the paper's PDF: a revision once the authors were asked for one, otherwise a change before the deadline.</summary>
    public static RuleViolation? CanReplacePdf(CallForPapers call, Submission submission, DateTimeOffset now) =>
        IsAskedToRevise(submission) ? CanUploadRevision(call, submission, now) : CanChange(call, submission, now);

    private static bool IsAskedToRevise(Submission submission) =>
        submission.Decision == Decision.Revise && submission.DecisionNotifiedAt is not null;

    /// <summary>Authors learn the decision, and read the comments to authors, only once the decision was sent to them.</summary>
    public static bool DecisionVisible(Submission submission) => submission.Decision is not null && submission.DecisionNotifiedAt is not null;
}
