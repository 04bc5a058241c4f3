using System.IO.Compression;
using System.Globalization;
using Events.Core.Access;
using Events.Core.Certificates;
using Events.Core.Mail;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Events.Infrastructure.Files;
using Events.Infrastructure.LiveUpdates;
using Events.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Events.Infrastructure.Certificates;

/// <summary>Queues bulk prints and mailings of certificates; <see cref="CertificateBuildWorker"/> runs them.</summary>
public sealed class CertificateBuilds(IDbContextFactory<EventsDbContext> factory, EventRights rights, CertificateService certificates, FileStore files, TimeProvider clock, ILiveUpdates live) : IDisposable
{
    /// <summary>A build of the event (the key) was queued, moved on or finished.</summary>
    public const string Topic = "certificates.build";

    public const string Folder = "certificate-builds";

    internal readonly SemaphoreSlim Signal = new(0, int.MaxValue);

    public void Dispose() => Signal.Dispose();

    /// <summary>
    /// Issues the kind to everyone the filter selects who has none yet, then queues a build of all their certificates in the
    /// format: one PDF, a zip of one PDF each, or each mailed (held in the outbox). Null when nobody is selected.
    /// </summary>
    public async Task<int?> QueueAsync(Actor actor, int eventId, CertificateKind kind, CandidateQuery filter, string culture, CertificateBuildFormat format, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        var ids = await certificates.IssueAllAsync(actor, eventId, kind, filter, culture, ct);
        return await QueueIdsAsync(actor, eventId, kind, ids, format, ct);
    }

    /// <summary>Queues a build of the given certificates of the event (one person's mail, say). Null for none.</summary>
    public async Task<int?> QueueIdsAsync(Actor actor, int eventId, CertificateKind kind, IReadOnlyCollection<int> certificateIds, CertificateBuildFormat format, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        if (certificateIds.Count == 0) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var build = new CertificateBuild
        {
            EventId = eventId, Kind = kind, Format = format, CertificateIds = string.Join(',', certificateIds), Total = certificateIds.Count,
            RequestedByUserId = actor.UserId, CreatedAt = clock.GetUtcNow(),
        };
        db.CertificateBuilds.Add(build);
        await db.SaveChangesAsync(ct);
        live.Notify(Topic, eventId);
        Signal.Release();
        return build.Id;
    }

    /// <summary>A finished build's file for its event's staff: (stream, download name, content type), or null.</summary>
    public async Task<(Stream Content, string FileName, string ContentType)?> OpenAsync(Actor actor, int eventId, int buildId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var b = await db.CertificateBuilds.AsNoTracking().FirstOrDefaultAsync(x => x.Id == buildId && x.EventId == eventId && x.State == CertificateBuildState.Done, ct);
        if (b?.StoredName is null) return null;
        var stream = files.OpenRead(Folder, b.StoredName);
        if (stream is null) return null;
        var zip = b.Format == CertificateBuildFormat.Zip;
        return (stream, $"{b.Kind.ToString().ToLowerInvariant()}-{eventId}-{b.Id}{(zip ? ".zip" : ".pdf")}", zip ? "application/zip" : "application/pdf");
    }
}

