namespace Events.Core.Proceedings;

/// <summary>
/// One build of a volume, kept after it finishes so the organizer can compare and publish any of them.
/// Versions count up per volume; a failed or cancelled build keeps its number and its reason.
/// </summary>
public class ProceedingsBuild
{
    public int Id { get; set; }
    public int ProceedingsId { get; set; }
    public int Version { get; set; }
    public BuildState State { get; set; } = BuildState.Queued;
    public DateTimeOffset RequestedAt { get; set; }
    public required string RequestedByUserId { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>
    /// While running: the instance building it renews this claim; once it lapses (that instance stopped) another
    /// instance may take the build over. Means nothing once the build finished.
    /// </summary>
    public DateTimeOffset? ClaimExpiresAt { get; set; }

    /// <summary>Set by a cancel that arrives while the build waits in the queue or runs on another instance.</summary>
    public bool CancelRequested { get; set; }

    public string? StoredName { get; set; }
    public int PageCount { get; set; }
    public int PaperCount { get; set; }

    /// <summary>Pages before the first paper; the next build starts its table-of-contents layout from this guess.</summary>
    public int FrontMatterPages { get; set; }
    public long SizeBytes { get; set; }
    public string? Sha256 { get; set; }
    public string? Error { get; set; }

    public bool IsActive => State is BuildState.Queued or BuildState.Running;
}

public enum BuildState
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
