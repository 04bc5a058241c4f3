using Events.Core.Proceedings;
using Events.Infrastructure.Files;
using Events.Infrastructure.Proceedings;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Proceedings;

/// <summary>Asks the app's worker for a build and waits for its row to finish (bounded; a stuck build fails the test).</summary>
public static class VolumeBuilds
{
    public static async Task<ProceedingsBuild> BuildAsync(EventsAppFactory app, int eventId)
    {
        var (outcome, buildId) = await app.Get<ProceedingsService>().RequestBuildAsync(TestActors.AdminAs("tests"), eventId);
        Assert.Equal(BuildRequestOutcome.Queued, outcome);
        return await WaitAsync(app, buildId);
    }

    public static async Task<ProceedingsBuild> WaitAsync(EventsAppFactory app, int buildId, Func<ProceedingsBuild, bool>? until = null)
    {
        until ??= b => !b.IsActive;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            await using (var db = app.CreateDbContext())
            {
                var build = await db.ProceedingsBuilds.AsNoTracking().SingleAsync(b => b.Id == buildId);
                if (until(build)) return build;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Build {buildId} did not finish in time.");
            await Task.Delay(100);
        }
    }

    public static byte[] Read(EventsAppFactory app, ProceedingsBuild build)
    {
        Assert.True(build.State == BuildState.Succeeded, $"The build {build.State}: {build.Error}");
        using var stream = app.Get<FileStore>().OpenRead(ProceedingsFiles.VolumeFolder, build.StoredName!)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
