using System.Globalization;
using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.OnSite;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Events.Infrastructure.Files;
using Events.Infrastructure.LiveUpdates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
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
/// Runs queued badge builds one at a time: prints the sheet (in parts, <see cref="IBadgePrinter"/>) while the heartbeat
/// renews the build's claim and writes its progress (pushed to the page through <see cref="ILiveUpdates"/>), then stores
/// the PDF. Claims, recovery and outcomes are <see cref="ClaimedBuildWorker{TBuild, TState}"/>'s: a build left running by a
/// process that stopped is queued again once its claim lapses, and starts over; after <see cref="BadgeBuild.MaxAttempts"/>
/// starts it is marked failed.
/// </summary>
public sealed partial class BadgeBuildWorker(
    IDbContextFactory<EventsDbContext> factory, BadgeBuilds builds, BadgeService badges, IBadgePrinter printer, FileStore files,
    TimeProvider clock, ILiveUpdates live, ILogger<BadgeBuildWorker> logger) : ClaimedBuildWorker<BadgeBuild, BadgeBuildState>(factory, files, clock, live)
{
    protected override ClaimedBuildQueue<BadgeBuild, BadgeBuildState> Queue { get; } = new(db => db.BadgeBuilds,
        (BadgeBuildState.Queued, BadgeBuildState.Running, BadgeBuildState.Done, BadgeBuildState.Failed), BadgeBuild.MaxAttempts, BadgeBuilds.Topic, BadgeBuilds.Folder, builds.Signal);

    protected override void Restart(UpdateSettersBuilder<BadgeBuild> set) => set.SetProperty(b => b.Done, 0);

    protected override async Task<ClaimedBuildOutput<BadgeBuild>> BuildAsync(ClaimedRun<BadgeBuild> run)
    {
        var build = run.Row;
        var percent = 0;
        var done = 0;
        var written = 0;
        // The printer reports often; the heartbeat writes the progress once a beat, with the claim.
        run.Renewing = s =>
        {
            done = build.Total * Volatile.Read(ref percent) / 100;
            s.SetProperty(b => b.Done, done);
        };
        run.Renewed = () =>
        {
            if (done == written) return;
            written = done;
            Live.Notify(BadgeBuilds.Topic, build.EventId);
        };
        var ids = build.RegistrationIds.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToList();
        var sheet = await badges.SheetOfAsync(build.EventId, ids, BadgeBuilds.PaperOf(build.Paper), run.Token);
        if (sheet is null || sheet.Badges.Count == 0) throw new InvalidOperationException("None of the build's registrations is left to print.");
        sheet = sheet with { English = build.Culture == "en" };
        var pdf = await printer.PrintAsync(sheet, new Percent(p => InterlockedMax(ref percent, p)), run.Token);
        var pages = PdfPageCount(pdf);
        var stored = await Files.SaveAsync(BadgeBuilds.Folder, ".pdf", new MemoryStream(pdf), run.Token);
        var count = sheet.Badges.Count;
        return new(stored, s => s.SetProperty(b => b.StoredName, stored).SetProperty(b => b.Size, (long)pdf.Length)
            .SetProperty(b => b.PageCount, pages).SetProperty(b => b.Total, count).SetProperty(b => b.Done, count));
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
    protected override partial void LogError(Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Badge build {BuildId} failed.")]
    protected override partial void LogBuildFailed(int buildId, Exception e);
}
