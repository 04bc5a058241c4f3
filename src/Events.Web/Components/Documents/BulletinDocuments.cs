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
public sealed class BulletinDocuments(BulletinService bulletins, DocumentHtml html, PdfRenderer renderer, FileStore files)
{
    public const string Folder = "bulletins";

    public async Task<string?> HtmlAsync(int id, CancellationToken ct = default) =>
        await bulletins.ViewAsync(id, ct) is { } view ? await RenderHtmlAsync(view) : null;

    /// <summary>The preview HTML, whose masthead style carries <paramref name="styleNonce"/> for the response's policy.</summary>
    public async Task<string?> PreviewHtmlAsync(int id, string styleNonce, CancellationToken ct = default) =>
        await bulletins.ViewAsync(id, ct) is { } view
            ? await html.RenderAsync<BulletinDocument>(new Dictionary<string, object?> { [nameof(BulletinDocument.View)] = view, [nameof(BulletinDocument.StyleNonce)] = styleNonce })
            : null;

    /// <summary>Prints the issue as it stands now, whatever its status (preview and tests).</summary>
    public async Task<byte[]?> PdfAsync(int id, CancellationToken ct = default) =>
        await bulletins.ViewAsync(id, ct) is { } view ? await renderer.RenderAsync(await RenderHtmlAsync(view), ct: ct) : null;

    public Task<string> RenderHtmlAsync(BulletinView view) =>
        html.RenderAsync<BulletinDocument>(new Dictionary<string, object?> { [nameof(BulletinDocument.View)] = view });

    /// <summary>The stored PDF of a published issue, printed and stored on first use; null for an unknown or unpublished issue.</summary>
    public async Task<PublishedBulletinPdf?> PublishedPdfAsync(int id, CancellationToken ct = default)
    {
        if (await bulletins.PublishedFileAsync(id, ct) is not { } published) return null;
        var view = await bulletins.ViewAsync(id, ct);
        if (view is null) return null;
        var name = FileName(view);
        if (published.PdfFile is { } stored && await ReadAsync(stored, ct) is { } kept) return new(kept, published.PublishedAt, name);

        var pdf = await renderer.RenderAsync(await RenderHtmlAsync(view), ct: ct);
        var storedName = await files.SaveAsync(Folder, ".pdf", new MemoryStream(pdf), ct);
        if (!await bulletins.SetPdfFileAsync(id, storedName, ct))
        {
            // Another request stored its copy first; keep one file per issue.
            files.Delete(Folder, storedName);
            if (await bulletins.PublishedFileAsync(id, ct) is { PdfFile: { } theirs } && await ReadAsync(theirs, ct) is { } other) return new(other, published.PublishedAt, name);
        }
        return new(pdf, published.PublishedAt, name);
    }

    /// <summary>浦江创新观察-2024-13.pdf: the series and the numbers.</summary>
    public static string FileName(BulletinView view)
    {
        var number = view.YearlyNumber ?? view.CumulativeNumber ?? view.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
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
