using Events.Infrastructure.Booklets;
using Events.Web.Access;

namespace Events.Web.Endpoints;

/// <summary>A finished booklet build's PDF, for the event's staff (the service checks the rights).</summary>
public static class BookletEndpoints
{
    public static string Page(int eventId) => $"/manage/events/{eventId}/booklet";
    public static string Build(int eventId, int buildId) => $"/manage/events/{eventId}/booklet/builds/{buildId}";

    public static IEndpointRouteBuilder MapBookletEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/manage/events/{eventId:int}/booklet/builds/{buildId:int}",
            async (int eventId, int buildId, HttpContext http, BookletService booklets, CancellationToken ct) =>
            {
                if (await booklets.OpenAsync(EventAccess.Actor(http.User), eventId, buildId, ct) is not { } file) return Results.NotFound();
                return Results.File(file.Content, "application/pdf", file.FileName);
            }).RequireAuthorization(Policies.EventStaff);
        return app;
    }
}
