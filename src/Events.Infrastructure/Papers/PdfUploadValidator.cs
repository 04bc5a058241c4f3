using System.Security.Cryptography;
using Events.Core.Papers;
using Events.Infrastructure.Papers.PdfSafety;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace Events.Infrastructure.Papers;

/// <summary>
/// Checks an uploaded paper on the server: it is streamed to a temporary file (never buffered whole in memory) with the size
/// limit enforced while reading, then it must start with "%PDF-", end with an "%%EOF" marker (a cut-off upload does not),
/// open in PdfPig without a password and without an /Encrypt dictionary, every page must parse, and PDFsharp must open it.
/// Before any parser sees it, <see cref="PdfBombScan"/> bounds what it decodes to and how many objects it holds; the parse
/// then runs under a time budget, and only <see cref="PdfLimits.MaxConcurrentValidations"/> uploads are checked at once.
/// The uploader's file name and declared type play no part.
/// </summary>
public static class PdfUploadValidator
{
    private static PdfLimits limits = new();
    private static SemaphoreSlim gate = new(limits.MaxConcurrentValidations);

    /// <summary>The limits in force; set once at start-up from configuration.</summary>
    public static PdfLimits Limits => limits;

    public static void Configure(PdfLimits configured)
    {
        limits = configured;
        gate = new SemaphoreSlim(Math.Max(1, configured.MaxConcurrentValidations));
    }

    private const int TailBytes = 1024;
    private static ReadOnlySpan<byte> Magic => "%PDF-"u8;
    private static ReadOnlySpan<byte> EndMarker => "%%EOF"u8;

