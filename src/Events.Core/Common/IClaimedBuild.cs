namespace Events.Core.Common;

/// <summary>
/// A row of a background build queue that a worker claims and may start again after its process stopped (booklets,
/// certificates, badges). The members are the columns the one shared claim flow reads and writes, so that flow can be
/// written once over every such entity; <typeparamref name="TState"/> is the entity's own Queued/Running/Done/Failed enum.
/// </summary>
public interface IClaimedBuild<TState> where TState : struct, Enum
{
    int Id { get; }
    int EventId { get; }
    TState State { get; set; }

    /// <summary>How many times a worker has started it.</summary>
    int Attempts { get; set; }

    /// <summary>While running: until when the running instance holds it; it renews this every heartbeat.</summary>
    DateTimeOffset? ClaimExpiresAt { get; set; }
    string? Error { get; set; }
    DateTimeOffset? FinishedAt { get; set; }
}
