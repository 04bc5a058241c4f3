using System.Globalization;
using System.Text;
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
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace Events.Infrastructure.Booklets;

/// <summary>
/// Prints a booklet once, as one document through Chromium, with bookmarks from its headings and a tagged PDF in its
/// language. Each contents line is a link to its section, printed with an empty number slot; the page each section starts
/// on is read from the PDF's own bookmarks and written (with PDFsharp, in the document's serif face) right-aligned at the
/// end of the line's link box, on its baseline, as a tagged span inside the line's link. The numbers take no part in the
/// layout (the contents are a page of their own and every section starts a new page), so one print is enough.
/// </summary>
public sealed class BookletComposer(IBookletDocuments documents, PdfRenderer renderer)
{
    private static readonly PdfRenderOptions Structured = new() { Outline = true };
    private static readonly XColor Ink = XColors.Black;

    public async Task<(byte[] Pdf, int Pages)> ComposeAsync(BookletModel model, Func<int, Task> progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(progress);
        var labels = documents.Labels(model.Culture);
        var html = await documents.HtmlAsync(model);
        await progress(30);
        var printed = await renderer.RenderAsync(html, Structured, ct);
        await progress(85);
        ct.ThrowIfCancellationRequested();
        return WriteContentsNumbers(printed, model, labels);
    }

    /// <summary>Writes each section's first page onto its contents line; the booklet and its page count.</summary>
    public static (byte[] Pdf, int Pages) WriteContentsNumbers(byte[] printed, BookletModel model, BookletLabels labels)
    {
        ArgumentNullException.ThrowIfNull(printed);
        StampFonts.EnsureInstalled();
        using var doc = PdfReader.Open(new MemoryStream(printed), PdfDocumentOpenMode.Modify);
        // PDFsharp 6.2.4 leaves its own Flate streams unterminated (qpdf warns), so it compresses nothing: the numbers are
        // deflated here with .NET's zlib and the small font subset stays plain. Chromium's streams are written as they are.
        doc.Options.NoCompression = true;
        var (pages, contentsPage) = SectionPages(doc, model, labels);
        var sections = model.Printed.ToDictionary(BookletModel.Anchor);
        using var reading = UglyToad.PdfPig.PdfDocument.Open(printed);
        var written = new HashSet<BookletSections>();
        // The contents run from their heading's page up to the first section.
        for (var i = contentsPage; i < pages.Values.Min() - 1; i++)
        {
            var page = doc.Pages[i];
            var letters = reading.GetPage(i + 1).Letters;
            foreach (var link in page.Elements.GetArray("/Annots")?.Elements.Select(Resolve).OfType<PdfDictionary>() ?? [])
            {
                if (DestinationName(link) is not { } name || !sections.TryGetValue(name, out var section) || !written.Add(section)) continue;
                var box = link.Elements.GetRectangle("/Rect");
                // The line's title sits on the baseline the number goes on, in the same size.
                var title = letters.FirstOrDefault(l => !string.IsNullOrWhiteSpace(l.Value) && l.StartBaseLine.Y > box.Y1 && l.StartBaseLine.Y < box.Y2 && l.StartBaseLine.X < box.X2)
                    ?? throw new InvalidOperationException($"The contents line of '{labels.Sections[section]}' has no text.");
                var number = pages[section].ToString(CultureInfo.InvariantCulture);
                WriteNumber(doc, page, link, number, box.X2, title.StartBaseLine.Y, title.PointSize);
            }
        }
        if (written.Count != pages.Count) throw new InvalidOperationException("A section has no line in the booklet's contents.");
        var count = doc.PageCount;
        using var output = new MemoryStream();
        doc.Save(output, closeStream: false);
        return (output.ToArray(), count);
    }

