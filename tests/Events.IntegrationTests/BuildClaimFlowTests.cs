using Events.Core.OnSite;
using Events.Infrastructure.Data;
using Events.Infrastructure.Files;
using Events.Infrastructure.LiveUpdates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Events.IntegrationTests;

/// <summary>
/// The one claim flow every resumable background build runs (<see cref="ClaimedBuildWorker{TBuild, TState}"/>), at its
/// own level: a worker whose build is a test's hand, on badge build rows in a database of its own (no app, so no hosted
/// worker takes the rows first). The branches the per-entity tests cannot reach on cue: the app stopping mid-build, the
/// claim lost mid-build, a build finishing after another instance took it over, and a failure's message.
/// </summary>
public sealed class BuildClaimFlowTests(BuildClaimFlowTests.Database database) : IClassFixture<BuildClaimFlowTests.Database>
{
    [Fact]
    public async Task A_build_stopped_by_the_app_stopping_goes_back_to_the_queue_at_once_and_that_start_does_not_count()
    {
        var id = await database.QueueAsync(attempts: 1, done: 1);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var worker = database.Worker(TimeProvider.System, async run =>
        {
            entered.SetResult();
            await Task.Delay(Timeout.Infinite, run.Token);
            throw new InvalidOperationException("unreachable");
        });
        using var stopping = new CancellationTokenSource();
        var running = worker.RunNextAsync(stopping.Token);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var claimed = await database.ReadAsync(id);
        Assert.Equal((BadgeBuildState.Running, 2), (claimed.State, claimed.Attempts));
        Assert.NotNull(claimed.ClaimExpiresAt);

        await stopping.CancelAsync();
        Assert.True(await running.WaitAsync(TimeSpan.FromSeconds(30)));

        var requeued = await database.ReadAsync(id);
        Assert.Equal((BadgeBuildState.Queued, 1, 0), (requeued.State, requeued.Attempts, requeued.Done));
        Assert.Null(requeued.ClaimExpiresAt);
        Assert.Null(requeued.FinishedAt);
        Assert.Empty(worker.Failures);
    }

