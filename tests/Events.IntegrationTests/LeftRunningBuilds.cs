using System.Diagnostics;
using Events.Core.Common;
using Events.Infrastructure.Data;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests;

/// <summary>
/// The recovery every resumable build shares (<see cref="ClaimedBuildWorker{TBuild, TState}.RecoverAsync"/>), checked
/// once per entity on its real worker and build: three rows a stopped process left running.
/// </summary>
public static class LeftRunningBuilds
{
    /// <summary>
    /// Adds three running rows of the event (<paramref name="row"/>(claim, attempts)): one whose claim lapsed with
    /// attempts left, one whose claim is live (another instance's), and one out of attempts whose claim is
    /// <paramref name="spentClaim"/>. Recovers, runs the queue (the hosted worker may be first: a build is claimed once)
    /// until the lapsed one is done, checks all three, lets the live one go so the queue stays clean for other tests, and
    /// returns the lapsed row as it ended for the entity's own checks.
    /// </summary>
    public static async Task<TBuild> QueuedAgainAndFinishedAsync<TBuild, TState>(
        EventsAppFactory app, ClaimedBuildWorker<TBuild, TState> worker, Func<EventsDbContext, DbSet<TBuild>> table,
        Func<DateTimeOffset?, int, TBuild> row, int maxAttempts, DateTimeOffset? spentClaim, (TState Running, TState Done, TState Failed) states)
        where TBuild : class, IClaimedBuild<TState> where TState : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(row);
        var now = DateTimeOffset.UtcNow;
        int lapsed, live, spent;
        await using (var db = app.CreateDbContext())
        {
            var rows = new[] { row(now.AddMinutes(-5), 1), row(now.AddHours(1), 1), row(spentClaim, maxAttempts) };
            table(db).AddRange(rows);
            await db.SaveChangesAsync();
            (lapsed, live, spent) = (rows[0].Id, rows[1].Id, rows[2].Id);
        }

        await worker.RecoverAsync(CancellationToken.None);
        var watch = Stopwatch.StartNew();
        while (!EqualityComparer<TState>.Default.Equals((await ReadAsync(app, table, lapsed)).State, states.Done))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(90), "The requeued build did not finish in 90 s.");
            if (!await worker.RunNextAsync(CancellationToken.None)) await Task.Delay(100);
        }

        var done = await ReadAsync(app, table, lapsed);
        Assert.Equal(2, done.Attempts);
        Assert.Null(done.ClaimExpiresAt);
        Assert.Equal(states.Running, (await ReadAsync(app, table, live)).State);
        var failed = await ReadAsync(app, table, spent);
        Assert.Equal((states.Failed, BuildClaim.Interrupted), (failed.State, failed.Error));
        await using (var db = app.CreateDbContext())
        {
            await table(db).Where(b => b.Id == live).ExecuteUpdateAsync(s => s.SetProperty(b => b.State, states.Failed));
        }
        return done;
    }

    private static async Task<TBuild> ReadAsync<TBuild>(EventsAppFactory app, Func<EventsDbContext, DbSet<TBuild>> table, int id) where TBuild : class
    {
        await using var db = app.CreateDbContext();
        return await table(db).AsNoTracking().SingleAsync(b => EF.Property<int>(b, "Id") == id);
    }
}
