using Events.Core.Events;
using Events.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace Events.Web.PublicPages;

/// <summary>
/// Right after the server starts listening, reads the public pages of the published events over loopback, as an
/// anonymous reader: the output cache fills and the request path (Kestrel, routing, the cache, the static render) is
/// compiled to optimized code before the first readers arrive, instead of during their first minute. First
/// <c>PublicPages:WarmUpRequests</c> reads, 4 at a time (0: off, as in Development and the tests); then, reading on as a
/// crowd would (<see cref="CrowdReaders"/> at a time), one-second rounds until a round in which the JIT compiled no more
/// than <see cref="SettledMethods"/> methods, for at most <c>PublicPages:WarmUpSeconds</c>. Only GETs of public pages,
/// which write nothing. <see cref="Readiness"/> reports when it is done (<c>/healthz/ready</c>). Readers who arrive before
/// that (a single instance with no load balancer in front) are not crowded out: while they come, the rounds only watch.
/// </summary>
public sealed class PublicPageWarmUp(
    IServer server,
    IHostApplicationLifetime lifetime,
    IDbContextFactory<EventsDbContext> factory,
    IConfiguration configuration,
    PublicPageWarmUp.Readiness readiness,
    ILogger<PublicPageWarmUp> logger) : BackgroundService
{
    public const int DefaultRequests = 400;
    public const int DefaultSeconds = 60;
    public const int CrowdReaders = 32;

    /// <summary>A one-second round that compiled no more methods than this (tier-0 or optimized) ends the warm-up.</summary>
    public const int SettledMethods = 10;

    /// <summary>Marks the warm-up's own requests, so they are not taken for readers (see <see cref="Readiness.NoteRequest"/>).</summary>
    public const string Header = "X-Events-Warm-Up";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WarmAsync(stoppingToken);
        }
        finally
        {
            readiness.Done();
        }
    }

    private async Task WarmAsync(CancellationToken stoppingToken)
    {
        var requests = configuration.GetValue("PublicPages:WarmUpRequests", DefaultRequests);
        if (requests <= 0) return;
        if (!await StartedAsync(stoppingToken)) return;
        var baseUrl = LoopbackAddress();
        if (baseUrl is null) return;
        try
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var limit = TimeSpan.FromSeconds(configuration.GetValue("PublicPages:WarmUpSeconds", DefaultSeconds));
            var pages = await PagesAsync(stoppingToken);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = CrowdReaders }) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Add(Header, "1");
            var (total, failed) = await ReadAsync(http, pages, 4, requests, TimeSpan.MaxValue, stoppingToken);
            // Optimized code comes from a background compiler some time after a method's first 30 calls (and, with
            // dynamic PGO, after an instrumented round), and a crowd takes paths a few readers do not (more connections,
            // more threads): reading on as a crowd until the JIT has little left to compile keeps those compilations out
            // of the real readers' first minute.
            var rounds = 0;
            long compiled;
            do
            {
                var before = System.Runtime.JitInfo.GetCompiledMethodCount();
                if (readiness.ReadersWithin(TimeSpan.FromSeconds(1)))
                {
                    // Real readers are here already (no load balancer held them back): they warm the same paths, and a
                    // crowd beside them would only take their cores. Watch the JIT for a second instead of reading.
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
                else
                {
                    var (read, notOk) = await ReadAsync(http, pages, CrowdReaders, int.MaxValue, TimeSpan.FromSeconds(1), stoppingToken);
                    (total, failed) = (total + read, failed + notOk);
                }
                rounds++;
                compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - before;
            }
            while (compiled > SettledMethods && started.Elapsed < limit && !stoppingToken.IsCancellationRequested);
            readiness.Summary = $"{total} requests in {started.ElapsedMilliseconds} ms ({rounds} crowd rounds, {failed} not 200; {compiled} methods compiled in the last second)";
            logger.LogInformation("Warmed {Pages} public pages with {Summary}", pages.Count, readiness.Summary);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException)
        {
            // Shutting down, or the server went away: the warm-up is an optimization, never a reason to fail.
            logger.LogWarning("The public-page warm-up stopped early: {Error}", e.Message);
        }
    }

    /// <summary>Reads the pages in turn, <paramref name="readers"/> at once, until <paramref name="requests"/> or the time is up.</summary>
    private static async Task<(int Read, int Failed)> ReadAsync(HttpClient http, IReadOnlyList<string> pages, int readers, int requests, TimeSpan duration, CancellationToken stoppingToken)
    {
        var until = duration == TimeSpan.MaxValue ? long.MaxValue : Environment.TickCount64 + (long)duration.TotalMilliseconds;
        var next = -1;
        var failed = 0;
        await Task.WhenAll(Enumerable.Range(0, readers).Select(async _ =>
        {
            int i;
            while (Environment.TickCount64 < until && (i = Interlocked.Increment(ref next)) < requests && !stoppingToken.IsCancellationRequested)
            {
                using var response = await http.GetAsync(new Uri(pages[i % pages.Count], UriKind.Relative), stoppingToken);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failed);
            }
        }));
        return (Math.Min(next + 1, requests), failed);
    }

    /// <summary>
    /// Whether the warm-up has finished, stopped or found nothing to do. Until then <c>/healthz/ready</c> answers 503
    /// without running the health checks (see <see cref="PublicPagesExtensions.MapReadiness"/>), so a load balancer or
    /// <c>docker compose</c> sends readers only to a warm instance; <c>/healthz</c> (liveness) answers at once.
    /// </summary>
    public sealed class Readiness
    {
        private volatile bool done;
        private long lastReader = long.MinValue / 2;

        public bool IsDone => done;

        /// <summary>
        /// Called for every request until the warm-up is done: notes one from a reader (not the warm-up's own, not a
        /// health probe), so the warm-up steps aside when real readers arrive before the instance reports ready.
        /// </summary>
        public void NoteRequest(HttpContext context)
        {
            if (done || context.Request.Headers.ContainsKey(Header) || context.Request.Path.StartsWithSegments("/healthz")) return;
            Interlocked.Exchange(ref lastReader, Environment.TickCount64);
        }

        /// <summary>Whether a reader's request came in during the last <paramref name="window"/>.</summary>
        public bool ReadersWithin(TimeSpan window) => Environment.TickCount64 - Interlocked.Read(ref lastReader) <= (long)window.TotalMilliseconds;

        /// <summary>What the warm-up did (requests, time, rounds), once it has finished; for the log and the benchmark.</summary>
        public string? Summary { get; internal set; }

        public void Done() => done = true;
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
