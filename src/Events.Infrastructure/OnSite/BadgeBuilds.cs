using System.Globalization;
using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.OnSite;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Events.Infrastructure.Files;
using Events.Infrastructure.LiveUpdates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Events.Infrastructure.OnSite;

/// <summary>Prints a badge sheet to one PDF (the web app's Razor document through Chromium); progress hears 0–100.</summary>
public interface IBadgePrinter
{
    Task<byte[]> PrintAsync(BadgeSheet sheet, IProgress<int>? progress, CancellationToken ct = default);
}

/// <summary>A bulk badge build as the badges page lists it.</summary>
public sealed record BadgeBuildView(int Id, int? CategoryId, RegistrationState? RegistrationState, BadgePaper Paper, BadgeBuildState State, int Done, int Total,
    int? PageCount, long? Size, string? Error, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt)
{
    public int Percent => Total == 0 ? 0 : Math.Clamp(100 * Done / Total, 0, 100);
}

/// <summary>Queues bulk badge prints (all of a category and state, one PDF); <see cref="BadgeBuildWorker"/> runs them. One badge (a reprint) prints at once instead.</summary>
public sealed class BadgeBuilds(IDbContextFactory<EventsDbContext> factory, EventRights rights, BadgeService badges, FileStore files, TimeProvider clock, ILiveUpdates live) : IDisposable
{
    /// <summary>A badge build of the event (the key) was queued, moved on or finished.</summary>
    public const string Topic = "badges.build";

    public const string Folder = "badge-builds";

    internal readonly SemaphoreSlim Signal = new(0, int.MaxValue);

    public void Dispose() => Signal.Dispose();

    /// <summary>Queues a build of the badges the filter selects now, their labels in <paramref name="culture"/>; null when it selects nobody.</summary>
    public async Task<int?> QueueAsync(Actor actor, int eventId, BadgeFilter filter, BadgePaper paper, string culture, CancellationToken ct = default)
    {
        var sheet = await badges.SheetAsync(actor, eventId, filter, paper, ct);
        if (sheet is null || sheet.Badges.Count == 0) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var build = new BadgeBuild
        {
            EventId = eventId, CategoryId = filter.CategoryId, RegistrationState = filter.State, Paper = paper.ToString(), Culture = culture == "en" ? "en" : "zh-CN",
            RegistrationIds = string.Join(',', sheet.Badges.Select(b => b.RegistrationId.ToString(CultureInfo.InvariantCulture))),
            Total = sheet.Badges.Count, RequestedByUserId = actor.UserId, CreatedAt = clock.GetUtcNow(),
        };
        db.BadgeBuilds.Add(build);
        await db.SaveChangesAsync(ct);
        live.Notify(Topic, eventId);
        Signal.Release();
        return build.Id;
    }

    /// <summary>The event's builds, newest first (the last 20).</summary>
    public async Task<IReadOnlyList<BadgeBuildView>> ListAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await rights.DemandCheckInAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.BadgeBuilds.AsNoTracking().Where(b => b.EventId == eventId).OrderByDescending(b => b.Id).Take(20)
            .Select(b => new { b.Id, b.CategoryId, b.RegistrationState, b.Paper, b.State, b.Done, b.Total, b.PageCount, b.Size, b.Error, b.CreatedAt, b.FinishedAt })
            .ToListAsync(ct);
        return rows.Select(b => new BadgeBuildView(b.Id, b.CategoryId, b.RegistrationState, PaperOf(b.Paper), b.State, b.Done, b.Total, b.PageCount, b.Size, b.Error, b.CreatedAt, b.FinishedAt)).ToList();
    }

    /// <summary>A finished build's PDF for its event's staff: (stream, download name), or null.</summary>
    public async Task<(Stream Content, string FileName)?> OpenAsync(Actor actor, int eventId, int buildId, CancellationToken ct = default)
    {
        await rights.DemandCheckInAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var b = await db.BadgeBuilds.AsNoTracking().FirstOrDefaultAsync(x => x.Id == buildId && x.EventId == eventId && x.State == BadgeBuildState.Done, ct);
        if (b?.StoredName is null) return null;
        var stream = files.OpenRead(Folder, b.StoredName);
        return stream is null ? null : (stream, $"badges-{eventId}-{b.Id}.pdf");
    }

    internal static BadgePaper PaperOf(string paper) => Enum.TryParse<BadgePaper>(paper, out var p) ? p : BadgePaper.A4;
}

