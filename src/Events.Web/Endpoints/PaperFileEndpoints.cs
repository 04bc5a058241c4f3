using System.Security.Claims;
using Events.Infrastructure.Papers;
using Events.Web.Access;
using Microsoft.Net.Http.Headers;

namespace Events.Web.Endpoints;

public static class PaperFileEndpoints
{
    /// <summary>
    /// A stored version of a paper, for its authors and the staff of its event. Anyone else, signed in, gets the same 404 as for
    /// an unknown id; anonymous users are sent to log in. The file is always an attachment, named by the cleaned uploader's
    /// name (with an ASCII fallback), and never sniffed by the browser.
    /// </summary>
    public static IEndpointRouteBuilder MapPaperFileEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/papers/{id:int}/files/{fileId:int}", async (int id, int fileId, ClaimsPrincipal user, SubmissionService submissions, HttpContext http, CancellationToken ct) =>
        {
            var download = await submissions.OpenFileAsync(id, fileId, EventAccess.UserId(user), EventAccess.IsAdministrator(user), ct);
            if (download is null) return Results.NotFound();
            http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
            return Results.File(download.Content, "application/pdf", download.FileName);
        }).RequireAuthorization();
        return app;
    }
}
