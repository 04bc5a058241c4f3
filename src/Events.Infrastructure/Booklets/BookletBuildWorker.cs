using System.Globalization;
using System.Text;
using Events.Core.Booklets;
using Events.Infrastructure.Data;
using Events.Infrastructure.Files;
using Events.Infrastructure.LiveUpdates;
using Events.Infrastructure.Pdf;
using Events.Infrastructure.Proceedings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Tokens;

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

    /// <summary>
    /// Writes each section's first page onto its contents line; the booklet and its page count. The numbers are appended
    /// to Chromium's file as an incremental update (<see cref="PdfIncrementalUpdate"/>): the contents page, its links'
    /// structure elements and its parent-tree entry are replaced, the numbers' content streams, spans and font added;
    /// the rest of the file is neither parsed nor rewritten.
    /// </summary>
    public static (byte[] Pdf, int Pages) WriteContentsNumbers(byte[] printed, BookletModel model, BookletLabels labels)
    {
        ArgumentNullException.ThrowIfNull(printed);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(labels);
        using var reading = UglyToad.PdfPig.PdfDocument.Open(printed);
        var update = new PdfIncrementalUpdate(printed, reading);
        var (pages, contentsPage) = SectionPages(reading, model, labels);
        var sections = model.Printed.ToDictionary(BookletModel.Anchor);
        var structure = StructureOf(update, reading);
        // First what goes where, then every number drawn at once (PDFsharp, one small page per number) and appended.
        var placed = new List<Placed>();
        var written = new HashSet<BookletSections>();
        // The contents run from their heading's page up to the first section.
        for (var i = contentsPage; i < pages.Values.Min() - 1; i++)
        {
            var node = FindPage(update, reading, i + 1);
            var printedPage = reading.GetPage(i + 1);
            var letters = printedPage.Letters;
            var media = printedPage.MediaBox.Bounds;
            foreach (var item in Array(update, node.Dictionary, "Annots"))
            {
                if (update.Resolve(item) is not DictionaryToken link || DestinationName(update, link) is not { } name
                    || !sections.TryGetValue(name, out var section) || !written.Add(section)) continue;
                var box = Array(update, link, "Rect").Select(t => update.Resolve(t) is NumericToken n ? n.Double : 0).ToArray();
                if (box.Length != 4) throw new InvalidOperationException("A contents link has no rectangle.");
                var (y1, y2, x2) = (Math.Min(box[1], box[3]), Math.Max(box[1], box[3]), Math.Max(box[0], box[2]));
                // The line's title sits on the baseline the number goes on, in the same size.
                var title = letters.FirstOrDefault(l => !string.IsNullOrWhiteSpace(l.Value) && l.StartBaseLine.Y > y1 && l.StartBaseLine.Y < y2 && l.StartBaseLine.X < x2)
                    ?? throw new InvalidOperationException($"The contents line of '{labels.Sections[section]}' has no text.");
                var number = pages[section].ToString(CultureInfo.InvariantCulture);
                placed.Add(new Placed(i + 1, node, link, number, x2 - media.Left, media.Top - title.StartBaseLine.Y, title.PointSize, media.Left, media.Bottom, media.Width, media.Height));
            }
        }
        if (written.Count != pages.Count) throw new InvalidOperationException("A section has no line in the booklet's contents.");
        WriteNumbers(update, structure, placed);
        return (update.ToArray(), reading.NumberOfPages);
    }

    /// <summary>A number to write: its page (1-based), the line's link, and where it ends and sits, from the page's top left.</summary>
    private sealed record Placed(int Page, PageRef Node, DictionaryToken Link, string Number, double Right, double FromTop, double Size, double Left, double Bottom, double Width, double Height);

    /// <summary>The structure tree's parent-tree number array.</summary>
    private sealed record ParentTree(ArrayToken Nums);

    private static ParentTree? StructureOf(PdfIncrementalUpdate update, UglyToad.PdfPig.PdfDocument reading)
    {
        var catalog = reading.Structure.Catalog.CatalogDictionary;
        if (!catalog.TryGet(NameToken.Create("StructTreeRoot"), out var rootToken) || update.Resolve(rootToken) is not DictionaryToken root
            || !root.TryGet(NameToken.Create("ParentTree"), out var treeToken))
        {
            return null;
        }
        // Chromium writes the parent tree with one flat /Nums array (no /Kids); each page's entry is an array object of its own.
        return update.Resolve(treeToken) is DictionaryToken tree && Get<ArrayToken>(update, tree, "Nums") is { } nums
            ? new ParentTree(nums)
            : throw new InvalidOperationException("The booklet's parent tree is not one flat number array.");
    }

    /// <summary>
    /// Draws the numbers with PDFsharp in the shipped serif face (a small document, one page of the contents page's size
    /// per number, so each number is a content stream of its own), then appends each as marked content of a Span in its
    /// line's Link structure element, so the tagged PDF reads "title … number" in order.
    /// </summary>
    private static void WriteNumbers(PdfIncrementalUpdate update, ParentTree? structure, List<Placed> placed)
    {
        StampFonts.EnsureInstalled();
        byte[] drawn;
        using (var stamps = new PdfDocument())
        {
            // PDFsharp 6.2.4 leaves its own Flate streams unterminated (qpdf warns): it writes plain, and the update deflates.
            stamps.Options.NoCompression = true;
            stamps.Options.CompressContentStreams = false;
            foreach (var p in placed)
            {
                var page = stamps.AddPage();
                page.Width = XUnit.FromPoint(p.Width);
                page.Height = XUnit.FromPoint(p.Height);
                using var gfx = XGraphics.FromPdfPage(page);
                var font = new XFont(StampFonts.Family, p.Size, XFontStyleEx.Regular, XPdfFontOptions.UnicodeDefault);
                var width = gfx.MeasureString(p.Number, font).Width;
                gfx.DrawString(p.Number, font, new XSolidBrush(Ink), new XPoint(p.Right - width, p.FromTop));
            }
            using var output = new MemoryStream();
            stamps.Save(output, closeStream: false);
            drawn = output.ToArray();
        }
        using var source = UglyToad.PdfPig.PdfDocument.Open(drawn);
        var copied = new Dictionary<long, IndirectReference>();
        var marks = new Dictionary<int, List<IToken>>();
        var added = new Dictionary<int, (List<byte[]> Streams, Dictionary<string, Dictionary<NameToken, IToken>> Resources)>();
        var links = new Dictionary<long, DictionaryToken>();
        for (var k = 0; k < placed.Count; k++)
        {
            var p = placed[k];
            var stamp = source.GetPage(k + 1).Dictionary;
            if (!added.TryGetValue(p.Page, out var onPage)) added[p.Page] = onPage = ([], []);
            // The stamp's resources join the page's under new names (Ev + the stamp's name), copied with their objects.
            var renames = new Dictionary<string, string>();
            if (Resolve(source, stamp.Data.GetValueOrDefault("Resources")) is DictionaryToken res)
            {
                foreach (var (category, entries) in res.Data)
                {
                    if (Resolve(source, entries) is not DictionaryToken named) continue;
                    if (!onPage.Resources.TryGetValue(category, out var target)) onPage.Resources[category] = target = [];
                    foreach (var (key, value) in named.Data)
                    {
                        var newName = "Ev" + key;
                        renames[key] = newName;
                        target[NameToken.Create(newName)] = Copy(update, source, value, copied);
                    }
                }
            }
            var content = Resolve(source, stamp.Data["Contents"]) switch
            {
                StreamToken single => Plain(single),
                ArrayToken many => many.Data.SelectMany(t => Plain((StreamToken)Resolve(source, t)!)).ToArray(),
                _ => throw new InvalidOperationException("PDFsharp wrote no content stream."),
            };
            var text = Encoding.Latin1.GetString(content);
            foreach (var (from, to) in renames) text = System.Text.RegularExpressions.Regex.Replace(text, $"/{from}(?=[\\s/\\[<(])", "/" + to);
            var mcid = TagSpan(update, structure, p, marks, links);
            // The stamp was drawn on a page whose corner is the origin: moved to the contents page's media box corner.
            var origin = string.Create(CultureInfo.InvariantCulture, $"1 0 0 1 {p.Left:0.###} {p.Bottom:0.###} cm\n");
            var marked = (mcid is int id ? string.Create(CultureInfo.InvariantCulture, $"/Span <</MCID {id}>> BDC\nq\n") : "/Artifact BMC\nq\n") + origin;
            onPage.Streams.Add(Encoding.Latin1.GetBytes(marked + text + "\nQ\nEMC\n"));
        }
        foreach (var (pageNumber, (streams, resources)) in added)
        {
            var node = placed.First(p => p.Page == pageNumber).Node;
            var page = node.Dictionary;
            // Chromium's page content leaves its transformation in force: it is wrapped in q … Q before the numbers.
            var open = update.AddStream(new DictionaryToken(new Dictionary<NameToken, IToken>()), "q\n"u8);
            var close = update.AddStream(new DictionaryToken(new Dictionary<NameToken, IToken>()), [.. "Q\n"u8, .. streams.SelectMany(s => s)]);
            var contents = new List<IToken> { new IndirectReferenceToken(open) };
            contents.AddRange(page.Data["Contents"] is ArrayToken existing ? existing.Data : update.Resolve(page.Data["Contents"]) is ArrayToken indirect ? indirect.Data : [page.Data["Contents"]]);
            contents.Add(new IndirectReferenceToken(close));
            var pageResources = (DictionaryToken?)update.Resolve(page.Data.GetValueOrDefault("Resources")) ?? new DictionaryToken(new Dictionary<NameToken, IToken>());
            foreach (var (category, entries) in resources)
            {
                var merged = pageResources.TryGet(NameToken.Create(category), out var have) && update.Resolve(have) is DictionaryToken d ? d.Data.ToDictionary(e => NameToken.Create(e.Key), e => e.Value) : [];
                foreach (var (key, value) in entries)
                {
                    if (merged.ContainsKey(key)) throw new InvalidOperationException($"The contents page already has a resource {key}.");
                    merged[key] = value;
                }
                pageResources = pageResources.With(category, new DictionaryToken(merged));
            }
            update.Set(node.Reference, page.With("Contents", new ArrayToken(contents)).With("Resources", pageResources));
        }
        if (structure is null) return;
        foreach (var (pageNumber, spans) in marks)
        {
            var node = placed.First(p => p.Page == pageNumber).Node;
            var entry = ParentTreeEntry(update, structure, Get<NumericToken>(update, node.Dictionary, "StructParents")!.Int);
            update.Set(entry.Reference, new ArrayToken([.. entry.Marks.Data, .. spans]));
        }
        foreach (var (number, element) in links)
        {
            update.Set(new IndirectReference(number, 0), element);
        }
    }

    /// <summary>
    /// A Span for the number under the link's structure element (found through the link's /StructParent in the parent tree,
    /// as Chromium writes it), registered for the page's parent-tree entry; its MCID, or null when the file has no
    /// structure to hang it on (the number is then an artifact).
    /// </summary>
    private static int? TagSpan(PdfIncrementalUpdate update, ParentTree? structure, Placed p, Dictionary<int, List<IToken>> marks, Dictionary<long, DictionaryToken> links)
    {
        if (structure is null || Get<NumericToken>(update, p.Node.Dictionary, "StructParents") is not { } pageKey
            || Get<NumericToken>(update, p.Link, "StructParent") is not { } linkKey)
        {
            return null;
        }
        var entry = ParentTreeEntry(update, structure, pageKey.Int);
        if (Lookup(update, structure, linkKey.Int) is not IndirectReferenceToken elementRef) return null;
        var elementNumber = elementRef.Data.ObjectNumber;
        var element = links.TryGetValue(elementNumber, out var changed) ? changed : (DictionaryToken)update.Resolve(elementRef)!;
        if (!marks.TryGetValue(p.Page, out var spans)) marks[p.Page] = spans = [];
        var mcid = entry.Marks.Data.Count + spans.Count;
        var spanRef = update.Allocate();
        update.Set(spanRef, new DictionaryToken(new Dictionary<NameToken, IToken>
        {
            [NameToken.Type] = NameToken.Create("StructElem"),
            [NameToken.S] = NameToken.Create("Span"),
            [NameToken.P] = elementRef,
            [NameToken.Create("Pg")] = new IndirectReferenceToken(p.Node.Reference),
            [NameToken.K] = new NumericToken(mcid),
        }));
        spans.Add(new IndirectReferenceToken(spanRef));
        // After the title's text, before the annotation's object reference.
        var kids = element.TryGet(NameToken.K, out var k) ? update.Resolve(k) is ArrayToken array && k is not IndirectReferenceToken ? array.Data.ToList() : [k] : new List<IToken>();
        var at = kids.FindIndex(kid => update.Resolve(kid) is DictionaryToken d && Get<NameToken>(update, d, "Type")?.Data == "OBJR");
        kids.Insert(at < 0 ? kids.Count : at, new IndirectReferenceToken(spanRef));
        links[elementNumber] = element.With(NameToken.K, new ArrayToken(kids));
        return mcid;
    }

    private static (IndirectReference Reference, ArrayToken Marks) ParentTreeEntry(PdfIncrementalUpdate update, ParentTree structure, int key) =>
        Lookup(update, structure, key) is IndirectReferenceToken r && update.Resolve(r) is ArrayToken marks
            ? (r.Data, marks)
            : throw new InvalidOperationException("The contents page has no parent-tree array of its own.");

    private static IToken? Lookup(PdfIncrementalUpdate update, ParentTree structure, int key)
    {
        var nums = structure.Nums.Data;
        for (var i = 0; i + 1 < nums.Count; i += 2)
        {
            if (update.Resolve(nums[i]) is NumericToken n && n.Int == key) return nums[i + 1];
        }
        return null;
    }

    /// <summary>Copies a token of the stamp document into the update, its referenced objects as new objects (once each).</summary>
    private static IToken Copy(PdfIncrementalUpdate update, UglyToad.PdfPig.PdfDocument source, IToken token, Dictionary<long, IndirectReference> copied)
    {
        switch (token)
        {
            case IndirectReferenceToken r:
                if (copied.TryGetValue(r.Data.ObjectNumber, out var done)) return new IndirectReferenceToken(done);
                var target = update.Allocate();
                copied[r.Data.ObjectNumber] = target;
                var value = source.Structure.GetObject(r.Data).Data;
                update.Set(target, value is StreamToken stream
                    ? PdfIncrementalUpdate.Stream(CopyDictionary(update, source, stream.StreamDictionary.Without(NameToken.Length), copied), stream.Data.Span)
                    : Copy(update, source, value, copied));
                return new IndirectReferenceToken(target);
            case DictionaryToken d:
                return CopyDictionary(update, source, d, copied);
            case ArrayToken a:
                return new ArrayToken(a.Data.Select(t => Copy(update, source, t, copied)).ToList());
            default:
                return token;
        }
    }

    private static DictionaryToken CopyDictionary(PdfIncrementalUpdate update, UglyToad.PdfPig.PdfDocument source, DictionaryToken d, Dictionary<long, IndirectReference> copied) =>
        new(d.Data.ToDictionary(e => NameToken.Create(e.Key), e => Copy(update, source, e.Value, copied)));

    private static IToken? Resolve(UglyToad.PdfPig.PdfDocument source, IToken? token) =>
        token is IndirectReferenceToken r ? source.Structure.GetObject(r.Data).Data : token;

    private static byte[] Plain(StreamToken stream) => stream.StreamDictionary.ContainsKey(NameToken.Filter)
        ? throw new InvalidOperationException("PDFsharp compressed a stamp's content stream.")
        : stream.Data.ToArray();

    private static T? Get<T>(PdfIncrementalUpdate update, DictionaryToken dictionary, string key) where T : class, IToken =>
        dictionary.TryGet(NameToken.Create(key), out var token) ? update.Resolve(token) as T : null;

    private static IReadOnlyList<IToken> Array(PdfIncrementalUpdate update, DictionaryToken dictionary, string key) =>
        dictionary.TryGet(NameToken.Create(key), out var token) && update.Resolve(token) is ArrayToken array ? array.Data : [];

    /// <summary>A page's object and dictionary, found by walking the page tree by its /Count entries (nothing else is read).</summary>
    private static PageRef FindPage(PdfIncrementalUpdate update, UglyToad.PdfPig.PdfDocument reading, int number)
    {
        var catalog = reading.Structure.Catalog.CatalogDictionary;
        var node = catalog.Data.GetValueOrDefault("Pages") as IndirectReferenceToken;
        var skip = number - 1;
        for (var depth = 0; node is not null && depth < 64; depth++)
        {
            var dictionary = (DictionaryToken)update.Resolve(node)!;
            if (Get<NameToken>(update, dictionary, "Type")?.Data == "Page") return skip == 0 ? new PageRef(node.Data, dictionary) : throw new InvalidOperationException("The page tree is inconsistent.");
            IndirectReferenceToken? next = null;
            foreach (var kid in Array(update, dictionary, "Kids").OfType<IndirectReferenceToken>())
            {
                var child = (DictionaryToken)update.Resolve(kid)!;
                var count = Get<NameToken>(update, child, "Type")?.Data == "Page" ? 1 : Get<NumericToken>(update, child, "Count")?.Int ?? 0;
                if (skip < count)
                {
                    next = kid;
                    break;
                }
                skip -= count;
            }
            node = next;
        }
        throw new InvalidOperationException($"The booklet has no page {number}.");
    }

    private sealed record PageRef(IndirectReference Reference, DictionaryToken Dictionary);

    private static string? DestinationName(PdfIncrementalUpdate update, DictionaryToken link)
    {
        IToken? dest = link.TryGet(NameToken.Dest, out var d) ? d
            : link.TryGet(NameToken.A, out var a) && update.Resolve(a) is DictionaryToken action && action.TryGet(NameToken.D, out var ad) ? ad : null;
        return update.Resolve(dest) switch
        {
            NameToken n => n.Data,
            StringToken s => s.Data,
            HexToken h => h.Data,
            _ => null,
        };
    }

    /// <summary>The 1-based page each printed section's heading is on, from the PDF's bookmarks, matched in order after the contents heading; and the contents heading's 0-based page.</summary>
    public static (Dictionary<BookletSections, int> Pages, int ContentsPage) SectionPages(UglyToad.PdfPig.PdfDocument doc, BookletModel model, BookletLabels labels)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(labels);
        var headings = new List<(string Title, int Page)>();
        void Walk(IEnumerable<BookmarkNode> nodes)
        {
            foreach (var node in nodes)
            {
                if (node is DocumentBookmarkNode placed) headings.Add((placed.Title, placed.PageNumber - 1));
                Walk(node.Children);
            }
        }
        if (doc.TryGetBookmarks(out var bookmarks)) Walk(bookmarks.Roots);
        var h = headings.FindIndex(x => Same(x.Title, labels.Contents));
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
/// <see cref="ILiveUpdates"/>. Claims, heartbeat, recovery and outcomes are <see cref="ClaimedBuildWorker{TBuild, TState}"/>'s.
/// </summary>
public sealed partial class BookletBuildWorker(
    IDbContextFactory<EventsDbContext> factory, BookletService booklets, BookletComposer composer, FileStore files, TimeProvider clock, ILiveUpdates live,
    ILogger<BookletBuildWorker> logger) : ClaimedBuildWorker<BookletBuild, BookletBuildState>(factory, files, clock, live)
{
    protected override ClaimedBuildQueue<BookletBuild, BookletBuildState> Queue { get; } = new(db => db.BookletBuilds,
        (BookletBuildState.Queued, BookletBuildState.Running, BookletBuildState.Done, BookletBuildState.Failed), BookletBuild.MaxAttempts, BookletService.Topic, BookletService.Folder, booklets.Signal);

    protected override void Started(UpdateSettersBuilder<BookletBuild> set) => set.SetProperty(b => b.Percent, 5);

    protected override void Restart(UpdateSettersBuilder<BookletBuild> set) => set.SetProperty(b => b.Percent, 0);

    protected override async Task<ClaimedBuildOutput<BookletBuild>> BuildAsync(ClaimedRun<BookletBuild> run)
    {
        var next = run.Row;
        var model = await booklets.ModelAsync(next.EventId, next.Paper, next.Culture, run.Token) ?? throw new InvalidOperationException("The event is gone.");
        await ProgressAsync(next, s => s.SetProperty(b => b.Percent, 20), run.Token);
        var (pdf, pages) = await composer.ComposeAsync(model, p => ProgressAsync(next, s => s.SetProperty(b => b.Percent, p), run.Token), run.Token);
        var stored = await Files.SaveAsync(BookletService.Folder, ".pdf", new MemoryStream(pdf), run.Token);
        return new(stored, s => s.SetProperty(b => b.StoredName, stored).SetProperty(b => b.Size, pdf.LongLength).SetProperty(b => b.Pages, pages).SetProperty(b => b.Percent, 100));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The booklet build worker failed; it goes on.")]
    protected override partial void LogError(Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Booklet build {BuildId} failed.")]
    protected override partial void LogBuildFailed(int buildId, Exception e);
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
