using System.Linq.Expressions;
using Events.Core.Common;
using Events.Infrastructure.Files;
using Events.Infrastructure.LiveUpdates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Hosting;

namespace Events.Infrastructure.Data;

/// <summary>
/// What differs between the queues <see cref="ClaimedBuildWorker{TBuild, TState}"/> runs: the table, the entity's own
/// state values, how many starts a build gets, the live-update topic, the file store folder and the queue's signal.
/// </summary>
public sealed class ClaimedBuildQueue<TBuild, TState>(
    Func<EventsDbContext, DbSet<TBuild>> table, (TState Queued, TState Running, TState Done, TState Failed) states, int maxAttempts, string topic, string folder, SemaphoreSlim signal)
    where TBuild : class, IClaimedBuild<TState> where TState : struct, Enum
{
    public Func<EventsDbContext, DbSet<TBuild>> Table => table;
    public TState Queued => states.Queued;
    public TState Running => states.Running;
    public TState Done => states.Done;
    public TState Failed => states.Failed;
    public int MaxAttempts => maxAttempts;
    public string Topic => topic;
    public string Folder => folder;
    public SemaphoreSlim Signal => signal;
}

/// <summary>A build's finished work: the file it stored (if any) and the entity's own columns of the done row.</summary>
public sealed record ClaimedBuildOutput<TBuild>(string? StoredName, Action<UpdateSettersBuilder<TBuild>> Columns);

/// <summary>
/// One claimed run of a build: its row as claimed and the token that ends it (the app stopping or the claim lost). A
/// build whose progress is cheapest written with the heartbeat (badges) adds its columns through <see cref="Renewing"/>.
/// </summary>
public sealed class ClaimedRun<TBuild>(TBuild row, CancellationToken token)
{
    public TBuild Row => row;
    public CancellationToken Token => token;

    /// <summary>Columns every renewal of the claim writes too; called as the renewal statement is built.</summary>
    public Action<UpdateSettersBuilder<TBuild>>? Renewing { get; set; }

    /// <summary>Called after a renewal that kept the claim.</summary>
    public Action? Renewed { get; set; }
}

/// <summary>
/// The one claim flow of the background builds that can start over (booklets, certificates, badges). The queue is the
/// table: the oldest queued build is claimed with a conditional update, so two instances never run the same one, and
/// every later write of the run is conditional on the row still running, so an instance that lost its claim never
/// overwrites the other's result. A heartbeat (<see cref="BuildClaim.KeepAsync"/>) renews the claim and cancels the run
/// when the claim is lost. A build whose claim lapsed (its process stopped) is queued again, up to the queue's
/// attempts, then failed as <see cref="BuildClaim.Interrupted"/>. Every write is one ExecuteUpdate statement: no build
/// row is loaded, changed and saved, which is what keeps two instances safe.
/// Subclasses say what a build does (<see cref="BuildAsync"/>) and which of their columns go back to the start.
/// </summary>
public abstract class ClaimedBuildWorker<TBuild, TState>(IDbContextFactory<EventsDbContext> factory, FileStore files, TimeProvider clock, ILiveUpdates live) : BackgroundService
    where TBuild : class, IClaimedBuild<TState> where TState : struct, Enum
{
    protected IDbContextFactory<EventsDbContext> Factory => factory;
    protected FileStore Files => files;
    protected TimeProvider Clock => clock;
    protected ILiveUpdates Live => live;

    protected abstract ClaimedBuildQueue<TBuild, TState> Queue { get; }

    /// <summary>Does the build's work under <see cref="ClaimedRun{TBuild}.Token"/>; what it stored is deleted again if the build does not end done.</summary>
    protected abstract Task<ClaimedBuildOutput<TBuild>> BuildAsync(ClaimedRun<TBuild> run);

    /// <summary>Puts the entity's progress columns back to the start, for a build going back to the queue.</summary>
    protected abstract void Restart(UpdateSettersBuilder<TBuild> set);

    /// <summary>Columns the claim sets besides state, attempts and deadline (a first progress step, say).</summary>
    protected virtual void Started(UpdateSettersBuilder<TBuild> set)
    {
    }

    /// <summary>"The … build worker failed; it goes on."</summary>
    protected abstract void LogError(Exception e);

    /// <summary>"… build {BuildId} failed."</summary>
    protected abstract void LogBuildFailed(int buildId, Exception e);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => BuildClaim.LoopAsync(async ct =>
    {
        // Every round, not only at start: a build whose instance died must not wait for a restart.
        await RecoverAsync(ct);
        while (await RunNextAsync(ct))
        {
        }
        await Queue.Signal.WaitAsync(TimeSpan.FromSeconds(10), ct);
    }, _ => TimeSpan.FromSeconds(1), LogError, clock, stoppingToken);

    /// <summary>
    /// Builds whose claim lapsed (left running by a process that stopped or crashed) go back to the queue and start over;
    /// after the queue's attempts a build is marked failed. Builds with a live claim are another instance's work and stay
    /// running. Returns how many were taken over.
    /// </summary>
    public async Task<int> RecoverAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var max = Queue.MaxAttempts;
        await using var db = await factory.CreateDbContextAsync(ct);
        var lapsed = Queue.Table(db).Where(StateIs(Queue.Running)).Where(b => b.ClaimExpiresAt == null || b.ClaimExpiresAt < now);
        var failed = await lapsed.Where(b => b.Attempts >= max).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.State, Queue.Failed).SetProperty(b => b.Error, BuildClaim.Interrupted).SetProperty(b => b.FinishedAt, now)
            .SetProperty(b => b.ClaimExpiresAt, (DateTimeOffset?)null), ct);
        var requeued = await lapsed.Where(b => b.Attempts < max).ExecuteUpdateAsync(Requeue, ct);
        if (requeued > 0) Queue.Signal.Release();
        return failed + requeued;
    }

    /// <summary>Claims and runs the oldest queued build; false when there is none.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        TBuild? next;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            next = await Queue.Table(db).AsNoTracking().Where(StateIs(Queue.Queued)).OrderBy(b => b.Id).FirstOrDefaultAsync(ct);
            if (next is null) return false;
            var claimed = await Queue.Table(db).Where(b => b.Id == next.Id).Where(StateIs(Queue.Queued)).ExecuteUpdateAsync(s =>
            {
                s.SetProperty(b => b.State, Queue.Running).SetProperty(b => b.Attempts, b => b.Attempts + 1)
                    .SetProperty(b => b.ClaimExpiresAt, clock.GetUtcNow() + BuildClaim.Duration);
                Started(s);
            }, ct);
            // Another instance claimed it first: there may be more in the queue.
            if (claimed == 0) return true;
        }
        live.Notify(Queue.Topic, next.EventId);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var beat = new CancellationTokenSource();
        var run = new ClaimedRun<TBuild>(next, stop.Token);
        var heartbeat = BuildClaim.KeepAsync(renewing => RenewAsync(run, renewing), stop, clock, beat.Token);
        string? stored = null;
        try
        {
            var output = await BuildAsync(run);
            stored = output.StoredName;
            var finished = await EndAsync(next.Id, s =>
            {
                s.SetProperty(b => b.State, Queue.Done).SetProperty(b => b.FinishedAt, clock.GetUtcNow()).SetProperty(b => b.ClaimExpiresAt, (DateTimeOffset?)null);
                output.Columns(s);
            });
            // Taken over by another instance after a lapse: the file is nobody's.
            if (finished == 0) Discard(stored);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The app is stopping: the build goes back to the queue at once, and this start does not count.
            Discard(stored);
            await EndAsync(next.Id, s =>
            {
                Requeue(s);
                s.SetProperty(b => b.Attempts, b => b.Attempts - 1);
            });
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The claim was lost: another instance took the build over and finishes it; its row is left alone.
            Discard(stored);
        }
