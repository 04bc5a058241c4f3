namespace Events.Core.Program;

/// <summary>A published state of an event's program (v1, v2, …): a snapshot, and what changed since the one before.</summary>
public class ProgramVersion
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public int Number { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public string? PublishedBy { get; set; }

    /// <summary>The published sessions as JSON, so exports and change logs read a fixed state.</summary>
    public required string SnapshotJson { get; set; }
    public required string ChangeLogJson { get; set; }
    public bool AcknowledgedConflicts { get; set; }
}