    /// <summary>
    /// Draws the number right-aligned at <paramref name="right"/> on the baseline (PDF coordinates, from the foot), marked as
    /// content of a Span in the line's Link structure element, so the tagged PDF reads "title … number" in order.
    /// </summary>
    private static void WriteNumber(PdfDocument doc, PdfPage page, PdfDictionary link, string number, double right, double baseline, double size)
    {
        var tagged = TagSpan(doc, page, link);
        using (var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append))
        {
            var font = new XFont(StampFonts.Family, size, XFontStyleEx.Regular, XPdfFontOptions.UnicodeDefault);
            var width = gfx.MeasureString(number, font).Width;
            gfx.DrawString(number, font, new XSolidBrush(Ink), new XPoint(right - width, gfx.PageSize.Height - baseline));
        }
        // XGraphics appended its drawing as the page's last content stream: marked there, then deflated.
        var stream = ((page.Contents.Elements[^1] as PdfReference)?.Value as PdfDictionary)?.Stream
            ?? throw new InvalidOperationException("PDFsharp wrote no content stream.");
        var marked = tagged is int mcid ? $"/Span <</MCID {mcid.ToString(CultureInfo.InvariantCulture)}>> BDC\n" : "/Artifact BMC\n";
        stream.Value = [.. Encoding.ASCII.GetBytes(marked), .. stream.Value, .. "\nEMC\n"u8];
        VolumeAssembler.CompressStamps(page);
    }

    /// <summary>
    /// Adds a Span for the number under the link's structure element (found through the link's /StructParent in the parent
    /// tree, as Chromium writes it) and registers its marked content in the page's parent-tree entry; its MCID, or null
    /// when the file has no structure to hang it on (the number is then an artifact).
    /// </summary>
    private static int? TagSpan(PdfDocument doc, PdfPage page, PdfDictionary link)
    {
        var nums = doc.Internals.Catalog.Elements.GetDictionary("/StructTreeRoot")?.Elements.GetDictionary("/ParentTree")?.Elements.GetArray("/Nums");
        if (nums is null || !page.Elements.ContainsKey("/StructParents") || !link.Elements.ContainsKey("/StructParent")) return null;
        PdfItem? Entry(int key)
        {
            for (var i = 0; i + 1 < nums.Elements.Count; i += 2)
            {
                if (nums.Elements[i] is PdfInteger k && k.Value == key) return Resolve(nums.Elements[i + 1]);
            }
            return null;
        }
        if (Entry(page.Elements.GetInteger("/StructParents")) is not PdfArray marks || Entry(link.Elements.GetInteger("/StructParent")) is not PdfDictionary element
            || element.Reference is null || page.Reference is null)
        {
            return null;
        }
        var mcid = marks.Elements.Count;
        var span = new PdfDictionary(doc);
        span.Elements.SetName("/Type", "/StructElem");
        span.Elements.SetName("/S", "/Span");
        span.Elements["/P"] = element.Reference;
        span.Elements["/Pg"] = page.Reference;
        span.Elements["/K"] = new PdfInteger(mcid);
        doc.Internals.AddObject(span);
        marks.Elements.Add(span.Reference!);
        // After the title's text, before the annotation's object reference.
        var kids = element.Elements["/K"] switch
        {
            PdfArray array => array,
            null => new PdfArray(doc),
            var single => new PdfArray(doc, single),
        };
        var at = kids.Elements.Select(Resolve).ToList().FindIndex(k => k is PdfDictionary d && d.Elements.GetName("/Type") == "/OBJR");
        kids.Elements.Insert(at < 0 ? kids.Elements.Count : at, span.Reference!);
        element.Elements["/K"] = kids;
        return mcid;
    }

    private static string? DestinationName(PdfDictionary link)
    {
        var dest = Resolve(link.Elements["/Dest"] ?? link.Elements.GetDictionary("/A")?.Elements["/D"]);
        return dest switch
        {
            PdfName n => n.Value.TrimStart('/'),
            PdfString s => s.Value,
            _ => null,
        };
    }

    private static PdfItem? Resolve(PdfItem? item) => item is PdfReference r ? r.Value : item;

    /// <summary>The 1-based page each printed section's heading is on, from the PDF's bookmarks, matched in order after the contents heading; and the contents heading's 0-based page.</summary>
    public static (Dictionary<BookletSections, int> Pages, int ContentsPage) SectionPages(PdfDocument doc, BookletModel model, BookletLabels labels)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(labels);
        var headings = OutlineReader.Headings(doc, nested: true);
        var h = headings.ToList().FindIndex(x => Same(x.Title, labels.Contents));
        if (h < 0) throw new InvalidOperationException("The booklet has no contents heading.");
        var contents = headings[h].Page;
        var result = new Dictionary<BookletSections, int>();
        foreach (var section in model.Printed)
        {
            var title = labels.Sections[section];
            while (h < headings.Count && !Same(headings[h].Title, title)) h++;
            if (h == headings.Count) throw new InvalidOperationException($"The booklet's section '{title}' has no bookmark.");
            result[section] = headings[h].Page + 1;
        }
        if (result.Count == 0) throw new InvalidOperationException("The booklet prints no section.");
        return (result, contents);
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
