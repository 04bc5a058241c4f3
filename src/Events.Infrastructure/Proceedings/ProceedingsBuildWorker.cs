using System.Security.Cryptography;
using Events.Core.Proceedings;
using Events.Infrastructure.Data;
using Events.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Events.Infrastructure.Proceedings;

/// <summary>
/// Runs queued builds in the background, one at a time for the whole process (PDF work wants the machine's cores),
/// so a build goes on whatever page the organizer opens. The queue is the builds table: a build is claimed with a
/// conditional update, so two instances never run the same one. A build's failure is recorded on its row and never
/// reaches the host.
/// </summary>
/// <remarks>
/// A running build carries a claim that expires after <see cref="ClaimDuration"/>; the instance running it renews the
/// claim every <see cref="BuildClaim.Heartbeat"/>. Only a build whose claim lapsed (its instance stopped or crashed) is taken over,
/// so a second instance starting up leaves the first one's live build alone. An instance that finds its claim lost
/// (taken over, or cancelled from elsewhere) stops building.
/// </remarks>
public sealed partial class ProceedingsBuildWorker(
    IDbContextFactory<EventsDbContext> factory,
    FileStore files,
    VolumeComposer composer,
    BuildProgressRegistry registry,
    BuildQueueSignal signal,
    TimeProvider clock,
    ILogger<ProceedingsBuildWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    /// <summary>Many heartbeats long, so a slow database write or a busy machine never loses a live claim.</summary>
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A crash mid-build leaves a volume in the scratch folder; it goes now, before anything else runs.
        WorkFolder.RemoveLeftovers();
        return BuildClaim.LoopAsync(async ct =>
        {
            // Every round, not only at start: a build whose instance died must not block its volume until a restart.
            await RecoverAsync(ct);
            if (await ClaimNextAsync(ct) is { } buildId)
            {
                await RunAsync(buildId, ct);
                return;
            }
            await signal.WaitAsync(Poll, ct);
        }, Backoff, LogWorkerError, clock, stoppingToken);
    }

    /// <summary>How long the worker waits after its <paramref name="failures"/>th error in a row: 250 ms, doubling, at most the poll interval.</summary>
    public static TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(Poll.TotalMilliseconds, 250 * Math.Pow(2, Math.Clamp(failures - 1, 0, 10))));

    /// <summary>
    /// A build whose claim expired was left running by an instance that stopped; it cannot be resumed half-way, so it
    /// is marked failed. Builds with a live claim are another instance's work and stay running. Returns how many were taken over.
    /// </summary>
    public async Task<int> RecoverAsync(CancellationToken ct)
    {
        try
        {
            var now = clock.GetUtcNow();
            await using var db = await factory.CreateDbContextAsync(ct);
            return await db.ProceedingsBuilds.Where(b => b.State == BuildState.Running && (b.ClaimExpiresAt == null || b.ClaimExpiresAt < now))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(b => b.State, BuildState.Failed)
                    .SetProperty(b => b.Error, BuildFailedException.Interrupted)
                    .SetProperty(b => b.FinishedAt, now), ct);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // A locked database (another instance or a migration holding it at start): the next round tries again.
            LogWorkerError(e);
            return 0;
        }
    }

    private async Task<int?> ClaimNextAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var candidates = await db.ProceedingsBuilds.Where(b => b.State == BuildState.Queued)
            .OrderBy(b => b.Id).Select(b => b.Id).Take(5).ToListAsync(ct);
        foreach (var id in candidates)
        {
            var claimed = await db.ProceedingsBuilds.Where(b => b.Id == id && b.State == BuildState.Queued)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(b => b.State, BuildState.Running)
                    .SetProperty(b => b.StartedAt, clock.GetUtcNow())
                    .SetProperty(b => b.ClaimExpiresAt, clock.GetUtcNow() + ClaimDuration), ct);
            if (claimed == 1) return id;
        }
        return null;
    }

    private async Task RunAsync(int buildId, CancellationToken stopping)
    {
        using var cts = registry.Start(buildId, stopping);
        var ct = cts.Token;
        using var watcher = new CancellationTokenSource();
        var watching = BuildClaim.KeepAsync(stop => RenewClaimAsync(buildId, stop), cts, clock, watcher.Token);
        // The volume is written to a private scratch folder first: it holds unpublished papers and authors' names.
        using var scratch = WorkFolder.Create();
        var temp = Path.Combine(scratch.Path, "volume.pdf");
        string? stored = null;
        try
        {
            var request = await LoadRequestAsync(buildId, ct);
            ComposedVolume composed;
            await using (var output = scratch.CreateFile("volume.pdf", 1 << 16))
            {
                composed = await composer.ComposeAsync(request, OpenPaper, output, (stage, percent) => registry.Report(buildId, stage, percent), ct);
            }
            registry.Report(buildId, BuildStage.Saving, 96);
            string sha;
            long size;
            await using (var read = File.OpenRead(temp))
            {
                size = read.Length;
                sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(read, ct));
                read.Position = 0;
                stored = await files.SaveAsync(ProceedingsFiles.VolumeFolder, ".pdf", read, ct);
            }
            ct.ThrowIfCancellationRequested();
            var done = await FinishAsync(buildId, s => s
                .SetProperty(b => b.State, BuildState.Succeeded)
                .SetProperty(b => b.StoredName, stored)
                .SetProperty(b => b.PageCount, composed.PageCount)
                .SetProperty(b => b.PaperCount, composed.PaperCount)
                .SetProperty(b => b.FrontMatterPages, composed.FrontMatterPages)
                .SetProperty(b => b.SizeBytes, size)
                .SetProperty(b => b.Sha256, sha)
                .SetProperty(b => b.FinishedAt, clock.GetUtcNow()));
            // Cancelled in the last instant, by another instance: the file is nobody's.
            if (!done) files.Delete(ProceedingsFiles.VolumeFolder, stored);
            else LogBuilt(buildId, composed.PageCount, composed.PaperCount, string.Join(", ", composed.Timings.Select(t => $"{t.Stage} {t.Elapsed.TotalMilliseconds:F0} ms")));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await Discard(stored);
            await FinishQuietlyAsync(buildId, BuildState.Failed, BuildFailedException.Interrupted);
        }
        catch (OperationCanceledException)
        {
            await Discard(stored);
            await FinishQuietlyAsync(buildId, BuildState.Cancelled, null);
        }
        catch (BuildFailedException e)
        {
            await Discard(stored);
            await FinishQuietlyAsync(buildId, BuildState.Failed, e.Stored);
        }
