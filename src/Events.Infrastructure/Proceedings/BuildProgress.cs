using System.Collections.Concurrent;

namespace Events.Infrastructure.Proceedings;

public enum BuildStage
{
    Waiting,
    Reading,
    FrontMatter,
    Assembling,
    Saving,
}

/// <summary>How far a running build is; <see cref="Percent"/> runs 0–100 across all stages.</summary>
public sealed record BuildProgressInfo(BuildStage Stage, int Percent);

/// <summary>
/// Progress and cancellation of the builds running in this process. The organizer's page polls it; a cancel reaches
/// the running build through its token at once (a cancel for a build on another instance goes through the database flag).
/// </summary>
public sealed class BuildProgressRegistry
{
    private readonly ConcurrentDictionary<int, BuildProgressInfo> progress = new();
    private readonly ConcurrentDictionary<int, CancellationTokenSource> running = new();

    public BuildProgressInfo? Get(int buildId) => progress.TryGetValue(buildId, out var p) ? p : null;

    public void Report(int buildId, BuildStage stage, int percent) =>
        progress[buildId] = new BuildProgressInfo(stage, Math.Clamp(percent, 0, 100));

    public CancellationTokenSource Start(int buildId, CancellationToken stopping)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        running[buildId] = cts;
        Report(buildId, BuildStage.Reading, 0);
        return cts;
    }

    public void Finish(int buildId)
    {
        progress.TryRemove(buildId, out _);
        if (running.TryRemove(buildId, out var cts)) cts.Dispose();
    }

    /// <summary>True when the build runs here and was told to stop.</summary>
    public bool Cancel(int buildId)
    {
        if (!running.TryGetValue(buildId, out var cts)) return false;
        try
        {
            cts.Cancel();
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }
}