#pragma warning disable CA1031 // Any failure of one build is that build's failure; the worker and the host go on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogBuildFailed(next.Id, e);
            Discard(stored);
            var message = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
            await EndAsync(next.Id, s => s
                .SetProperty(b => b.State, Queue.Failed).SetProperty(b => b.Error, message).SetProperty(b => b.FinishedAt, clock.GetUtcNow())
                .SetProperty(b => b.ClaimExpiresAt, (DateTimeOffset?)null));
        }
        finally
        {
            await beat.CancelAsync();
            await heartbeat;
        }
        live.Notify(Queue.Topic, next.EventId);
        return true;
    }

    /// <summary>Writes a running build's progress columns and tells its event's pages.</summary>
    protected async Task ProgressAsync(TBuild build, Action<UpdateSettersBuilder<TBuild>> columns, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(build);
        await using var db = await factory.CreateDbContextAsync(ct);
        await Queue.Table(db).Where(b => b.Id == build.Id).Where(StateIs(Queue.Running)).ExecuteUpdateAsync(columns, ct);
        live.Notify(Queue.Topic, build.EventId);
    }

    private async Task<bool> RenewAsync(ClaimedRun<TBuild> run, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var kept = await Queue.Table(db).Where(b => b.Id == run.Row.Id).Where(StateIs(Queue.Running)).ExecuteUpdateAsync(s =>
        {
            s.SetProperty(b => b.ClaimExpiresAt, clock.GetUtcNow() + BuildClaim.Duration);
            run.Renewing?.Invoke(s);
        }, ct) == 1;
        if (kept) run.Renewed?.Invoke();
        return kept;
    }

    /// <summary>The run's last write, whatever stopped it (so never cancelled), and only while the row is still this run's.</summary>
    private async Task<int> EndAsync(int id, Action<UpdateSettersBuilder<TBuild>> set)
    {
        await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
        return await Queue.Table(db).Where(b => b.Id == id).Where(StateIs(Queue.Running)).ExecuteUpdateAsync(set, CancellationToken.None);
    }

    private void Requeue(UpdateSettersBuilder<TBuild> set)
    {
        set.SetProperty(b => b.State, Queue.Queued).SetProperty(b => b.ClaimExpiresAt, (DateTimeOffset?)null);
        Restart(set);
    }

    private void Discard(string? stored)
    {
        if (stored is not null) files.Delete(Queue.Folder, stored);
    }

    /// <summary>
    /// b => b.State == state, built on the entity's own property: C# cannot compare a generic enum with ==, and the
    /// state goes into the SQL as a constant, as a hand-written query's would.
    /// </summary>
    private static Expression<Func<TBuild, bool>> StateIs(TState state)
    {
        var b = Expression.Parameter(typeof(TBuild), "b");
        return Expression.Lambda<Func<TBuild, bool>>(Expression.Equal(Expression.Property(b, nameof(IClaimedBuild<TState>.State)), Expression.Constant(state)), b);
    }
}
