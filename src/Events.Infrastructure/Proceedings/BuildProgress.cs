using System.Collections.Concurrent;
using Events.Infrastructure.LiveUpdates;

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
/// Progress and cancellation of the builds running in this process. The organizer's page is told of each change through <see cref="ILiveUpdates"/>; a cancel reaches
/// the running build through its token at once (a cancel for a build on another instance goes through the database flag).
/// </summary>
public sealed class BuildProgressRegistry(ILiveUpdates live)
{
    /// <summary>A build started or finished here (its row's state changed); the key is the build id.</summary>
    public const string StateTopic = "proceedings.build.state";

    /// <summary>A running build moved on; the key is the build id. Its progress is in memory, no reload needed.</summary>
    public const string ProgressTopic = "proceedings.build.progress";

    private readonly ConcurrentDictionary<int, BuildProgressInfo> progress = new();
    private readonly ConcurrentDictionary<int, CancellationTokenSource> running = new();

    public BuildProgressInfo? Get(int buildId) => progress.TryGetValue(buildId, out var p) ? p : null;

    public void Report(int buildId, BuildStage stage, int percent)
    {
        var next = new BuildProgressInfo(stage, Math.Clamp(percent, 0, 100));
        var previous = progress.TryGetValue(buildId, out var p) ? p : null;
        progress[buildId] = next;
        if (next != previous) live.Notify(ProgressTopic, buildId);
    }

    public CancellationTokenSource Start(int buildId, CancellationToken stopping)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        running[buildId] = cts;
        Report(buildId, BuildStage.Reading, 0);
        live.Notify(StateTopic, buildId);
        return cts;
    }

    public void Finish(int buildId)
    {
        progress.TryRemove(buildId, out _);
        if (running.TryRemove(buildId, out var cts)) cts.Dispose();
        live.Notify(StateTopic, buildId);
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
