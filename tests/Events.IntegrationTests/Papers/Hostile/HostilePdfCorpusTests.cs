using System.Diagnostics;
using System.Text;
using Events.Core.Common;
using Events.Core.Papers;
using Events.Infrastructure.Papers;
using Events.Infrastructure.Reviews;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Events.IntegrationTests.Papers.Hostile;

/// <summary>Runs alone, so the allocation figures of the bomb case are its own and not a neighbour test's.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostilePdfCollection
{
    public const string Name = "Hostile PDFs";
}

/// <summary>
/// Every kind of hostile PDF, submitted as a new paper through <see cref="SubmissionService"/> on the real app and SQLite.
/// Each either gets a clear refusal, with nothing stored (no file in the paper folder or the upload folder, no row), or is
/// accepted and then yields a reviewer copy with no script, action, attachment, annotation or marker name left.
/// </summary>
[Collection(HostilePdfCollection.Name)]
public sealed class HostilePdfCorpusTests(EventsAppFactory app, ITestOutputHelper output) : IClassFixture<EventsAppFactory>
{
    private const int MaxFileSizeMb = 16;
    private const int MaxPages = 5;

    public static TheoryData<string, PaperUploadProblem?> Corpus() => new()
    {
        { "flate-bomb-400MB", PaperUploadProblem.TooComplex },
        { "nested-flate-bomb-1GB", PaperUploadProblem.TooComplex },
        { "many-streams-bomb-600MB", PaperUploadProblem.TooComplex },
        { "many-objects-300k", PaperUploadProblem.TooComplex },
        { "page-tree-cycle", PaperUploadProblem.Damaged },
        { "huge-page-count-1M", PaperUploadProblem.TooManyPages },
        { "too-many-pages", PaperUploadProblem.TooManyPages },
        { "encrypted", PaperUploadProblem.Encrypted },
        { "encrypted-empty-password", PaperUploadProblem.Encrypted },
        { "truncated", PaperUploadProblem.Damaged },
        { "malformed-xref", PaperUploadProblem.Damaged },
        { "jpeg-pdf-polyglot", PaperUploadProblem.NotPdf },
        { "open-action-javascript", null },
        { "names-javascript", null },
        { "launch-action", null },
        { "embedded-file", null },
        { "annotation-author", null },
        { "marked-everywhere", null },
        { "pdf-html-polyglot", null },
        { "pdf-zip-polyglot", null },
    };

