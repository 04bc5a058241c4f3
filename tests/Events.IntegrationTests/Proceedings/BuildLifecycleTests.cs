using Events.Core.Proceedings;
using Events.Infrastructure.Files;
using Events.Infrastructure.LiveUpdates;
using Events.Infrastructure.Proceedings;
using Events.IntegrationTests.Infrastructure;
using Events.IntegrationTests.Pdf;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Proceedings;

/// <summary>Builds that cannot succeed are reported on their row, and the worker goes on.</summary>
[Collection(PdfCollection.Name)]
public sealed class BuildLifecycleTests(PdfAppFixture fx)
{
    [Fact]
    public async Task A_corrupt_stored_paper_fails_the_build_with_its_number_and_the_worker_keeps_serving_builds()
    {
        var data = await VolumeTestData.CreateAsync(fx.App);
        var broken = data.Accepted[2];
        await using (var db = fx.App.CreateDbContext())
        {
            var stored = await db.SubmissionFiles.Where(f => f.SubmissionId == broken.SubmissionId).Select(f => f.StoredName).SingleAsync();
            await File.WriteAllTextAsync(Path.Combine(fx.App.Get<FileStore>().Root, ProceedingsFiles.PaperFolder, stored), "this is not a PDF");
        }

        var first = await VolumeBuilds.BuildAsync(fx.App, data.EventId);

        Assert.Equal(BuildState.Failed, first.State);
        Assert.Equal($"{BuildFailedException.PaperUnreadable}: #{broken.Number}", first.Error);
        Assert.Null(first.StoredName);
        Assert.NotNull(first.FinishedAt);
        // The worker is still there: the next request is picked up and finished too.
        var second = await VolumeBuilds.BuildAsync(fx.App, data.EventId);
        Assert.Equal(BuildState.Failed, second.State);
        Assert.Equal(first.Version + 1, second.Version);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await fx.App.CreateRawClient().GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_build_tells_open_pages_when_it_starts_and_when_its_row_is_final()
    {
        var data = await VolumeTestData.CreateAsync(fx.App);
        await using (var db = fx.App.CreateDbContext())
        {
            await db.SubmissionFiles.Where(f => f.SubmissionId == data.Accepted[0].SubmissionId).ExecuteDeleteAsync();
        }
        var states = new System.Collections.Concurrent.ConcurrentQueue<int>();
        var finished = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        int buildId;
        using var subscription = fx.App.Get<ILiveUpdates>().Subscribe(BuildProgressRegistry.StateTopic, id =>
        {
            states.Enqueue(id);
            if (states.Count(s => s == id) == 2) finished.TrySetResult(id);
        });

        (_, buildId) = await fx.App.Get<ProceedingsService>().RequestBuildAsync(TestActors.AdminAs("tests"), data.EventId);
        var notified = await finished.Task.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(buildId, notified);
        await using (var db = fx.App.CreateDbContext())
        {
            Assert.Equal(BuildState.Failed, await db.ProceedingsBuilds.Where(b => b.Id == buildId).Select(b => b.State).SingleAsync());
        }
    }

    [Fact]
    public async Task A_paper_without_a_camera_ready_file_fails_the_build_and_names_it()
    {
        var data = await VolumeTestData.CreateAsync(fx.App);
        var missing = data.Accepted[0];
        await using (var db = fx.App.CreateDbContext())
        {
            await db.SubmissionFiles.Where(f => f.SubmissionId == missing.SubmissionId).ExecuteDeleteAsync();
        }

        var build = await VolumeBuilds.BuildAsync(fx.App, data.EventId);

        Assert.Equal(BuildState.Failed, build.State);
        Assert.Equal($"{BuildFailedException.PaperMissing}: #{missing.Number}", build.Error);
    }

    [Fact]
    public async Task Settings_saved_over_a_stale_stamp_are_a_conflict_and_change_nothing()
    {
        var data = await VolumeTestData.CreateAsync(fx.App);
        var volumes = fx.App.Get<ProceedingsService>();
        var loaded = (await volumes.GetAsync(data.EventId))!;
        var mine = ProceedingsInput.From(loaded);
        var theirs = ProceedingsInput.From(loaded);
        theirs.Title = "他人先保存的书名";
        mine.Title = "我的书名";

        Assert.Equal(Core.Common.SaveOutcome.Saved, (await volumes.SaveAsync(TestActors.Admin, data.EventId, theirs, loaded.ConcurrencyStamp)).Outcome);
        Assert.Equal(Core.Common.SaveOutcome.Conflict, (await volumes.SaveAsync(TestActors.Admin, data.EventId, mine, loaded.ConcurrencyStamp)).Outcome);
        Assert.Equal(Core.Common.SaveOutcome.Conflict, (await volumes.SaveOrderAsync(TestActors.Admin, data.EventId, [data.Accepted[1].SubmissionId], loaded.ConcurrencyStamp)).Outcome);
        Assert.Equal("他人先保存的书名", (await volumes.GetAsync(data.EventId))!.Title);
    }
}
