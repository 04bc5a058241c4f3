using Events.Core.Bulletins;
using Events.Infrastructure.Bulletins;
using Events.Infrastructure.Files;
using Events.Infrastructure.Pdf;

namespace Events.Web.Components.Documents;

/// <summary>A published issue's PDF and when it was published (for Last-Modified and the ETag).</summary>
public sealed record PublishedBulletinPdf(byte[] Content, DateTimeOffset PublishedAt, string FileName);

/// <summary>
/// A bulletin issue as HTML (the preview) and PDF, both from <see cref="BulletinDocument"/>. A published issue never
/// changes, so its PDF is printed once, kept in the file store and served from there afterwards.
/// </summary>
public sealed class BulletinDocuments(BulletinService bulletins, DocumentHtml html, PdfRenderer renderer, FileStore files, BulletinDocx docx, BulletinFontService fonts)
{
    public const string Folder = "bulletins";

    public async Task<string?> HtmlAsync(int id, CancellationToken ct = default) =>
        await bulletins.ViewAsync(id, ct) is { } view ? await RenderHtmlAsync(view, 0, ct) : null;

    /// <summary>The preview HTML, whose masthead style carries <paramref name="styleNonce"/> for the response's policy.</summary>
    public async Task<string?> PreviewHtmlAsync(int id, string styleNonce, CancellationToken ct = default) =>
        await bulletins.ViewAsync(id, ct) is { } view
            ? await html.RenderAsync<BulletinDocument>(new Dictionary<string, object?> { [nameof(BulletinDocument.View)] = view, [nameof(BulletinDocument.StyleNonce)] = styleNonce })
            : null;

    /// <summary>Prints the issue as it stands now, whatever its status (preview and tests).</summary>
    public async Task<byte[]?> PdfAsync(int id, CancellationToken ct = default) =>
        await bulletins.ViewAsync(id, ct) is { } view ? await PrintAsync(view, ct) : null;

    /// <summary>The HTML the printer reads, with the series' uploaded fonts declared from their files on disk (never sent to a browser).</summary>
    public async Task<string> RenderHtmlAsync(BulletinView view, decimal footerPushPt = 0, CancellationToken ct = default)
    {
        var faces = view.UploadedFamilies.Count == 0 ? null : await fonts.FacesAsync(view.SeriesId, ct);
        return await html.RenderAsync<BulletinDocument>(new Dictionary<string, object?>
        {
            [nameof(BulletinDocument.View)] = view,
            [nameof(BulletinDocument.FooterPushPt)] = footerPushPt,
            [nameof(BulletinDocument.UploadedFaces)] = faces is { Count: > 0 } ? faces : null,
        });
    }

    // Bookmarks from the headings, and a tagged PDF (with the document's language from its lang attribute), which they need.
    private static readonly PdfRenderOptions Structured = new() { Outline = true };

    /// <summary>
    /// Prints an issue. A series whose footer block sits at the foot of the last page is printed twice: the first print
    /// shows how much room is left under the block, the second pushes it down by that much (unless that would add a page).
    /// </summary>
    public async Task<byte[]> PrintAsync(BulletinView view, CancellationToken ct = default)
    {
        var pdf = await renderer.RenderAsync(await RenderHtmlAsync(view, 0, ct), Structured, ct);
        if (view.Style.FooterPlacement != FooterPlacement.FootOfLastPage) return pdf;
        var room = RoomUnderLastBlock(pdf, view.Style);
        if (room <= 0) return pdf;
        var pushed = await renderer.RenderAsync(await RenderHtmlAsync(view, room, ct), Structured, ct);
        return PageCount(pushed) == PageCount(pdf) ? pushed : pdf;
    }

    /// <summary>Points between the lowest text of the last page and its bottom margin, less a line's leading to spare.</summary>
    public static decimal RoomUnderLastBlock(byte[] pdf, BulletinHouseStyle style)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var page = document.GetPage(document.NumberOfPages);
        var margin = (double)(style.MarginBottomMm / BulletinHouseStyle.MmPerPt);
        var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value) && l.BoundingBox.Bottom > margin + 1).ToList();
        if (letters.Count == 0) return 0;
        var lowest = letters.Min(l => l.BoundingBox.Bottom);
        var spare = (double)(style.LinePitchPt - style.BodySizePt) / 2 + 6;
        return (decimal)Math.Floor(lowest - margin - spare);
    }

    private static int PageCount(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    /// <summary>The stored PDF of a published issue, printed and stored on first use; null for an unknown or unpublished issue.</summary>
    public async Task<PublishedBulletinPdf?> PublishedPdfAsync(int id, CancellationToken ct = default)
    {
        if (await bulletins.PublishedFileAsync(id, ct) is not { } published) return null;
        var view = await bulletins.ViewAsync(id, ct);
        if (view is null) return null;
        var name = FileName(view);
        if (published.PdfFile is { } stored && await ReadAsync(stored, ct) is { } kept) return new(kept, published.PublishedAt, name);

        var pdf = await PrintAsync(view, ct);
        var storedName = await files.SaveAsync(Folder, ".pdf", new MemoryStream(pdf), ct);
        if (!await bulletins.SetPdfFileAsync(id, storedName, ct))
        {
            // Another request stored its copy first; keep one file per issue.
            files.Delete(Folder, storedName);
            if (await bulletins.PublishedFileAsync(id, ct) is { PdfFile: { } theirs } && await ReadAsync(theirs, ct) is { } other) return new(other, published.PublishedAt, name);
        }
        return new(pdf, published.PublishedAt, name);
    }

    /// <summary>The issue as it stands now as a Word file, whatever its status (the editors' preview), with its file name.</summary>
    public async Task<(byte[] Content, string FileName)?> DocxAsync(int id, CancellationToken ct = default) =>
        await bulletins.ViewAsync(id, ct) is { } view ? (docx.Write(view), BulletinDocx.FileName(view)) : null;

    /// <summary>A published issue as a Word file; null for an unknown or unpublished issue. Written on each request (it takes milliseconds).</summary>
    public async Task<PublishedBulletinPdf?> PublishedDocxAsync(int id, CancellationToken ct = default)
    {
        if (await bulletins.PublishedFileAsync(id, ct) is not { } published) return null;
        if (await bulletins.ViewAsync(id, ct) is not { } view) return null;
        return new(docx.Write(view), published.PublishedAt, BulletinDocx.FileName(view));
    }

    /// <summary>浦江创新观察-2024-13.pdf: the series and the numbers.</summary>
    public static string FileName(BulletinView view)
    {
        var number = (view.NumberLines.Count > 0 ? view.NumberLines[0] : null) ?? view.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var name = $"{view.SeriesName}-{number}";
        return string.Concat(name.Where(c => !Path.GetInvalidFileNameChars().Contains(c) && c != '"')) + ".pdf";
    }

    private async Task<byte[]?> ReadAsync(string stored, CancellationToken ct)
    {
        await using var stream = files.OpenRead(Folder, stored);
        if (stream is null) return null;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct);
        return copy.ToArray();
    }
}
