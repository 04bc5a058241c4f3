namespace Events.Infrastructure.Data;

/// <summary>
/// The claim a background build holds while it runs (booklet, certificate, badge and proceedings builds): a deadline on
/// its row that the running instance renews every <see cref="Heartbeat"/>. A row still running after its deadline belongs
/// to a process that stopped or crashed; the next worker round takes it over, so a restart resumes or closes it.
/// The claim flow itself (claim, outcomes, recovery) is <see cref="ClaimedBuildWorker{TBuild, TState}"/>.
/// </summary>
public static class BuildClaim
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(2);

    /// <summary>Many heartbeats long, so a slow write on a busy machine never loses a live claim; short enough that a restarted app picks the build up within it.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    /// <summary>What a build that ran out of attempts says: its process stopped every time.</summary>
    public const string Interrupted = "interrupted";

    /// <summary>
    /// A worker's loop: runs <paramref name="round"/> until the app stops. A failed round is logged and the loop waits
    /// <paramref name="backoff"/>(failures in a row) before the next, so a locked database never stops the host.
    /// </summary>
    public static async Task LoopAsync(Func<CancellationToken, Task> round, Func<int, TimeSpan> backoff, Action<Exception> log, TimeProvider clock, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(backoff);
        ArgumentNullException.ThrowIfNull(log);
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await round(stopping);
                failures = 0;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A locked database must never stop the host.
            catch (Exception e)
#pragma warning restore CA1031
            {
                log(e);
                try
                {
                    await Task.Delay(backoff(++failures), clock, stopping);
                }
                catch (OperationCanceledException)
                {
                    // Stopping; the loop ends.
                }
            }
        }
    }

    /// <summary>
    /// Calls <paramref name="renew"/> every heartbeat until <paramref name="stop"/>; when it returns false (the claim
    /// was taken over) the build is cancelled through <paramref name="build"/>. A failed renewal is retried next beat.
    /// </summary>
    public static async Task KeepAsync(Func<CancellationToken, Task<bool>> renew, CancellationTokenSource build, TimeProvider clock, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(renew);
        ArgumentNullException.ThrowIfNull(build);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(Heartbeat, clock, stop);
                bool kept;
                try
                {
                    kept = await renew(stop);
                }
                catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
                {
                    // A locked database: the claim lasts many beats, the next one renews it.
                    continue;
                }
                if (!kept)
                {
                    await build.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The build ended first.
        }
    }
}
