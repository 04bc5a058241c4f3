using Events.Infrastructure.Files;
using Events.Infrastructure.Proceedings;
using Events.Web.Access;
using Events.Web.Components.Pages.Proceedings;
using Microsoft.Net.Http.Headers;

namespace Events.Web.Endpoints;

public static class ProceedingsEndpoints
{
    /// <summary>
    /// The published volume and its papers as files, under the volume's access rule (public, or attendees and organizers),
    /// and any finished build for the event's organizers. Unknown, unpublished or unbuilt is a 404 for everyone.
    /// Files support range requests (viewers fetch large PDFs in parts) and revalidate by ETag (the file's SHA-256).
    /// </summary>
    public static IEndpointRouteBuilder MapProceedingsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/events/{slug}/proceedings.pdf", DownloadMethods.GetOrHead, async (string slug, HttpContext http, ProceedingsDownloads downloads, ProceedingsAccessRule rule, FileStore files, CancellationToken ct) =>
        {
            var found = await downloads.VolumeFileAsync(slug, ct);
            if (found is not { } volume) return Results.NotFound();
            return await ServeAsync(http, rule, files, volume.EventId, volume.Access, volume.File, ct);
        }).AllowAnonymous();

        app.MapMethods("/events/{slug}/papers/{submissionId:int}.pdf", DownloadMethods.GetOrHead, async (string slug, int submissionId, HttpContext http, ProceedingsDownloads downloads, ProceedingsAccessRule rule, FileStore files, CancellationToken ct) =>
        {
            var found = await downloads.PaperFileAsync(slug, submissionId, ct);
            if (found is not { } paper) return Results.NotFound();
            return await ServeAsync(http, rule, files, paper.EventId, paper.Access, paper.File, ct);
        }).AllowAnonymous();

        app.MapGet("/manage/events/{eventId:int}/proceedings/builds/{buildId:int}.pdf", async (int eventId, int buildId, ProceedingsService volumes, FileStore files, CancellationToken ct) =>
        {
            var file = await volumes.BuildFileAsync(eventId, buildId, ct);
            return file is null ? Results.NotFound() : Serve(files, file, restricted: true);
        }).RequireAuthorization(Policies.EventStaff);
        return app;
    }

    private static async Task<IResult> ServeAsync(HttpContext http, ProceedingsAccessRule rule, FileStore files, int eventId, Core.Proceedings.ProceedingsAccess mode, DownloadFile file, CancellationToken ct)
    {
        switch (await rule.DecideAsync(http.User, eventId, mode, ct))
        {
            case DownloadAccess.SignInRequired:
                return Results.Challenge();
            case DownloadAccess.Forbidden:
                return Results.Forbid();
        }
        return Serve(files, file, restricted: mode != Core.Proceedings.ProceedingsAccess.Public);
    }

    private static IResult Serve(FileStore files, DownloadFile file, bool restricted)
    {
        var stream = files.OpenRead(file.Folder, file.StoredName);
        if (stream is null) return Results.NotFound();
        return new CachedFile(Results.File(stream, "application/pdf", file.FileName, file.LastModified,
            new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true), restricted);
    }

    /// <summary>
    /// Lets caches keep the file but revalidate it on each use (a new build may be published under the same URL; the ETag
    /// answers 304 when nothing changed). Attendees-only files stay out of shared caches.
    /// </summary>
    private sealed class CachedFile(IResult inner, bool restricted) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = restricted ? "private, no-cache" : "public, no-cache";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