/// <summary>
/// Runs queued badge builds one at a time: prints the sheet (in parts, <see cref="IBadgePrinter"/>) while a heartbeat
/// renews the build's claim and writes its progress (pushed to the page through <see cref="ILiveUpdates"/>), then stores
/// the PDF. A build left running by a process that stopped is queued again once its claim lapses (<see cref="BuildClaim"/>),
/// and starts over; after <see cref="BadgeBuild.MaxAttempts"/> starts it is marked failed.
/// </summary>
public sealed partial class BadgeBuildWorker(
    IDbContextFactory<EventsDbContext> factory, BadgeBuilds builds, BadgeService badges, IBadgePrinter printer, FileStore files,
    TimeProvider clock, ILiveUpdates live, ILogger<BadgeBuildWorker> logger) : BackgroundService
{
    /// <summary>What a build that ran out of attempts says: its process stopped every time.</summary>
    public const string Interrupted = "interrupted";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Every round, not only at start: a build whose instance died must not wait for a restart.
                await RecoverAsync(stoppingToken);
                while (await RunNextAsync(stoppingToken))
                {
                }
                await builds.Signal.WaitAsync(TimeSpan.FromSeconds(10), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A locked database must never stop the host.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogError(e);
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
            }
        }
    }

    /// <summary>Builds whose claim lapsed go back to the queue (or fail after their last attempt). Returns how many were taken over.</summary>
    public async Task<int> RecoverAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        var lapsed = db.BadgeBuilds.Where(b => b.State == BadgeBuildState.Running && (b.ClaimExpiresAt == null || b.ClaimExpiresAt < now));
        var failed = await lapsed.Where(b => b.Attempts >= BadgeBuild.MaxAttempts).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.State, BadgeBuildState.Failed).SetProperty(b => b.Error, Interrupted).SetProperty(b => b.FinishedAt, now).SetProperty(b => b.ClaimExpiresAt, (DateTimeOffset?)null), ct);
        var requeued = await lapsed.Where(b => b.Attempts < BadgeBuild.MaxAttempts).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.State, BadgeBuildState.Queued).SetProperty(b => b.Done, 0).SetProperty(b => b.ClaimExpiresAt, (DateTimeOffset?)null), ct);
        if (requeued > 0) builds.Signal.Release();
        return failed + requeued;
    }

    /// <summary>Claims and runs the oldest queued build; false when there is none.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var next = await db.BadgeBuilds.AsNoTracking().Where(b => b.State == BadgeBuildState.Queued).OrderBy(b => b.Id).FirstOrDefaultAsync(ct);
        if (next is null) return false;
        var claimed = await db.BadgeBuilds.Where(b => b.Id == next.Id && b.State == BadgeBuildState.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.State, BadgeBuildState.Running).SetProperty(b => b.Attempts, b => b.Attempts + 1)
                .SetProperty(b => b.ClaimExpiresAt, clock.GetUtcNow() + BuildClaim.Duration), ct);
        if (claimed == 0) return true;
        live.Notify(BadgeBuilds.Topic, next.EventId);
        await RunAsync(next, ct);
        live.Notify(BadgeBuilds.Topic, next.EventId);
        return true;
    }

    private async Task RunAsync(BadgeBuild build, CancellationToken stopping)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var beat = new CancellationTokenSource();
        var percent = 0;
        var written = 0;
        async Task<bool> RenewAsync(CancellationToken ct)
        {
            var now = Volatile.Read(ref percent);
            var done = build.Total * now / 100;
            await using var db = await factory.CreateDbContextAsync(ct);
            var kept = await db.BadgeBuilds.Where(b => b.Id == build.Id && b.State == BadgeBuildState.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.ClaimExpiresAt, clock.GetUtcNow() + BuildClaim.Duration).SetProperty(b => b.Done, done), ct) == 1;
            if (kept && done != written)
            {
                written = done;
                live.Notify(BadgeBuilds.Topic, build.EventId);
            }
            return kept;
        }
        var heartbeat = BuildClaim.KeepAsync(RenewAsync, cts, clock, beat.Token);
        string? stored = null;
        try
        {
            var ids = build.RegistrationIds.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToList();
            var sheet = await badges.SheetOfAsync(build.EventId, ids, BadgeBuilds.PaperOf(build.Paper), cts.Token);
            if (sheet is null || sheet.Badges.Count == 0) throw new InvalidOperationException("None of the build's registrations is left to print.");
            sheet = sheet with { English = build.Culture == "en" };
            var pdf = await printer.PrintAsync(sheet, new Percent(p => InterlockedMax(ref percent, p)), cts.Token);
            var pages = PdfPageCount(pdf);
            stored = await files.SaveAsync(BadgeBuilds.Folder, ".pdf", new MemoryStream(pdf), cts.Token);
            await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
            var finished = await db.BadgeBuilds.Where(b => b.Id == build.Id && b.State == BadgeBuildState.Running).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.State, BadgeBuildState.Done).SetProperty(b => b.StoredName, stored).SetProperty(b => b.Size, (long)pdf.Length)
                .SetProperty(b => b.PageCount, pages).SetProperty(b => b.Total, sheet.Badges.Count).SetProperty(b => b.Done, sheet.Badges.Count)
                .SetProperty(b => b.FinishedAt, clock.GetUtcNow()).SetProperty(b => b.ClaimExpiresAt, (DateTimeOffset?)null), CancellationToken.None);
            // Taken over by another instance after a lapse: the file is nobody's.
            if (finished == 0) files.Delete(BadgeBuilds.Folder, stored);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The app is stopping: the build goes back to the queue at once, and this start does not count.
            if (stored is not null) files.Delete(BadgeBuilds.Folder, stored);
            await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
            await db.BadgeBuilds.Where(b => b.Id == build.Id && b.State == BadgeBuildState.Running).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.State, BadgeBuildState.Queued).SetProperty(b => b.Done, 0).SetProperty(b => b.Attempts, b => b.Attempts - 1)
                .SetProperty(b => b.ClaimExpiresAt, (DateTimeOffset?)null), CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
            // The claim was lost (another instance took the build over): that instance finishes it.
            if (stored is not null) files.Delete(BadgeBuilds.Folder, stored);
        }
#pragma warning disable CA1031 // Any failure of one build is that build's failure; the worker and the host go on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogBuildFailed(build.Id, e);
            if (stored is not null) files.Delete(BadgeBuilds.Folder, stored);
            var message = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
            await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
            await db.BadgeBuilds.Where(b => b.Id == build.Id && b.State == BadgeBuildState.Running).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.State, BadgeBuildState.Failed).SetProperty(b => b.Error, message).SetProperty(b => b.FinishedAt, clock.GetUtcNow())
                .SetProperty(b => b.ClaimExpiresAt, (DateTimeOffset?)null), CancellationToken.None);
        }
        finally
        {
            await beat.CancelAsync();
            await heartbeat;
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private static int PdfPageCount(byte[] pdf)
    {
        using var document = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        return document.PageCount;
    }

    /// <summary>Hears progress on the printing thread (no synchronization context to post to).</summary>
    private sealed class Percent(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The badge build worker failed; it goes on.")]
    private partial void LogError(Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Badge build {BuildId} failed.")]
    private partial void LogBuildFailed(int buildId, Exception e);
}
