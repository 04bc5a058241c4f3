using System.Net;
using System.Security.Cryptography;
using Events.Core.Proceedings;
using Events.Infrastructure.Files;
using Events.Infrastructure.Proceedings;
using Events.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Events.IntegrationTests.Proceedings;

/// <summary>An app whose laid-out documents never finish printing, so a build stays running until it is cancelled.</summary>
public sealed class HeldPrinterApp : EventsAppFactory
{
    public HeldPrinter Printer { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IDocumentPrinter>(Printer));
    }
}

public sealed class HeldPrinter : IDocumentPrinter
{
    private readonly TaskCompletionSource entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Entered => entered.Task;

    public async Task<byte[]> PrintAsync(string html, bool outline, CancellationToken ct)
    {
        entered.TrySetResult();
        await Task.Delay(Timeout.Infinite, ct);
        throw new InvalidOperationException("unreachable");
    }
}

public sealed class CancelBuildTests : IClassFixture<HeldPrinterApp>
{
    private readonly HeldPrinterApp app;

    public CancelBuildTests(HeldPrinterApp app)
    {
        this.app = app;
        _ = app.Server;
    }

    [Fact]
    public async Task Cancelling_a_running_build_stops_it_keeps_the_published_volume_and_leaves_no_file()
    {
        var data = await VolumeTestData.CreateAsync(app);
        var other = await VolumeTestData.CreateAsync(app);
        var volumes = app.Get<ProceedingsService>();
        var files = app.Get<FileStore>();
        var publishedBytes = PaperPdfs.Make(99, "已发布的旧版本", 1);
        var published = await PublishExistingAsync(data.EventId, publishedBytes);

        var (outcome, buildId) = await volumes.RequestBuildAsync(TestActors.AdminAs("tests"), data.EventId);
        Assert.Equal(BuildRequestOutcome.Queued, outcome);
        await app.Printer.Entered.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(BuildState.Running, (await VolumeBuilds.WaitAsync(app, buildId, b => b.State == BuildState.Running)).State);
        Assert.Equal(BuildStage.FrontMatter, volumes.Progress(buildId)?.Stage);
        // One build per volume at a time.
        Assert.Equal(BuildRequestOutcome.AlreadyBuilding, (await volumes.RequestBuildAsync(TestActors.AdminAs("tests"), data.EventId)).Outcome);
        // The worker is busy, so another volume's build waits in the queue, and cancelling it there ends it at once.
        var (_, queuedId) = await volumes.RequestBuildAsync(TestActors.AdminAs("tests"), other.EventId);
        Assert.True(await volumes.CancelBuildAsync(TestActors.Admin, other.EventId, queuedId));
        Assert.Equal(BuildState.Cancelled, (await VolumeBuilds.WaitAsync(app, queuedId)).State);

        Assert.True(await volumes.CancelBuildAsync(TestActors.Admin, data.EventId, buildId));
        var cancelled = await VolumeBuilds.WaitAsync(app, buildId);

        Assert.Equal(BuildState.Cancelled, cancelled.State);
        Assert.Null(cancelled.StoredName);
        Assert.Null(volumes.Progress(buildId));
        Assert.Equal(published.Id, (await volumes.GetAsync(data.EventId))!.PublishedBuildId);
        Assert.Equal([published.StoredName], Directory.GetFiles(Path.Combine(files.Root, ProceedingsFiles.VolumeFolder)).Select(Path.GetFileName));
        var served = await app.CreateRawClient().GetAsync(new Uri($"/events/{data.Slug}/proceedings.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(publishedBytes, await served.Content.ReadAsByteArrayAsync());
        // A finished build cannot be cancelled.
        Assert.False(await volumes.CancelBuildAsync(TestActors.Admin, data.EventId, buildId));
    }

    /// <summary>A volume published earlier: a stored file and a finished build row, published through the service.</summary>
    private async Task<ProceedingsBuild> PublishExistingAsync(int eventId, byte[] pdf)
    {
        var stored = await app.Get<FileStore>().SaveAsync(ProceedingsFiles.VolumeFolder, ".pdf", new MemoryStream(pdf));
        await using var db = app.CreateDbContext();
        var volume = db.Proceedings.Single(p => p.EventId == eventId);
        var build = new ProceedingsBuild
        {
            ProceedingsId = volume.Id,
            Version = 1,
            State = BuildState.Succeeded,
            RequestedAt = DateTimeOffset.UtcNow,
            FinishedAt = DateTimeOffset.UtcNow,
            RequestedByUserId = "tests",
            StoredName = stored,
            PageCount = 1,
            SizeBytes = pdf.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)),
        };
        db.ProceedingsBuilds.Add(build);
        await db.SaveChangesAsync();
        Assert.Equal(PublishOutcome.Published, await app.Get<ProceedingsService>().PublishAsync(TestActors.Admin, eventId, build.Id, volume.ConcurrencyStamp));
        return build;
    }
}
