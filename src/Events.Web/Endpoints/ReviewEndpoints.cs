using System.Security.Claims;
using Events.Infrastructure.Reviews;
using Events.Web.Access;

namespace Events.Web.Endpoints;

public static class ReviewEndpoints
{
    /// <summary>
    /// The paper for its reviewer: a rewritten copy without identifying metadata, under a name that says only the number.
    /// The policy admits the assigned, unconflicted reviewer alone; the service checks the same rule again.
    /// </summary>
    public static IEndpointRouteBuilder MapReviewEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reviewing/papers/{submissionId:int}/paper.pdf", async (int submissionId, ClaimsPrincipal user, ReviewService reviews, HttpContext http, CancellationToken ct) =>
        {
            var file = await reviews.PaperFileAsync(submissionId, EventAccess.UserId(user), ct);
            if (file is null) return Results.NotFound();
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(file.Content, "application/pdf", file.FileName);
        }).RequireAuthorization(Policies.PaperReviewer);
        return app;
    }
}