    private static byte[] Make(string kind) => kind switch
    {
        "flate-bomb-400MB" => HostilePdfs.FlateBomb(),
        "nested-flate-bomb-1GB" => HostilePdfs.NestedFlateBomb(),
        "many-streams-bomb-600MB" => HostilePdfs.ManyStreamsBomb(),
        "many-objects-300k" => HostilePdfs.ManyObjects(),
        "page-tree-cycle" => HostilePdfs.PageTreeCycle(),
        "huge-page-count-1M" => HostilePdfs.HugePageCount(),
        "too-many-pages" => TestPdfs.Valid(pages: MaxPages + 1),
        "encrypted" => TestPdfs.Encrypted(),
        "encrypted-empty-password" => TestPdfs.Encrypted(userPassword: ""),
        "truncated" => TestPdfs.Truncated(),
        "malformed-xref" => HostilePdfs.MalformedXref(),
        "jpeg-pdf-polyglot" => HostilePdfs.JpegPdfPolyglot(),
        "open-action-javascript" => HostilePdfs.OpenActionJavaScript(),
        "names-javascript" => HostilePdfs.NamesJavaScript(),
        "launch-action" => HostilePdfs.LaunchAction(),
        "embedded-file" => HostilePdfs.EmbeddedFile(),
        "annotation-author" => HostilePdfs.AnnotationAuthor(),
        "marked-everywhere" => HostilePdfs.MarkedEverywhere(),
        "pdf-html-polyglot" => HostilePdfs.PdfHtmlPolyglot(),
        "pdf-zip-polyglot" => HostilePdfs.PdfZipPolyglot(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Each_hostile_file_is_refused_with_its_reason_and_nothing_stored_or_accepted_with_a_clean_reviewer_copy(string kind, PaperUploadProblem? refusal)
    {
        var pdf = Make(kind);
        var (eventId, slug, userId) = await CallAsync();
        var stored = PaperFiles();

        var watch = Stopwatch.StartNew();
        var result = await app.Get<SubmissionService>().SubmitAsync(slug, await InputAsync(eventId), new PaperUpload($"{kind}.pdf", new MemoryStream(pdf)), userId);
        output.WriteLine($"{kind}: {pdf.Length:N0} bytes, {result.Upload} in {watch.ElapsedMilliseconds} ms");

        await using var db = app.CreateDbContext();
        if (refusal is { } expected)
        {
            Assert.Equal((SaveOutcome.Invalid, expected), (result.Save.Outcome, result.Upload));
            Assert.False(await db.Submissions.AnyAsync(s => s.EventId == eventId));
            Assert.Equal(stored, PaperFiles());
            Assert.Empty(Directory.GetFiles(app.Get<SubmissionService>().IncomingFolder));
            return;
        }
        Assert.Equal(SaveOutcome.Saved, result.Save.Outcome);
        var file = await db.SubmissionFiles.SingleAsync(f => f.SubmissionId == result.Save.Id);
        var copy = ReviewCopy.Create(File.OpenRead(Path.Combine(app.Get<SubmissionService>().IncomingFolder, "..", SubmissionService.FileFolder, file.StoredName)));
        AssertClean(copy);
    }

    /// <summary>
    /// The 400 MB bomb costs the server no more than a few megabytes: the scan decodes into one reused buffer and stops at the
    /// limit, and the parsers never see the file. Before the scan, PdfPig inflated the whole stream (over 400 MB allocated).
    /// </summary>
    [Fact]
    public async Task A_400_MB_compression_bomb_is_refused_without_allocating_its_expanded_size()
    {
        var pdf = HostilePdfs.FlateBomb();
        var (eventId, slug, userId) = await CallAsync();
        var input = await InputAsync(eventId);
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: false);
        var watch = Stopwatch.StartNew();

        var result = await app.Get<SubmissionService>().SubmitAsync(slug, input, new PaperUpload("bomb.pdf", new MemoryStream(pdf)), userId);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var grown = GC.GetTotalMemory(forceFullCollection: false) - memoryBefore;
        using var process = Process.GetCurrentProcess();
        output.WriteLine($"bomb {pdf.Length:N0} bytes -> {result.Upload} in {watch.ElapsedMilliseconds} ms; allocated {allocated / 1024 / 1024} MB, "
            + $"heap grew {grown / 1024 / 1024} MB, process peak working set {process.PeakWorkingSet64 / 1024 / 1024} MB");
        Assert.Equal(PaperUploadProblem.TooComplex, result.Upload);
        Assert.True(allocated < 64L * 1024 * 1024, $"allocated {allocated:N0} bytes");
    }

    private static void AssertClean(byte[] copy)
    {
        var expanded = PdfTools.Qpdf(copy, "--qdf", "--object-streams=disable");
        var text = Encoding.Latin1.GetString(expanded);
        foreach (var key in new[] { "/JavaScript", "/JS", "/OpenAction", "/AA", "/Launch", "/EmbeddedFile", "/Filespec", "/Annots", "/Names", "<script", "PK\u0003\u0004" })
        {
            Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        }
        Assert.Equal(0, PdfTools.Occurrences(expanded, HostilePdfs.ChineseMarker));
        Assert.True(PdfTools.Occurrences(expanded, "Marker") <= 1, "only the visible text may name the marker");
        Assert.Contains("0 embedded files", PdfTools.DetachList(copy), StringComparison.Ordinal);
    }

    private async Task<(int EventId, string Slug, string UserId)> CallAsync()
    {
        _ = app.Server;
        var (eventId, slug) = await PaperTestKit.CreateCallAsync(app, maxFileSizeMb: MaxFileSizeMb, maxPages: MaxPages);
        var user = await TestUsers.CreateAsync(app, $"author-{Guid.NewGuid():N}@test.local", []);
        return (eventId, slug, user.Id);
    }

    private async Task<SubmissionInput> InputAsync(int eventId) => PaperTestKit.Input(await PaperTestKit.TopicAsync(app, eventId));

    private string[] PaperFiles()
    {
        var folder = Path.Combine(app.DataPath, "files", SubmissionService.FileFolder);
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToArray() : [];
    }
}
