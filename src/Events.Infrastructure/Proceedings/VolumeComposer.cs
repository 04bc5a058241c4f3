using Events.Core.Proceedings;
using Events.Infrastructure.Data;
using Events.Infrastructure.Papers;
using Events.Infrastructure.Papers.PdfSafety;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Events.Infrastructure.Proceedings;

/// <summary>Everything a build needs to know, read from the database before any PDF work starts.</summary>
public sealed record VolumeRequest(
    string EventTitle,
    string Title,
    string? Subtitle,
    string? Editors,
    string? Preface,
    string? Publisher,
    string? DatePlace,
    ProceedingsKind Kind,
    PaperGrouping Grouping,
    RunningHeader Header,
    IReadOnlyList<int> ManualOrder,
    IReadOnlyList<VolumeEntry> Entries,
    int FrontMatterPagesHint = 0)
{
    /// <param name="frontMatterPagesHint">The front matter's length in the last build, a first guess that usually holds.</param>
    public static VolumeRequest From(Core.Proceedings.Proceedings p, string eventTitle, IReadOnlyList<VolumeEntry> entries, int frontMatterPagesHint = 0) =>
        new(eventTitle, p.Title, p.Subtitle, p.Editors, p.Preface, p.Publisher, p.DatePlace, p.Kind, p.Grouping, p.Header,
            p.Order.OrderBy(o => o.Position).Select(o => o.SubmissionId).ToList(), entries, frontMatterPagesHint);
}

/// <summary>The built volume's size, and how long each stage took (for the log and the benchmark).</summary>
public sealed record ComposedVolume(int PageCount, int PaperCount, int FrontMatterPages, IReadOnlyList<(BuildStage Stage, TimeSpan Elapsed)> Timings);

/// <summary>
/// Builds a volume: reads the papers (or lays out the abstracts), renders the front matter until its table of contents
/// holds (render, count pages, render again when the count moved the papers), renders the author index, and hands
/// everything to <see cref="VolumeAssembler"/>.
/// </summary>
public sealed class VolumeComposer(IDocumentPrinter printer, IVolumeDocuments documents)
{
    private const int MaxLayoutPasses = 4;

    public async Task<ComposedVolume> ComposeAsync(
        VolumeRequest request, Func<VolumeEntry, Stream?> openPaper, Stream output, Action<BuildStage, int> progress, CancellationToken ct)
    {
        var labels = documents.Labels;
        if (request.Entries.Count == 0) throw new BuildFailedException(BuildFailedException.NoPapers);
        var sections = PaperOrdering.Arrange(request.Entries.Select(e => e.Paper), request.Grouping, request.ManualOrder, labels.Ungrouped);
        var numberOf = request.Entries.ToDictionary(e => e.Paper.SubmissionId, e => e.Number);

        var opened = new List<PdfDocument>();
        var timings = new List<(BuildStage, TimeSpan)>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Lap(BuildStage stage)
        {
            timings.Add((stage, clock.Elapsed));
            clock.Restart();
        }
        try
        {
            progress(BuildStage.Reading, 2);
            var (sources, pageCounts) = request.Kind == ProceedingsKind.FullPapers
                ? ReadPapers(request, openPaper, opened, numberOf, progress, ct)
                : await LayOutAbstractsAsync(request, sections, opened, ct);
            ct.ThrowIfCancellationRequested();
            Lap(BuildStage.Reading);

            progress(BuildStage.FrontMatter, 15);
            var (layout, matter, headings) = await RenderMatterAsync(request, sections, pageCounts, labels, opened, ct);
            Lap(BuildStage.FrontMatter);

            var body = layout.Papers.Select(p => sources(p)).ToList();
            var metadata = new VolumeMetadata(
                request.Subtitle is null ? request.Title : $"{request.Title}：{request.Subtitle}",
                string.Join("；", Lines(request.Editors)),
                request.Kind == ProceedingsKind.Abstracts ? $"{request.EventTitle} · {labels.Abstracts}" : request.EventTitle,
                string.Join("；", sections.Where(s => s.Heading is not null).Select(s => s.Heading)));
            var parts = new VolumeParts(layout, matter, headings, body, request.Title, request.Header, labels, metadata);
            var total = layout.BodyPages + matter.PageCount;
            progress(BuildStage.Assembling, 35);
            var pages = new PageProgress(done => progress(BuildStage.Assembling, 35 + (int)(60L * done / Math.Max(1, total))));
            await Task.Run(() => VolumeAssembler.Assemble(parts, output, pages, ct), ct);
            Lap(BuildStage.Assembling);
            return new ComposedVolume(total, layout.Papers.Count(), layout.FrontMatterPages, timings);
        }
        finally
        {
            foreach (var doc in opened) doc.Dispose();
        }
    }

