using Events.Core.Events;
using Events.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace Events.Web.PublicPages;

/// <summary>
/// Right after the server starts listening, reads the public pages of the published events a few hundred times over
/// loopback, as an anonymous reader: the output cache fills and the request path (Kestrel, routing, the cache, the
/// static render) is compiled to optimized code before the first readers arrive, instead of during their first minute.
/// Only GETs of public pages, which write nothing. <c>PublicPages:WarmUpRequests</c> sets how many (0: off, as in
/// Development and the tests).
/// </summary>
public sealed class PublicPageWarmUp(
    IServer server,
    IHostApplicationLifetime lifetime,
    IDbContextFactory<EventsDbContext> factory,
    IConfiguration configuration,
    ILogger<PublicPageWarmUp> logger) : BackgroundService
{
    public const int DefaultRequests = 400;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var requests = configuration.GetValue("PublicPages:WarmUpRequests", DefaultRequests);
        if (requests <= 0) return;
        if (!await StartedAsync(stoppingToken)) return;
        var baseUrl = LoopbackAddress();
        if (baseUrl is null) return;
        try
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var pages = await PagesAsync(stoppingToken);
            using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
            var next = -1;
            var failed = 0;
            // A few at once, like a handful of readers; the pages come round in turn.
            await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < requests && !stoppingToken.IsCancellationRequested)
                {
                    using var response = await http.GetAsync(pages[i % pages.Count], stoppingToken);
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failed);
                }
            }));
            logger.LogInformation("Warmed {Pages} public pages with {Requests} requests in {Elapsed} ms ({Failed} not 200)",
                pages.Count, requests, started.ElapsedMilliseconds, failed);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException)
        {
            // Shutting down, or the server went away: the warm-up is an optimization, never a reason to fail.
            logger.LogWarning("The public-page warm-up stopped early: {Error}", e.Message);
        }
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var onStarted = lifetime.ApplicationStarted.Register(started.SetResult);
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled());
        try
        {
            await started.Task;
            return true;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>The address the server listens on, as seen from this machine; none under a test server.</summary>
    private Uri? LoopbackAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null) return null;
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::") uri.Host = "127.0.0.1";
        return uri.Uri;
    }

    /// <summary>The event list and, for the published events that start soonest, their page, program and speakers.</summary>
    private async Task<IReadOnlyList<string>> PagesAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var slugs = await db.Events.AsNoTracking().Where(e => e.Status == EventStatus.Published && e.ParentEventId == null)
            .OrderBy(e => e.EndDate < today).ThenBy(e => e.StartDate).Select(e => e.Slug).Take(5).ToListAsync(ct);
        return ["/events", .. slugs.SelectMany(s => new[] { $"/events/{s}", $"/events/{s}/program", $"/events/{s}/speakers" })];
    }
}
