using Events.Core.Proceedings;
using Events.Infrastructure.Data;
using Events.Infrastructure.Proceedings;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Events.IntegrationTests.Proceedings;

/// <summary>
/// Two instances on one database: the app's own worker builds (held mid-print by <see cref="HeldPrinter"/>), and a second
/// worker, made from the same services as a second instance would be, starts beside it.
/// </summary>
public sealed class BuildClaimTests : IClassFixture<HeldPrinterApp>
{
    private readonly HeldPrinterApp app;

    public BuildClaimTests(HeldPrinterApp app)
    {
        this.app = app;
        _ = app.Server;
    }

    [Fact]
    public async Task A_second_instance_leaves_a_live_build_running_and_takes_over_only_once_its_claim_lapsed()
    {
        var data = await VolumeTestData.CreateAsync(app);
        var volumes = app.Get<ProceedingsService>();
        var (_, buildId) = await volumes.RequestBuildAsync(TestActors.AdminAs("tests"), data.EventId);
        await app.Printer.Entered.WaitAsync(TimeSpan.FromMinutes(1));
        var running = await VolumeBuilds.WaitAsync(app, buildId, b => b.State == BuildState.Running);
        Assert.NotNull(running.ClaimExpiresAt);

        // The second instance starts now: the build's claim is live, so it stays the first instance's.
        Assert.Equal(0, await SecondInstance(TimeSpan.Zero).RecoverAsync(CancellationToken.None));
        Assert.Equal(BuildState.Running, (await ReadAsync(buildId)).State);

        // The first instance renews its claim while it builds.
        var renewed = await VolumeBuilds.WaitAsync(app, buildId, b => b.ClaimExpiresAt > running.ClaimExpiresAt);
        Assert.Equal(BuildState.Running, renewed.State);

        // Past the claim's expiry (as if the first instance had died), the second one takes the build over ...
        Assert.Equal(1, await SecondInstance(ProceedingsBuildWorker.ClaimDuration + TimeSpan.FromMinutes(1)).RecoverAsync(CancellationToken.None));
        var taken = await ReadAsync(buildId);
        Assert.Equal(BuildState.Failed, taken.State);
        Assert.Equal(BuildFailedException.Interrupted, taken.Error);
        // ... and the first, finding its claim gone at its next heartbeat, stops building without touching the row.
        await WaitUntilAsync(() => volumes.Progress(buildId) is null);
        Assert.Equal(BuildState.Failed, (await ReadAsync(buildId)).State);
    }

    [Fact]
    public async Task A_running_build_left_without_a_claim_by_an_older_version_is_taken_over()
    {
        var data = await VolumeTestData.CreateAsync(app);
        await using var db = app.CreateDbContext();
        var volume = await db.Proceedings.SingleAsync(p => p.EventId == data.EventId);
        var orphan = new ProceedingsBuild
        {
            ProceedingsId = volume.Id, Version = 50, State = BuildState.Running, RequestedAt = DateTimeOffset.UtcNow,
            StartedAt = DateTimeOffset.UtcNow, RequestedByUserId = "tests",
        };
        db.ProceedingsBuilds.Add(orphan);
        await db.SaveChangesAsync();

        await SecondInstance(TimeSpan.Zero).RecoverAsync(CancellationToken.None);

        Assert.Equal(BuildState.Failed, (await ReadAsync(orphan.Id)).State);
    }

    [Fact]
    public async Task A_worker_starting_on_a_locked_database_backs_off_and_retries_and_never_stops_the_host()
    {
        var data = await VolumeTestData.CreateAsync(app);
        int orphanId;
        await using (var db = app.CreateDbContext())
        {
            var volume = await db.Proceedings.SingleAsync(p => p.EventId == data.EventId);
            var orphan = new ProceedingsBuild
            {
                ProceedingsId = volume.Id, Version = 60, State = BuildState.Running, RequestedAt = DateTimeOffset.UtcNow,
                StartedAt = DateTimeOffset.UtcNow, RequestedByUserId = "tests",
            };
            db.ProceedingsBuilds.Add(orphan);
            await db.SaveChangesAsync();
            orphanId = orphan.Id;
        }

        // Another process holds the database (as a migration or a second instance starting under load does); this
        // instance gives up each attempt after one second, as SQLite answers "database is locked".
        var file = Path.Combine(app.DataPath, "events.db");
        await using var locker = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False");
        await locker.OpenAsync();
        await using (var begin = locker.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE;";
            await begin.ExecuteNonQueryAsync();
        }
        var worker = ActivatorUtilities.CreateInstance<ProceedingsBuildWorker>(app.Services, (IDbContextFactory<EventsDbContext>)new ImpatientFactory(file, app.DataPath));
        await worker.StartAsync(CancellationToken.None);
        try
        {
            Assert.Equal(0, await worker.RecoverAsync(CancellationToken.None));
            await Task.WhenAny(worker.ExecuteTask!, Task.Delay(TimeSpan.FromSeconds(3)));
            Assert.False(worker.ExecuteTask!.IsCompleted, $"the worker stopped: {worker.ExecuteTask.Exception}");

            // The lock goes; the worker's next round takes the orphaned build over.
            await using (var rollback = locker.CreateCommand())
            {
                rollback.CommandText = "ROLLBACK;";
                await rollback.ExecuteNonQueryAsync();
            }
            await VolumeBuilds.WaitAsync(app, orphanId, b => b.State == BuildState.Failed);
            Assert.False(worker.ExecuteTask.IsCompleted);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public void The_back_off_after_errors_in_a_row_starts_short_doubles_and_stops_at_the_poll_interval()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(250), ProceedingsBuildWorker.Backoff(1));
        Assert.Equal(TimeSpan.FromMilliseconds(500), ProceedingsBuildWorker.Backoff(2));
        Assert.Equal(TimeSpan.FromSeconds(5), ProceedingsBuildWorker.Backoff(50));
    }

    private sealed class ImpatientFactory(string file, string dataPath) : IDbContextFactory<EventsDbContext>
    {
        public EventsDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<EventsDbContext>();
            DatabaseServiceCollectionExtensions.Configure(options, DatabaseProvider.Sqlite, $"Data Source={file};Default Timeout=1", dataPath);
            return new EventsDbContext(options.Options);
        }
    }

    private ProceedingsBuildWorker SecondInstance(TimeSpan clockAhead) =>
        ActivatorUtilities.CreateInstance<ProceedingsBuildWorker>(app.Services, (TimeProvider)new ShiftedClock(clockAhead));

    private async Task<ProceedingsBuild> ReadAsync(int id)
    {
        await using var db = app.CreateDbContext();
        return await db.ProceedingsBuilds.AsNoTracking().SingleAsync(b => b.Id == id);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition did not hold in time.");
            await Task.Delay(50);
        }
    }

    /// <summary>Another instance's clock, read later than the first instance's: its "now" is past a claim's expiry.</summary>
    private sealed class ShiftedClock(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + ahead;
    }
}