/// <summary>
/// Runs queued certificate builds one at a time: prints in chunks of <see cref="Chunk"/> (progress after each), joins
/// the chunks with PDFsharp, or zips one PDF each, or mails each person theirs through the held outbox. Claims, heartbeat,
/// recovery and outcomes are <see cref="ClaimedBuildWorker{TBuild, TState}"/>'s: a build whose process stopped is queued
/// again when its claim lapses.
/// </summary>
public sealed partial class CertificateBuildWorker(
    IDbContextFactory<EventsDbContext> factory, CertificateBuilds builds, CertificateService certificates, ICertificatePrinter printer,
    FileStore files, Outbox outbox, TimeProvider clock, ILiveUpdates live, ILogger<CertificateBuildWorker> logger)
    : ClaimedBuildWorker<CertificateBuild, CertificateBuildState>(factory, files, clock, live)
{
    public const int Chunk = 50;

    protected override ClaimedBuildQueue<CertificateBuild, CertificateBuildState> Queue { get; } = new(db => db.CertificateBuilds,
        (CertificateBuildState.Queued, CertificateBuildState.Running, CertificateBuildState.Done, CertificateBuildState.Failed), CertificateBuild.MaxAttempts, CertificateBuilds.Topic, CertificateBuilds.Folder, builds.Signal);

    /// <summary>A mailing that starts over skips whoever it already mailed (<see cref="MailAsync"/>).</summary>
    protected override void Restart(UpdateSettersBuilder<CertificateBuild> set) => set.SetProperty(b => b.Done, 0);

    protected override async Task<ClaimedBuildOutput<CertificateBuild>> BuildAsync(ClaimedRun<CertificateBuild> run)
    {
        var (stored, size) = await RunAsync(run.Row, run.Token);
        return new(stored, s => s.SetProperty(b => b.StoredName, stored).SetProperty(b => b.Size, size).SetProperty(b => b.Done, b => b.Total));
    }

    private async Task<(string? Stored, long? Size)> RunAsync(CertificateBuild build, CancellationToken ct)
    {
        var ids = build.CertificateIds.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToList();
        var done = 0;
        async Task AdvanceAsync(int n)
        {
            done += n;
            await ProgressAsync(build, s => s.SetProperty(b => b.Done, done), ct);
        }

        switch (build.Format)
        {
            case CertificateBuildFormat.Combined:
            {
                using var joined = new PdfDocument();
                foreach (var chunk in ids.Chunk(Chunk))
                {
                    var prints = await certificates.PrintsForAsync(build.EventId, chunk, ct);
                    if (prints.Count > 0)
                    {
                        using var part = PdfReader.Open(new MemoryStream(await printer.PrintAsync(prints, ct)), PdfDocumentOpenMode.Import);
                        foreach (var page in part.Pages) joined.AddPage(page);
                    }
                    await AdvanceAsync(chunk.Length);
                }
                if (joined.PageCount == 0) throw new InvalidOperationException("No certificate could be printed.");
                joined.Info.Title = build.Kind.ToString();
                using var output = new MemoryStream();
                joined.Save(output, false);
                return (await Files.SaveAsync(CertificateBuilds.Folder, ".pdf", new MemoryStream(output.ToArray()), ct), output.Length);
            }
            case CertificateBuildFormat.Zip:
            {
                using var output = new MemoryStream();
                using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
                {
                    foreach (var chunk in ids.Chunk(10))
                    {
                        foreach (var print in await certificates.PrintsForAsync(build.EventId, chunk, ct))
                        {
                            var entry = zip.CreateEntry(print.FileName, CompressionLevel.Fastest);
                            await using var stream = entry.Open();
                            await stream.WriteAsync(await printer.PrintAsync([print], ct), ct);
                        }
                        await AdvanceAsync(chunk.Length);
                    }
                }
                return (await Files.SaveAsync(CertificateBuilds.Folder, ".zip", new MemoryStream(output.ToArray()), ct), output.Length);
            }
            default:
                await MailAsync(build, ids, AdvanceAsync, ct);
                return (null, null);
        }
    }

    /// <summary>Each person's PDF as an attachment, held in the event's outbox as one batch for an organizer to release.</summary>
    private async Task MailAsync(CertificateBuild build, List<int> ids, Func<int, Task> progress, CancellationToken ct)
    {
        var batch = Guid.NewGuid();
        foreach (var chunk in ids.Chunk(10))
        {
            var prints = await certificates.PrintsForAsync(build.EventId, chunk, ct);
            await using var db = await Factory.CreateDbContextAsync(ct);
            var rows = await db.Certificates.Where(c => chunk.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            var ev = await db.Events.AsNoTracking().Where(e => e.Id == build.EventId).Select(e => new { e.Title, e.TitleEn }).FirstAsync(ct);
            foreach (var print in prints)
            {
                var c = rows[print.CertificateId];
                // Mailed already by this build before its process stopped (the mail and the mark are saved together): not twice.
                if (string.IsNullOrWhiteSpace(c.Email) || c.MailedAt >= build.CreatedAt) continue;
                var english = c.Culture == "en";
                var values = new Dictionary<string, string>
                {
                    ["name"] = c.Name, ["eventTitle"] = english ? ev.TitleEn ?? ev.Title : ev.Title, ["document"] = print.Title,
                    ["code"] = print.ShortCode, ["verifyLink"] = print.QrUrl,
                };
                var pdf = await printer.PrintAsync([print], ct);
                await outbox.EnqueueAsync(db, MailTemplateKeys.Certificate, new MailRecipient(c.Email, c.Name, c.Culture), values, build.EventId,
                    $"certificate:{c.Id}", batch, [new MailFile(print.FileName, "application/pdf", pdf)], ct);
                c.MailedAt = Clock.GetUtcNow();
            }
            await db.SaveChangesAsync(ct);
            await progress(chunk.Length);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The certificate build worker failed; it goes on.")]
    protected override partial void LogError(Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Certificate build {BuildId} failed.")]
    protected override partial void LogBuildFailed(int buildId, Exception e);
}

public static class CertificateServiceCollectionExtensions
{
    /// <summary>Certificates and their background builds; the web app registers the <see cref="ICertificatePrinter"/>.</summary>
    public static IServiceCollection AddEventsCertificates(this IServiceCollection services)
    {
        services.AddSingleton<CertificateService>();
        services.AddSingleton<CertificateBuilds>();
        services.AddSingleton<CertificateBuildWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<CertificateBuildWorker>());
        return services;
    }
}
