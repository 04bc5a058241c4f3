using Events.Core.Common;

namespace Events.Core.Papers;

/// <summary>A paper submitted to an event's call. Numbered per event (#1, #2…) so reviewers can talk about it without names.</summary>
public class Submission : IConcurrencyVersioned
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public required string Abstract { get; set; }

    /// <summary>Keywords as entered, separated by ；, ; or commas.</summary>
    public string? Keywords { get; set; }
    public int? TopicId { get; set; }
    public PaperTopic? Topic { get; set; }

    /// <summary>The account that submitted it and may edit it.</summary>
    public required string SubmitterUserId { get; set; }

    public SubmissionState State { get; set; } = SubmissionState.Submitted;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public Decision? Decision { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Set when the decision mail was queued; authors see the decision and comments only after this.</summary>
    public DateTimeOffset? DecisionNotifiedAt { get; set; }

    /// <summary>The program item where an accepted paper is presented.</summary>
    public int? SessionItemId { get; set; }

    public List<Author> Authors { get; set; } = [];
    public List<SubmissionFile> Files { get; set; } = [];

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public bool IsAccepted => Decision is Papers.Decision.AcceptOral or Papers.Decision.AcceptPoster;
}

public enum SubmissionState
{
    Submitted,
    Withdrawn,
}

public enum Decision
{
    AcceptOral,
    AcceptPoster,
    Revise,
    Reject,
}

/// <summary>An author of a submission, in byline order. Co-authors carry their own affiliation and email.</summary>
public class Author
{
    public int Id { get; set; }
    public int SubmissionId { get; set; }
    public int Order { get; set; }
    public required string Name { get; set; }
    public required string Affiliation { get; set; }
    public string? Email { get; set; }
    public bool IsCorresponding { get; set; }
    public bool IsPresenter { get; set; }
}

public enum SubmissionFileKind
{
    Submission,
    CameraReady,
}

/// <summary>One uploaded version of a paper's PDF. Every upload is kept; the newest of a kind is the current one.</summary>
public class SubmissionFile
{
    public int Id { get; set; }
    public int SubmissionId { get; set; }
    public SubmissionFileKind Kind { get; set; }
    public int Version { get; set; }

    /// <summary>The name the file store chose; the uploader's name is kept only for display to the authors.</summary>
    public required string StoredName { get; set; }
    public required string OriginalFileName { get; set; }
    public long SizeBytes { get; set; }
    public int PageCount { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public required string UploadedByUserId { get; set; }

    /// <summary>
    /// In a double-blind call, where the PDF names its authors (JSON of <see cref="Anonymity.AnonymityFinding"/>), found at
    /// upload and shown to organizers; null when nothing was found or the call is single-blind.
    /// </summary>
    public string? AnonymityFindings { get; set; }
}
