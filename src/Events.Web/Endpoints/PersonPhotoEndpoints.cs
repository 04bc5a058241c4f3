using Events.Infrastructure.Files;
using Events.Infrastructure.People;

namespace Events.Web.Endpoints;

public static class PersonPhotoEndpoints
{
    /// <summary>Speakers' photos are public, like their names and titles on a published program.</summary>
    public static IEndpointRouteBuilder MapPersonPhotoEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/people/{id:int}/photo", async (int id, PersonService people, FileStore files, CancellationToken ct) =>
        {
            var person = await people.GetAsync(id, ct);
            if (person?.PhotoFile is not { } name) return Results.NotFound();
            var stream = files.OpenRead(PersonService.PhotoFolder, name);
            return stream is null
                ? Results.NotFound()
                : Results.Stream(stream, ImageValidator.ContentTypeOf(name), enableRangeProcessing: true);
        }).AllowAnonymous();
        return app;
    }
}
