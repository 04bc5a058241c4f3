namespace Events.Infrastructure.Publishing;

/// <summary>For hosts without an output cache (component tests, tools): there is nothing to drop.</summary>
public sealed class UncachedPublicPages : IPublicPageCache
{
    public Task EventChangedAsync(int eventId, string? formerSlug = null, CancellationToken ct = default) => Task.CompletedTask;

    public Task EventPagesChangedAsync(string slug, CancellationToken ct = default) => Task.CompletedTask;

    public Task BulletinsChangedAsync(CancellationToken ct = default) => Task.CompletedTask;
}
