namespace Events.Infrastructure.Publishing;

/// <summary>
/// Told when published content changes, so cached public pages and exports that show it are dropped. The web app
/// evicts its output cache; a service that publishes calls this after its change is saved.
/// </summary>
public interface IPublicPageCache
{
    /// <summary>An event's public pages changed (its page, program, call, proceedings, exports), and with them its parent's, its forums' and the event list.</summary>
    /// <param name="formerSlug">The slug the event had before this change, when it was renamed.</param>
    Task EventChangedAsync(int eventId, string? formerSlug = null, CancellationToken ct = default);

    /// <summary>Only the event's own public pages changed (its page lists a newly released notice); nothing else shows it.</summary>
    Task EventPagesChangedAsync(string slug, CancellationToken ct = default);

    /// <summary>The list of published bulletins changed.</summary>
    Task BulletinsChangedAsync(CancellationToken ct = default);
}
