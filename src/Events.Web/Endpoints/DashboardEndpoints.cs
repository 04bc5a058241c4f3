using Events.Infrastructure.Attendees;
using Events.Infrastructure.Events;
using Events.Web.Access;

namespace Events.Web.Endpoints;

public static class DashboardEndpoints
{
    /// <summary>
    /// Each table of the organizer dashboard as Excel (<c>categories</c>, <c>arrivals</c>, <c>departures</c>,
    /// <c>roomnights</c>, <c>diets</c>); for the event's staff and administrators only.
    /// </summary>
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/manage/events/{eventId:int}/dashboard/{table}.xlsx",
            async (int eventId, string table, EventEditor events, RegistrationDashboardService dashboards, CancellationToken ct) =>
            {
                if (!Enum.TryParse<DashboardTable>(table, ignoreCase: true, out var which) || !Enum.IsDefined(which) || int.TryParse(table, out _))
                {
                    return Results.NotFound();
                }
                var ev = await events.LoadAsync(eventId, ct);
                var model = ev is null ? null : await dashboards.LoadAsync(eventId, ct);
                if (ev is null || model is null) return Results.NotFound();
                return Results.File(DashboardWorkbook.Write(model, which),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", DashboardWorkbook.FileName(ev.Slug, which));
            }).RequireAuthorization(Policies.EventStaff);
        return app;
    }
}
