using Events.Infrastructure.Attendees;
using Events.Infrastructure.Events;
using Events.Web.Access;

namespace Events.Web.Endpoints;

public static class FeeEndpoints
{
    /// <summary>The fee list in the fee platform's shape (see <see cref="FeeWorkbook"/>), for the event's staff and administrators.</summary>
    public static IEndpointRouteBuilder MapFeeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/manage/events/{eventId:int}/fees.xlsx", async (int eventId, EventEditor events, FeeService fees, CancellationToken ct) =>
        {
            var ev = await events.LoadAsync(eventId, ct);
            if (ev is null) return Results.NotFound();
            return Results.File(FeeWorkbook.Write(ev.Title, await fees.AllAsync(eventId, ct)),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FeeWorkbook.FileName(ev.Slug));
        }).RequireAuthorization(Policies.EventStaff);
        return app;
    }
}