    /// <summary>Reads <paramref name="content"/> into a temporary file under <paramref name="tempFolder"/> and checks it. Dispose the result to delete the file.</summary>
    public static async Task<ValidatedPdf> ReadAsync(Stream content, long maxBytes, int maxPages, string tempFolder, CancellationToken ct = default)
    {
        Directory.CreateDirectory(tempFolder);
        var path = Path.Combine(tempFolder, $"{Guid.NewGuid():N}.upload");
        var result = new ValidatedPdf(path);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long total = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var chunk = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(chunk, ct)) > 0)
                {
                    total += read;
                    // Stop at the first byte over the limit: a huge upload costs no more than the limit in disk and time.
                    if (total > maxBytes) return result.Fail(PaperUploadProblem.TooLarge);
                    hash.AppendData(chunk, 0, read);
                    await file.WriteAsync(chunk.AsMemory(0, read), ct);
                }
            }
            if (total == 0) return result.Fail(PaperUploadProblem.Empty);
            result.Size = total;
            result.Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());

            var problem = await CheckMarkersAsync(path, total, ct);
            if (problem == PaperUploadProblem.None)
            {
                (problem, var pages) = await CheckContentAsync(path, maxPages, ct);
                result.Pages = pages;
            }
            return problem == PaperUploadProblem.None ? result : result.Fail(problem);
        }
        catch
        {
            await result.DisposeAsync();
            throw;
        }
    }

    private static async Task<PaperUploadProblem> CheckMarkersAsync(string path, long size, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        var head = new byte[Magic.Length];
        var n = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (n < head.Length || !head.AsSpan().SequenceEqual(Magic)) return PaperUploadProblem.NotPdf;

        var tail = new byte[(int)Math.Min(TailBytes, size)];
        file.Seek(-tail.Length, SeekOrigin.End);
        await file.ReadExactlyAsync(tail, ct);
        return tail.AsSpan().IndexOf(EndMarker) >= 0 ? PaperUploadProblem.None : PaperUploadProblem.Damaged;
    }

    /// <summary>
    /// The bomb scan and the full parse, one upload per free slot. A parse that overruns its time budget is refused at once;
    /// it keeps its slot until it has really stopped (a parser cannot be interrupted mid-object), so the bound on
    /// concurrent work holds.
    /// </summary>
    private static async Task<(PaperUploadProblem Problem, int Pages)> CheckContentAsync(string path, int maxPages, CancellationToken ct)
    {
        var (current, slots) = (limits, gate);
        if (!await slots.WaitAsync(current.MaxQueueWait, ct)) return (PaperUploadProblem.Busy, 0);
        Task<(PaperUploadProblem, int)> work;
        try
        {
            var budget = new CancellationTokenSource(current.MaxParseTime);
            var token = budget.Token;
            work = Task.Run(() =>
            {
                var scan = PdfBombScan.Check(File.ReadAllBytes(path), current);
                return scan.IsWithinLimits ? Parse(path, maxPages, token) : (PaperUploadProblem.TooComplex, 0);
            }, CancellationToken.None);
            _ = work.ContinueWith(_ =>
            {
                budget.Dispose();
                slots.Release();
            }, TaskScheduler.Default);
        }
        catch
        {
            slots.Release();
            throw;
        }
        try
        {
            return await work.WaitAsync(current.MaxParseTime, ct);
        }
        catch (TimeoutException)
        {
            return (PaperUploadProblem.TooComplex, 0);
        }
    }

    /// <summary>A full parse: PdfPig opens the file and reads every page's content. Any failure to do so is a damaged file.</summary>
    private static (PaperUploadProblem Problem, int Pages) Parse(string path, int maxPages, CancellationToken budget)
    {
        try
        {
            using var document = PdfDocument.Open(path, new ParsingOptions { UseLenientParsing = false });
            // A file with an /Encrypt dictionary opens here when its user password is empty; it is refused all the same,
            // because reviewers' copies are rewritten (metadata stripped) and proceedings are assembled from it.
            if (document.IsEncrypted) return (PaperUploadProblem.Encrypted, 0);
            var pages = document.NumberOfPages;
            if (pages == 0) return (PaperUploadProblem.NoPages, 0);
            if (pages > maxPages) return (PaperUploadProblem.TooManyPages, pages);
            for (var i = 1; i <= pages; i++)
            {
                if (budget.IsCancellationRequested) return (PaperUploadProblem.TooComplex, 0);
                var page = document.GetPage(i);
                _ = page.Letters.Count;
                _ = page.GetImages().Count();
            }
            // Reviewers' copies and proceedings are made with PDFsharp, which forgives less than PdfPig (a broken cross-reference
            // table, for one): a file it cannot open would be accepted here and fail later in front of a reviewer.
            using (var sharp = PdfSharp.Pdf.IO.PdfReader.Open(path, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import))
            {
                if (sharp.PageCount != pages) return (PaperUploadProblem.Damaged, 0);
            }
            return (PaperUploadProblem.None, pages);
        }
        catch (PdfDocumentEncryptedException)
        {
            return (PaperUploadProblem.Encrypted, 0);
        }
#pragma warning disable CA1031 // A parser fed hostile bytes may fail in any way; every failure means "not a readable PDF".
        catch (Exception)
        {
            return (PaperUploadProblem.Damaged, 0);
        }
#pragma warning restore CA1031
    }
}

/// <summary>An upload held in a temporary file while it is checked and stored. Disposing deletes the file.</summary>
public sealed class ValidatedPdf(string path) : IAsyncDisposable
{
    public PaperUploadProblem Problem { get; private set; }
    public bool IsValid => Problem == PaperUploadProblem.None;
    public long Size { get; internal set; }
    public int Pages { get; internal set; }
    public string Sha256 { get; internal set; } = "";

    /// <summary>The double-blind findings to keep with the stored file (JSON), set by the service before it saves.</summary>
    public string? AnonymityFindings { get; internal set; }

    public Stream OpenRead() => File.OpenRead(path);

    internal ValidatedPdf Fail(PaperUploadProblem problem)
    {
        Problem = problem;
        return this;
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Still open elsewhere: the temp folder is swept by the OS; nothing depends on this file any more.
        }
        return ValueTask.CompletedTask;
    }
}
