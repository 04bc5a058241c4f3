namespace Events.Core.OnSite;

public enum BadgeBuildState
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>
/// A bulk print of badges (all of a category and state) queued from the badges page and run in the background, its
/// progress on the row and its PDF in the file store. A build left running by a process that stopped is queued again
/// once its claim lapses (<see cref="ClaimExpiresAt"/>), at most <see cref="MaxAttempts"/> times.
/// </summary>
public class BadgeBuild : Common.IClaimedBuild<BadgeBuildState>
{
    public const int MaxAttempts = 3;

    public int Id { get; set; }
    public int EventId { get; set; }

    /// <summary>The filter as chosen, for the list: the category (0 none, null all) and the state (null all).</summary>
    public int? CategoryId { get; set; }
    public Attendees.RegistrationState? RegistrationState { get; set; }

    /// <summary>The language the badges' labels print in ("zh-CN" or "en"), the requester's.</summary>
    public required string Culture { get; set; }

    /// <summary>"A4" or "Stock90x120".</summary>
    public required string Paper { get; set; }

    /// <summary>The registrations to print, comma-separated ids, fixed when queued.</summary>
    public required string RegistrationIds { get; set; }
    public BadgeBuildState State { get; set; }
    public int Done { get; set; }
    public int Total { get; set; }
    public int? PageCount { get; set; }
    public string? StoredName { get; set; }
    public long? Size { get; set; }
    public string? Error { get; set; }
    public required string RequestedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>While running: until when the running instance holds it; it renews this every heartbeat.</summary>
    public DateTimeOffset? ClaimExpiresAt { get; set; }

    /// <summary>How many times a worker has started it.</summary>
    public int Attempts { get; set; }
}