    [Fact]
    public async Task A_build_whose_claim_is_lost_mid_build_stops_at_the_next_heartbeat_and_leaves_the_other_instances_result_alone()
    {
        var id = await database.QueueAsync(attempts: 0, done: 0);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var token = CancellationToken.None;
        var worker = database.Worker(new HurriedClock(), async run =>
        {
            token = run.Token;
            entered.SetResult();
            await Task.Delay(Timeout.Infinite, run.Token);
            throw new InvalidOperationException("unreachable");
        });
        var running = worker.RunNextAsync(CancellationToken.None);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // Another instance took the build over after a lapse and finished it.
        var theirs = await database.FinishAsOtherInstanceAsync(id);

        Assert.True(await running.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(token.IsCancellationRequested, "the build was not cancelled");
        var row = await database.ReadAsync(id);
        Assert.Equal((BadgeBuildState.Done, theirs, 2, 1), (row.State, row.StoredName, row.Done, row.Attempts));
        Assert.Null(row.Error);
        Assert.Empty(worker.Failures);
    }

    [Fact]
    public async Task A_build_that_finishes_after_another_instance_took_it_over_deletes_its_file_and_leaves_the_row_alone()
    {
        var id = await database.QueueAsync(attempts: 0, done: 0);
        string? mine = null;
        string? theirs = null;
        var worker = database.Worker(TimeProvider.System, async run =>
        {
            mine = await database.Files.SaveAsync(Database.Folder, ".pdf", new MemoryStream([1, 2, 3]), run.Token);
            theirs = await database.FinishAsOtherInstanceAsync(id);
            return new ClaimedBuildOutput<BadgeBuild>(mine, s => s.SetProperty(b => b.StoredName, mine).SetProperty(b => b.Done, 99));
        });

        Assert.True(await worker.RunNextAsync(CancellationToken.None));

        var row = await database.ReadAsync(id);
        Assert.Equal((BadgeBuildState.Done, theirs, 2), (row.State, row.StoredName, row.Done));
        Assert.Null(database.Files.OpenRead(Database.Folder, mine!));
        Assert.Empty(worker.Failures);
    }

    [Fact]
    public async Task A_failed_build_is_marked_failed_with_its_message_cut_to_1000_characters_and_its_start_counted()
    {
        var id = await database.QueueAsync(attempts: 0, done: 0);
        var worker = database.Worker(TimeProvider.System, _ => throw new InvalidOperationException(new string('长', 1500)));

        Assert.True(await worker.RunNextAsync(CancellationToken.None));

        var row = await database.ReadAsync(id);
        Assert.Equal((BadgeBuildState.Failed, 1, new string('长', 1000)), (row.State, row.Attempts, row.Error));
        Assert.NotNull(row.FinishedAt);
        Assert.Null(row.ClaimExpiresAt);
        Assert.Equal(id, Assert.Single(worker.Failures));
        Assert.False(await worker.RunNextAsync(CancellationToken.None));
    }

    /// <summary>A clock whose timers fire within milliseconds, so a heartbeat comes at once.</summary>
    private sealed class HurriedClock : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            System.CreateTimer(callback, state, Hurry(dueTime), Hurry(period));

        private static TimeSpan Hurry(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : TimeSpan.FromMilliseconds(Math.Min(span.TotalMilliseconds, 10));
    }

    /// <summary>A worker over badge build rows whose build is the test's.</summary>
    public sealed class TestWorker(IDbContextFactory<EventsDbContext> factory, FileStore files, TimeProvider clock, Func<ClaimedRun<BadgeBuild>, Task<ClaimedBuildOutput<BadgeBuild>>> build)
        : ClaimedBuildWorker<BadgeBuild, BadgeBuildState>(factory, files, clock, new InProcessLiveUpdates())
    {
        public System.Collections.Concurrent.ConcurrentQueue<int> Failures { get; } = new();

        protected override ClaimedBuildQueue<BadgeBuild, BadgeBuildState> Queue { get; } = new(db => db.BadgeBuilds,
            (BadgeBuildState.Queued, BadgeBuildState.Running, BadgeBuildState.Done, BadgeBuildState.Failed), BadgeBuild.MaxAttempts, "tests.build", Database.Folder, new SemaphoreSlim(0, int.MaxValue));

        protected override Task<ClaimedBuildOutput<BadgeBuild>> BuildAsync(ClaimedRun<BadgeBuild> run) => build(run);

        protected override void Restart(UpdateSettersBuilder<BadgeBuild> set) => set.SetProperty(b => b.Done, 0);

        protected override void LogError(Exception e) => throw new InvalidOperationException("The loop does not run here.", e);

        protected override void LogBuildFailed(int buildId, Exception e) => Failures.Enqueue(buildId);
    }

    /// <summary>A migrated SQLite database and a file store in a folder of their own, with one event.</summary>
    public sealed class Database : IAsyncLifetime, IDbContextFactory<EventsDbContext>
    {
        public const string Folder = "test-builds";
        private readonly string path = Path.Combine(Path.GetTempPath(), "events-tests", "claims-" + Guid.NewGuid().ToString("N"));
        private int eventId;

        public FileStore Files => new(Path.Combine(path, "files"));

        public EventsDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<EventsDbContext>();
            DatabaseServiceCollectionExtensions.Configure(options, DatabaseProvider.Sqlite, null, path);
            return new EventsDbContext(options.Options);
        }

        public TestWorker Worker(TimeProvider clock, Func<ClaimedRun<BadgeBuild>, Task<ClaimedBuildOutput<BadgeBuild>>> build) => new(this, Files, clock, build);

        public async Task InitializeAsync()
        {
            await using var db = CreateDbContext();
            await db.Database.MigrateAsync();
            var ev = new Core.Events.Event { Slug = "claims", Title = "认领测试", StartDate = new DateOnly(2027, 5, 10), EndDate = new DateOnly(2027, 5, 10) };
            db.Events.Add(ev);
            await db.SaveChangesAsync();
            eventId = ev.Id;
        }

        /// <summary>Queues a build; what an earlier test left queued is taken out first, so the worker finds this one.</summary>
        public async Task<int> QueueAsync(int attempts, int done)
        {
            await using var db = CreateDbContext();
            await db.BadgeBuilds.Where(b => b.State == BadgeBuildState.Queued).ExecuteUpdateAsync(s => s.SetProperty(b => b.State, BadgeBuildState.Failed));
            var row = new BadgeBuild
            {
                EventId = eventId, Paper = nameof(global::Events.Infrastructure.OnSite.BadgePaper.A4), Culture = "zh-CN", RegistrationIds = "1,2", Total = 2, Done = done, Attempts = attempts,
                RequestedByUserId = "tests", CreatedAt = DateTimeOffset.UtcNow,
            };
            db.BadgeBuilds.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        }

        /// <summary>What another instance that took the build over writes when it finishes; its file's name.</summary>
        public async Task<string> FinishAsOtherInstanceAsync(int id)
        {
            var theirs = $"{Guid.NewGuid():N}.pdf";
            await using var db = CreateDbContext();
            await db.BadgeBuilds.Where(b => b.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.State, BadgeBuildState.Done).SetProperty(b => b.StoredName, theirs).SetProperty(b => b.Done, 2)
                .SetProperty(b => b.FinishedAt, DateTimeOffset.UtcNow).SetProperty(b => b.ClaimExpiresAt, (DateTimeOffset?)null));
            return theirs;
        }

        public async Task<BadgeBuild> ReadAsync(int id)
        {
            await using var db = CreateDbContext();
            return await db.BadgeBuilds.AsNoTracking().SingleAsync(b => b.Id == id);
        }

        public Task DisposeAsync()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a closing connection: the OS temp cleaner gets it later.
            }
            return Task.CompletedTask;
        }
    }
}