    private static (Func<PlacedPaper, BodyPart>, Dictionary<int, int>) ReadPapers(
        VolumeRequest request, Func<VolumeEntry, Stream?> openPaper, List<PdfDocument> opened, Dictionary<int, int> numberOf,
        Action<BuildStage, int> progress, CancellationToken ct)
    {
        var docs = new Dictionary<int, PdfDocument>();
        var missing = request.Entries.Where(e => e.CameraReady is null).Select(e => $"#{e.Number}").ToList();
        if (missing.Count > 0) throw new BuildFailedException(BuildFailedException.PaperMissing, string.Join(", ", missing));
        var done = 0;
        foreach (var entry in request.Entries)
        {
            ct.ThrowIfCancellationRequested();
            using var stream = openPaper(entry) ?? throw new BuildFailedException(BuildFailedException.PaperMissing, $"#{entry.Number}");
            PdfDocument doc;
            try
            {
                // Papers stored before uploads were scanned for compression bombs are scanned here, before PDFsharp decodes them.
                var bytes = ReadAll(stream);
                if (!PdfBombScan.Check(bytes, PdfUploadValidator.Limits).IsWithinLimits) throw new InvalidDataException("Over the decoding limits.");
                doc = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new BuildFailedException(BuildFailedException.PaperUnreadable, $"#{entry.Number}");
            }
            opened.Add(doc);
            if (doc.PageCount == 0) throw new BuildFailedException(BuildFailedException.PaperUnreadable, $"#{entry.Number}");
            docs[entry.Paper.SubmissionId] = doc;
            progress(BuildStage.Reading, 2 + 13 * ++done / request.Entries.Count);
        }
        var counts = docs.ToDictionary(d => d.Key, d => d.Value.PageCount);
        return (p => new BodyPart(p, docs[p.Paper.SubmissionId], 0), counts);
    }

    /// <summary>
    /// Lays out the book of abstracts as one document, each abstract starting a page under its title as a heading;
    /// the bookmarks Chromium makes from those headings say where each abstract starts.
    /// </summary>
    private async Task<(Func<PlacedPaper, BodyPart>, Dictionary<int, int>)> LayOutAbstractsAsync(
        VolumeRequest request, IReadOnlyList<VolumeSection> sections, List<PdfDocument> opened, CancellationToken ct)
    {
        var html = await documents.AbstractsAsync(new AbstractsModel(request.Title, sections));
        var doc = Open(await printer.PrintAsync(html, true, ct), opened);
        var headings = OutlineReader.Headings(doc, nested: true);
        var papers = sections.SelectMany(s => s.Papers).ToList();
        var starts = new List<int>();
        var h = 0;
        foreach (var paper in papers)
        {
            while (h < headings.Count && Normalize(headings[h].Title) != Normalize(paper.Title)) h++;
            if (h == headings.Count) throw new BuildFailedException(BuildFailedException.Layout, paper.Title);
            starts.Add(headings[h].Page);
            h++;
        }
        var counts = new Dictionary<int, int>();
        var firstPage = new Dictionary<int, int>();
        for (var i = 0; i < papers.Count; i++)
        {
            var end = i + 1 < papers.Count ? starts[i + 1] : doc.PageCount;
            if (end <= starts[i]) throw new BuildFailedException(BuildFailedException.Layout, papers[i].Title);
            counts[papers[i].SubmissionId] = end - starts[i];
            firstPage[papers[i].SubmissionId] = starts[i];
        }
        return (p => new BodyPart(p, doc, firstPage[p.Paper.SubmissionId]), counts);
    }

    /// <summary>
    /// The table of contents and the index print page numbers that depend on how long the front matter (with the table
    /// itself) is. Render with a guess, count the pages before the index heading, and render again until the count holds:
    /// two rounds for a new volume, one when the last build's count still fits.
    /// </summary>
    private async Task<(VolumeLayout, PdfDocument, IReadOnlyList<(string, int)>)> RenderMatterAsync(
        VolumeRequest request, IReadOnlyList<VolumeSection> sections, Dictionary<int, int> pageCounts, VolumeLabels labels,
        List<PdfDocument> opened, CancellationToken ct)
    {
        var cover = new CoverModel(request.Title, request.Subtitle, request.Editors, request.Publisher, request.DatePlace, request.EventTitle);
        var frontPages = request.FrontMatterPagesHint;
        for (var pass = 0; pass < MaxLayoutPasses; pass++)
        {
            ct.ThrowIfCancellationRequested();
            var layout = VolumeLayout.Place(sections, frontPages, pageCounts);
            var model = new MatterModel(cover, request.Preface, request.Kind, layout.Sections, layout.IndexStartPage, layout.AuthorIndex(ChineseCollation.Comparer));
            var doc = Open(await printer.PrintAsync(await documents.MatterAsync(model), true, ct), opened);
            var found = OutlineReader.Headings(doc, nested: true);
            var index = found.Where(x => x.Title == labels.AuthorIndex).Select(x => (int?)x.Page).LastOrDefault()
                ?? throw new BuildFailedException(BuildFailedException.Layout, labels.AuthorIndex);
            if (index == frontPages)
            {
                var headings = new List<(string, int)> { (labels.Cover, 0) };
                headings.AddRange(found.Where(x => x.Title == labels.Preface || x.Title == labels.Contents).DistinctBy(x => x.Title));
                return (layout, doc, headings);
            }
            frontPages = index;
        }
        throw new BuildFailedException(BuildFailedException.Layout, "front matter");
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static PdfDocument Open(byte[] pdf, List<PdfDocument> opened)
    {
        var doc = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        opened.Add(doc);
        return doc;
    }

    private static string[] Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Normalize(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Reports on the calling thread; <see cref="Progress{T}"/> would post each report to the thread pool, out of order.</summary>
    private sealed class PageProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
