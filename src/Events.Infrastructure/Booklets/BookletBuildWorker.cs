using Events.Core.Booklets;
using Events.Infrastructure.Data;
using Events.Infrastructure.Files;
using Events.Infrastructure.LiveUpdates;
using Events.Infrastructure.Pdf;
using Events.Infrastructure.Proceedings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PdfSharp.Pdf.IO;

namespace Events.Infrastructure.Booklets;

/// <summary>
/// Prints a booklet as one document through Chromium, with bookmarks from its headings and a tagged PDF in its language.
/// The table of contents prints the page each section starts on: the first print (with blank numbers of the same width)
/// says where the sections landed, read back from the PDF's own bookmarks; the next print carries those numbers, and is
/// checked the same way until they hold.
/// </summary>
public sealed class BookletComposer(IBookletDocuments documents, PdfRenderer renderer)
{
    private const int MaxPasses = 4;
    private static readonly PdfRenderOptions Structured = new() { Outline = true };

    public async Task<(byte[] Pdf, int Pages)> ComposeAsync(BookletModel model, Func<int, Task> progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        var labels = documents.Labels(model.Culture);
        IReadOnlyDictionary<BookletSections, int>? pages = null;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            ct.ThrowIfCancellationRequested();
            var pdf = await renderer.RenderAsync(await documents.HtmlAsync(model, pages), Structured, ct);
            var (found, count) = SectionPages(pdf, model, labels);
            await progress(Math.Min(90, 40 + 25 * (pass + 1)));
            var printed = pages;
            if (printed is not null && found.All(kv => printed.TryGetValue(kv.Key, out var p) && p == kv.Value)) return (pdf, count);
            pages = found;
        }
        throw new InvalidOperationException("The table of contents did not settle.");
    }

    /// <summary>The 1-based page each printed section's heading is on, from the PDF's bookmarks, matched in order after the contents heading.</summary>
    public static (Dictionary<BookletSections, int> Pages, int Count) SectionPages(byte[] pdf, BookletModel model, BookletLabels labels)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(labels);
        using var doc = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var headings = OutlineReader.Headings(doc, nested: true);
        var h = headings.ToList().FindIndex(x => Same(x.Title, labels.Contents));
        if (h < 0) throw new InvalidOperationException("The booklet has no contents heading.");
        var result = new Dictionary<BookletSections, int>();
        foreach (var section in model.Printed)
        {
            var title = labels.Sections[section];
            while (h < headings.Count && !Same(headings[h].Title, title)) h++;
            if (h == headings.Count) throw new InvalidOperationException($"The booklet's section '{title}' has no bookmark.");
            result[section] = headings[h].Page + 1;
        }
        return (result, doc.PageCount);
    }

    private static bool Same(string a, string b) =>
        string.Equals(string.Join(' ', a.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), b.Trim(), StringComparison.Ordinal);
}

/// <summary>
/// Runs queued booklet builds one at a time, outside any circuit; progress goes on the row and to the page through
/// <see cref="ILiveUpdates"/>. A build is claimed with a conditional update, so two instances never run the same one.
/// </summary>
public sealed partial class BookletBuildWorker(
    IDbContextFactory<EventsDbContext> factory, BookletService booklets, BookletComposer composer, FileStore files, TimeProvider clock, ILiveUpdates live,
    ILogger<BookletBuildWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RecoverAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunNextAsync(stoppingToken))
                {
                }
                await booklets.Signal.WaitAsync(TimeSpan.FromSeconds(10), stoppingToken);
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

    /// <summary>Builds left running by a process that stopped are marked failed.</summary>
    private async Task RecoverAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.BookletBuilds.Where(b => b.State == BookletBuildState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.State, BookletBuildState.Failed).SetProperty(b => b.Error, "interrupted"), ct);
    }

    /// <summary>Claims and runs the oldest queued build; false when there is none.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var next = await db.BookletBuilds.AsNoTracking().Where(b => b.State == BookletBuildState.Queued).OrderBy(b => b.Id).FirstOrDefaultAsync(ct);
        if (next is null) return false;
        var claimed = await db.BookletBuilds.Where(b => b.Id == next.Id && b.State == BookletBuildState.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.State, BookletBuildState.Running).SetProperty(b => b.Percent, 5), ct);
        if (claimed == 0) return true;
        live.Notify(BookletService.Topic, next.EventId);
        try
        {
            var model = await booklets.ModelAsync(next.EventId, next.Paper, next.Culture, ct) ?? throw new InvalidOperationException("The event is gone.");
            await ProgressAsync(next, 20, ct);
            var (pdf, pages) = await composer.ComposeAsync(model, p => ProgressAsync(next, p, ct), ct);
            var stored = await files.SaveAsync(BookletService.Folder, ".pdf", new MemoryStream(pdf), ct);
            await db.BookletBuilds.Where(b => b.Id == next.Id).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.State, BookletBuildState.Done).SetProperty(b => b.StoredName, stored).SetProperty(b => b.Size, pdf.LongLength)
                .SetProperty(b => b.Pages, pages).SetProperty(b => b.Percent, 100).SetProperty(b => b.FinishedAt, clock.GetUtcNow()), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogBuildFailed(next.Id, e);
            var message = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
            await db.BookletBuilds.Where(b => b.Id == next.Id).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.State, BookletBuildState.Failed).SetProperty(b => b.Error, message).SetProperty(b => b.FinishedAt, clock.GetUtcNow()), CancellationToken.None);
        }
        live.Notify(BookletService.Topic, next.EventId);
        return true;
    }

    private async Task ProgressAsync(BookletBuild build, int percent, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.BookletBuilds.Where(b => b.Id == build.Id && b.State == BookletBuildState.Running).ExecuteUpdateAsync(s => s.SetProperty(b => b.Percent, percent), ct);
        live.Notify(BookletService.Topic, build.EventId);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The booklet build worker failed; it goes on.")]
    private partial void LogError(Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Booklet build {BuildId} failed.")]
    private partial void LogBuildFailed(int buildId, Exception e);
}

public static class BookletServiceCollectionExtensions
{
    /// <summary>Booklets and their background builds; the web app registers the <see cref="IBookletDocuments"/>.</summary>
    public static IServiceCollection AddEventsBooklets(this IServiceCollection services)
    {
        services.AddSingleton<BookletService>();
        services.AddSingleton<BookletComposer>();
        services.AddSingleton<BookletBuildWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<BookletBuildWorker>());
        return services;
    }
}
