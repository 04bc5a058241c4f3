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
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
/// the chunks with PDFsharp, or zips one PDF each, or mails each person theirs through the held outbox. The queue is
/// the table; a build is claimed with a conditional update, so two instances never run the same one. The claim is kept
/// by a heartbeat (<see cref="BuildClaim"/>): a build whose process stopped is queued again when its claim lapses.
/// </summary>
public sealed partial class CertificateBuildWorker(
    IDbContextFactory<EventsDbContext> factory, CertificateBuilds builds, CertificateService certificates, ICertificatePrinter printer,
    FileStore files, Outbox outbox, TimeProvider clock, ILiveUpdates live, ILogger<CertificateBuildWorker> logger) : BackgroundService
{
    public const int Chunk = 50;

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
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    /// <summary>
    /// Builds whose claim lapsed (left running by a process that stopped or crashed) go back to the queue and start over;
    /// a mailing skips whoever it already mailed. After <see cref="CertificateBuild.MaxAttempts"/> starts a build is marked
    /// failed. Builds with a live claim are another instance's work and stay running. Returns how many were taken over.
    /// </summary>
    public async Task<int> RecoverAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        var lapsed = db.CertificateBuilds.Where(b => b.State == CertificateBuildState.Running && (b.ClaimExpiresAt == null || b.ClaimExpiresAt < now));
        var failed = await lapsed.Where(b => b.Attempts >= CertificateBuild.MaxAttempts).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.State, CertificateBuildState.Failed).SetProperty(b => b.Error, "interrupted").SetProperty(b => b.FinishedAt, now)
            .SetProperty(b => b.ClaimExpiresAt, (DateTimeOffset?)null), ct);
        var requeued = await lapsed.Where(b => b.Attempts < CertificateBuild.MaxAttempts).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.State, CertificateBuildState.Queued).SetProperty(b => b.Done, 0).SetProperty(b => b.ClaimExpiresAt, (DateTimeOffset?)null), ct);
        if (requeued > 0) builds.Signal.Release();
        return failed + requeued;
    }

    /// <summary>Claims and runs the oldest queued build; false when there is none.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var next = await db.CertificateBuilds.AsNoTracking().Where(b => b.State == CertificateBuildState.Queued).OrderBy(b => b.Id).FirstOrDefaultAsync(ct);
        if (next is null) return false;
        var claimed = await db.CertificateBuilds.Where(b => b.Id == next.Id && b.State == CertificateBuildState.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.State, CertificateBuildState.Running).SetProperty(b => b.Attempts, b => b.Attempts + 1)
                .SetProperty(b => b.ClaimExpiresAt, clock.GetUtcNow() + BuildClaim.Duration), ct);
        if (claimed == 0) return true;
        live.Notify(CertificateBuilds.Topic, next.EventId);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var beat = new CancellationTokenSource();
        var heartbeat = BuildClaim.KeepAsync(async stop =>
        {
            await using var renew = await factory.CreateDbContextAsync(stop);
            return await renew.CertificateBuilds.Where(b => b.Id == next.Id && b.State == CertificateBuildState.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.ClaimExpiresAt, clock.GetUtcNow() + BuildClaim.Duration), stop) == 1;
        }, run, clock, beat.Token);
        try
        {
            var (stored, size) = await RunAsync(next, run.Token);
            var finished = await db.CertificateBuilds.Where(b => b.Id == next.Id && b.State == CertificateBuildState.Running).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.State, CertificateBuildState.Done).SetProperty(b => b.StoredName, stored).SetProperty(b => b.Size, size)
                .SetProperty(b => b.Done, b => b.Total).SetProperty(b => b.FinishedAt, clock.GetUtcNow()).SetProperty(b => b.ClaimExpiresAt, (DateTimeOffset?)null), CancellationToken.None);
            // Taken over by another instance after a lapse: the file is nobody's.
            if (finished == 0 && stored is not null) files.Delete(CertificateBuilds.Folder, stored);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The app is stopping: the build goes back to the queue at once, and this start does not count.
            await db.CertificateBuilds.Where(b => b.Id == next.Id && b.State == CertificateBuildState.Running).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.State, CertificateBuildState.Queued).SetProperty(b => b.Done, 0).SetProperty(b => b.Attempts, b => b.Attempts - 1)
                .SetProperty(b => b.ClaimExpiresAt, (DateTimeOffset?)null), CancellationToken.None);
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            // The claim was lost: another instance took the build over and finishes it.
        }
#pragma warning disable CA1031 // Any failure of one build is that build's failure; the worker and the host go on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogBuildFailed(next.Id, e);
            var message = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
            await db.CertificateBuilds.Where(b => b.Id == next.Id && b.State == CertificateBuildState.Running).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.State, CertificateBuildState.Failed).SetProperty(b => b.Error, message).SetProperty(b => b.FinishedAt, clock.GetUtcNow())
                .SetProperty(b => b.ClaimExpiresAt, (DateTimeOffset?)null), CancellationToken.None);
        }
        finally
        {
            await beat.CancelAsync();
            await heartbeat;
        }
        live.Notify(CertificateBuilds.Topic, next.EventId);
        return true;
    }

    private async Task<(string? Stored, long? Size)> RunAsync(CertificateBuild build, CancellationToken ct)
    {
        var ids = build.CertificateIds.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToList();
        var done = 0;
        async Task ProgressAsync(int n)
        {
            done += n;
            await using var db = await factory.CreateDbContextAsync(ct);
            await db.CertificateBuilds.Where(b => b.Id == build.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Done, done), ct);
            live.Notify(CertificateBuilds.Topic, build.EventId);
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
                    await ProgressAsync(chunk.Length);
                }
                if (joined.PageCount == 0) throw new InvalidOperationException("No certificate could be printed.");
                joined.Info.Title = build.Kind.ToString();
                using var output = new MemoryStream();
                joined.Save(output, false);
                return (await files.SaveAsync(CertificateBuilds.Folder, ".pdf", new MemoryStream(output.ToArray()), ct), output.Length);
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
                        await ProgressAsync(chunk.Length);
                    }
                }
                return (await files.SaveAsync(CertificateBuilds.Folder, ".zip", new MemoryStream(output.ToArray()), ct), output.Length);
            }
            default:
                await MailAsync(build, ids, ProgressAsync, ct);
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
            await using var db = await factory.CreateDbContextAsync(ct);
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
                c.MailedAt = clock.GetUtcNow();
            }
            await db.SaveChangesAsync(ct);
            await progress(chunk.Length);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The certificate build worker failed; it goes on.")]
    private partial void LogError(Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Certificate build {BuildId} failed.")]
    private partial void LogBuildFailed(int buildId, Exception e);
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
