using Events.Core.Papers;

namespace Events.Infrastructure.Papers;

/// <summary>A call as the public page shows it.</summary>
public sealed record PublicCallView(
    int EventId, string EventSlug, string EventTitle, string TimeZoneId, string? Introduction,
    IReadOnlyList<string> Topics, DateTimeOffset SubmissionDeadline, DateTimeOffset ReviewDeadline,
    DateTimeOffset NotificationDate, DateTimeOffset CameraReadyDeadline,
    int MaxFileSizeMb, int MaxPages, ReviewMode ReviewMode, bool IsOpen);

/// <summary>The organizer's call page: the form and what it needs around it.</summary>
public sealed record CallEditView(CallInput Input, bool Exists, string EventTitle, string EventSlug, string TimeZoneId, int Submissions)
{
    /// <summary>The event's last day, to warn about deadlines after it.</summary>
    public DateOnly? EventEndDate { get; init; }
}

public sealed record TopicChoice(int Id, string Name);

/// <summary>A reviewer of the event as authors see them when declaring conflicts: name and affiliation only.</summary>
public sealed record ReviewerChoice(int Id, string Name, string? Affiliation);

/// <summary>What the submission form needs: the call's rules and topics, and the event's reviewers.</summary>
public sealed record SubmitContext(
    int EventId, string EventSlug, string EventTitle, string TimeZoneId, bool IsOpen,
    DateTimeOffset SubmissionDeadline, int MaxFileSizeMb, int MaxPages,
    IReadOnlyList<TopicChoice> Topics, IReadOnlyList<ReviewerChoice> Reviewers)
{
    public long MaxFileSizeBytes => MaxFileSizeMb * 1024L * 1024L;
}

/// <summary>An upload as it arrives: the uploader's name (for display only) and the bytes.</summary>
public sealed record PaperUpload(string FileName, Stream Content);

/// <summary>The outcome of a submission; <see cref="Anonymity"/> lists where a double-blind PDF names its authors.</summary>
public sealed record SubmitResult(Core.Common.SaveResult Save, PaperUploadProblem Upload = PaperUploadProblem.None,
    IReadOnlyList<Core.Papers.Anonymity.AnonymityFinding>? Anonymity = null);

public sealed record UploadResult(PaperUploadProblem Problem, int FileId = 0, int Version = 0)
{
    /// <summary>Where a double-blind PDF names its authors; the version is kept all the same.</summary>
    public IReadOnlyList<Core.Papers.Anonymity.AnonymityFinding> Anonymity { get; init; } = [];

    public bool IsValid => Problem == PaperUploadProblem.None;
}

public sealed record PaperFileItem(int Id, SubmissionFileKind Kind, int Version, string FileName, long SizeBytes, int PageCount, string Sha256, DateTimeOffset UploadedAt);

public sealed record AuthorLine(string Name, string Affiliation, string? Email, bool IsCorresponding, bool IsPresenter);

/// <summary>One review's comments to the authors, numbered as the decision mail numbers them (审稿人 1, 审稿人 3, …).</summary>
public sealed record AuthorReviewComment(int Number, string Text);

/// <summary>
/// A submission as its authors see it. <see cref="Decision"/> and <see cref="CommentsToAuthors"/> are filled only once the
/// decision was sent; the comments carry no reviewer, score or confidential text, by construction of the query.
/// </summary>
public sealed record AuthorPaperView(
    int Id, int Number, string Title, string Abstract, string? Keywords, string? Topic,
    IReadOnlyList<AuthorLine> Authors, SubmissionState State, string EventTitle, string EventSlug, string TimeZoneId,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset SubmissionDeadline, DateTimeOffset CameraReadyDeadline,
    int MaxFileSizeMb, int MaxPages, IReadOnlyList<PaperFileItem> Files, IReadOnlyList<string> DeclaredConflicts,
    bool CanChange, bool CanUploadCameraReady, bool CanUploadRevision, Decision? Decision, IReadOnlyList<AuthorReviewComment> CommentsToAuthors)
{
    /// <summary>Where and when the paper is presented, once it is placed in the program and the decision was sent.</summary>
    public PaperSlot? Slot { get; init; }

    public PaperFileItem? Current(SubmissionFileKind kind) => Files.Where(f => f.Kind == kind).MaxBy(f => f.Version);
}

/// <summary>A paper's talk: its session, its own start and end (after the items before it), and the room.</summary>
public sealed record PaperSlot(string Session, DateTimeOffset Start, DateTimeOffset End, string? Room);

public sealed record MySubmissionItem(int Id, int Number, string Title, string EventTitle, string EventSlug, string TimeZoneId,
    SubmissionState State, Decision? Decision, DateTimeOffset UpdatedAt, bool HasPdf);

/// <summary>A stored paper file opened for download; the caller disposes the stream.</summary>
public sealed record PaperFileDownload(Stream Content, string FileName);

/// <summary>The signed-in user's own author line, offered by "add myself".</summary>
public sealed record SelfAuthor(string Name, string? Affiliation, string Email);
