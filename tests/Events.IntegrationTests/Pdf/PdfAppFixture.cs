using Events.Infrastructure.Pdf;
using Events.IntegrationTests.Infrastructure;

namespace Events.IntegrationTests.Pdf;

/// <summary>
/// One seeded app, and with it one <see cref="PdfRenderer"/> (one Chromium), shared by every test that prints:
/// starting a browser per test would cost more than the tests themselves.
/// </summary>
public sealed class PdfAppFixture : IAsyncLifetime
{
    public EventsAppFactory App { get; } = new();

    public PdfRenderer Renderer => App.Get<PdfRenderer>();

    public async Task InitializeAsync()
    {
        _ = App.Server;
        await Renderer.WarmUpAsync();
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class PdfCollection : ICollectionFixture<PdfAppFixture>
{
    public const string Name = "PDF";
}
