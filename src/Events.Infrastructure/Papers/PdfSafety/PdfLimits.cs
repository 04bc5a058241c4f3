namespace Events.Infrastructure.Papers.PdfSafety;

/// <summary>
/// How much work one uploaded PDF may cost the server. A compression bomb is small on the wire and huge once decoded, so the
/// upload size limit alone does not bound memory: these bound what the parsers would decode, how many objects they would
/// build, how long a parse may run, and how many uploads are parsed at once. Bound from the "Pdf" configuration section.
/// </summary>
public sealed record PdfLimits
{
    /// <summary>Decoded bytes of one stream. A full-page 600 dpi colour scan stored with Flate is about 100 MB.</summary>
    public long MaxStreamBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>Decoded bytes of all streams together.</summary>
    public long MaxTotalBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Indirect objects, counting those packed in object streams. A 300-page book has some tens of thousands.</summary>
    public int MaxObjects { get; init; } = 250_000;

    /// <summary>How long the full parse of one upload may take before it is refused.</summary>
    public TimeSpan MaxParseTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Uploads parsed at the same time; the rest wait their turn.</summary>
    public int MaxConcurrentValidations { get; init; } = 2;

    /// <summary>How long an upload waits for a free slot before it is refused as "server busy".</summary>
    public TimeSpan MaxQueueWait { get; init; } = TimeSpan.FromSeconds(60);
}