#pragma warning disable CA1031 // Any failure of one build is that build's failure; the worker and the host go on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogBuildFailed(e, buildId);
            await Discard(stored);
            var detail = e.Message.Length > 500 ? e.Message[..500] : e.Message;
            await FinishQuietlyAsync(buildId, BuildState.Failed, $"{BuildFailedException.Unexpected}: {detail}");
        }
        finally
        {
            await watcher.CancelAsync();
            await watching;
            registry.Finish(buildId);
        }
    }

    private Task Discard(string? stored)
    {
        if (stored is not null) files.Delete(ProceedingsFiles.VolumeFolder, stored);
        return Task.CompletedTask;
    }

    private Stream? OpenPaper(VolumeEntry entry) =>
        entry.CameraReady is { } file ? files.OpenRead(ProceedingsFiles.PaperFolder, file.StoredName) : null;

    private async Task<VolumeRequest> LoadRequestAsync(int buildId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var volume = await db.Proceedings.AsNoTracking().Include(p => p.Order)
            .Where(p => db.ProceedingsBuilds.Any(b => b.Id == buildId && b.ProceedingsId == p.Id))
            .FirstAsync(ct);
        var eventTitle = await db.Events.Where(e => e.Id == volume.EventId).Select(e => e.Title).FirstAsync(ct);
        var entries = await VolumeContents.LoadAsync(db, volume.EventId, ct);
        var hint = await db.ProceedingsBuilds.Where(b => b.ProceedingsId == volume.Id && b.State == BuildState.Succeeded)
            .OrderByDescending(b => b.Version).Select(b => b.FrontMatterPages).FirstOrDefaultAsync(ct);
        return VolumeRequest.From(volume, eventTitle, entries, hint);
    }

    /// <summary>
    /// One renewal of the build's claim (<see cref="BuildClaim.KeepAsync"/> calls it every heartbeat). It only matches a
    /// running, uncancelled build, so when it matches nothing the build was cancelled from another instance or taken
    /// over after a lapse: the build stops.
    /// </summary>
    private async Task<bool> RenewClaimAsync(int buildId, CancellationToken stop)
    {
        var until = clock.GetUtcNow() + ClaimDuration;
        await using var db = await factory.CreateDbContextAsync(stop);
        return await db.ProceedingsBuilds.Where(b => b.Id == buildId && b.State == BuildState.Running && !b.CancelRequested)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.ClaimExpiresAt, until), stop) > 0;
    }

    private async Task<bool> FinishAsync(int buildId, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<ProceedingsBuild>> set)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.ProceedingsBuilds.Where(b => b.Id == buildId && b.State == BuildState.Running && !b.CancelRequested)
            .ExecuteUpdateAsync(set) == 1;
    }

    private async Task FinishQuietlyAsync(int buildId, BuildState state, string? error)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync();
            await db.ProceedingsBuilds.Where(b => b.Id == buildId && b.State == BuildState.Running)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(b => b.State, state)
                    .SetProperty(b => b.Error, error)
                    .SetProperty(b => b.FinishedAt, clock.GetUtcNow()));
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
        {
            LogWorkerError(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Proceedings build {BuildId}: {Pages} pages, {Papers} papers ({Timings})")]
    private partial void LogBuilt(int buildId, int pages, int papers, string timings);

    [LoggerMessage(Level = LogLevel.Error, Message = "Proceedings build {BuildId} failed")]
    private partial void LogBuildFailed(Exception e, int buildId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The proceedings build worker met an error and will retry")]
    private partial void LogWorkerError(Exception e);
}
