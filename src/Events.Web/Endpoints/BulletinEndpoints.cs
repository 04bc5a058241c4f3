using System.Globalization;
using Events.Web.Access;
using Events.Web.Components.Documents;
using Microsoft.Net.Http.Headers;

namespace Events.Web.Endpoints;

public static class BulletinEndpoints
{
    // The preview is our own HTML with user text in it: no scripts, nothing from elsewhere, only our fonts and styles
    // and the one style element (the series' masthead colour) that carries this response's nonce. Framed by the editor.
    private static string PreviewPolicy(string nonce) =>
        $"default-src 'none'; style-src 'self' 'nonce-{nonce}'; font-src 'self'; img-src 'self' data:; base-uri 'self'; form-action 'none'; frame-ancestors 'self'";

    /// <summary>
    /// The public PDF of a published issue (404 for anything else), cacheable because it never changes, and the
    /// organizers' preview of any issue as HTML and PDF.
    /// </summary>
    public static IEndpointRouteBuilder MapBulletinEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/bulletins/{id:int}.pdf", DownloadMethods.GetOrHead, async (int id, BulletinDocuments documents, HttpContext http, CancellationToken ct) =>
        {
            var pdf = await documents.PublishedPdfAsync(id, ct);
            if (pdf is null) return Results.NotFound();
            var tag = new EntityTagHeaderValue(string.Create(CultureInfo.InvariantCulture, $"\"bulletin-{id}-{pdf.PublishedAt.UtcTicks}\""));
            http.Response.Headers.CacheControl = "public, max-age=3600";
            http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileNameStar = pdf.FileName }.ToString();
            return Results.File(pdf.Content, "application/pdf", lastModified: pdf.PublishedAt, entityTag: tag);
        }).AllowAnonymous();

        // The same issue as a Word file, under the same rule: published issues only, for anyone.
        app.MapMethods("/bulletins/{id:int}.docx", DownloadMethods.GetOrHead, async (int id, BulletinDocuments documents, HttpContext http, CancellationToken ct) =>
        {
            var docx = await documents.PublishedDocxAsync(id, ct);
            if (docx is null) return Results.NotFound();
            var tag = new EntityTagHeaderValue(string.Create(CultureInfo.InvariantCulture, $"\"bulletin-docx-{id}-{docx.PublishedAt.UtcTicks}\""));
            http.Response.Headers.CacheControl = "public, max-age=3600";
            http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = docx.FileName }.ToString();
            return Results.File(docx.Content, BulletinDocx.ContentType, lastModified: docx.PublishedAt, entityTag: tag);
        }).AllowAnonymous();

        var manage = app.MapGroup("/manage/bulletins/issues/{bulletinId:int}").RequireAuthorization(Policies.BulletinEditor);
        manage.MapGet("/preview.html", async (int bulletinId, BulletinDocuments documents, HttpContext http, CancellationToken ct) =>
        {
            var nonce = Hosting.CspNonce.Of(http);
            var html = await documents.PreviewHtmlAsync(bulletinId, nonce, ct);
            if (html is null) return Results.NotFound();
            http.Response.Headers.ContentSecurityPolicy = PreviewPolicy(nonce);
            http.Response.Headers.CacheControl = "no-store";
            return Results.Content(html, "text/html; charset=utf-8");
        });
        manage.MapGet("/preview.pdf", async (int bulletinId, BulletinDocuments documents, HttpContext http, CancellationToken ct) =>
        {
            var pdf = await documents.PdfAsync(bulletinId, ct);
            if (pdf is null) return Results.NotFound();
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(pdf, "application/pdf");
        });
        manage.MapGet("/preview.docx", async (int bulletinId, BulletinDocuments documents, HttpContext http, CancellationToken ct) =>
        {
            if (await documents.DocxAsync(bulletinId, ct) is not { } docx) return Results.NotFound();
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(docx.Content, BulletinDocx.ContentType, docx.FileName);
        });
        return app;
    }
}
