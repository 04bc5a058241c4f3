namespace Events.Infrastructure.Data;

/// <summary>
/// The claim a background build holds while it runs (certificate and badge builds): a deadline on its row that the
/// running instance renews every <see cref="Heartbeat"/>. A row still running after its deadline belongs to a process
/// that stopped or crashed; the next worker round queues it again (up to the build's attempts), so a restart resumes it.
/// </summary>
public static class BuildClaim
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(2);

    /// <summary>Many heartbeats long, so a slow write on a busy machine never loses a live claim; short enough that a restarted app picks the build up within it.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Calls <paramref name="renew"/> every heartbeat until <paramref name="stop"/>; when it returns false (the claim
    /// was taken over) the build is cancelled through <paramref name="build"/>. A failed renewal is retried next beat.
    /// </summary>
    public static async Task KeepAsync(Func<CancellationToken, Task<bool>> renew, CancellationTokenSource build, TimeProvider clock, CancellationToken stop)
    {
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
