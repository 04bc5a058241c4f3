using Events.Infrastructure.Attendees;
using Events.Infrastructure.Events;
using Events.Web.Access;

namespace Events.Web.Endpoints;

public static class RegistrationEndpoints
{
    /// <summary>The attendee list of an event as an Excel file, for its staff and administrators only.</summary>
    public static IEndpointRouteBuilder MapRegistrationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/manage/events/{eventId:int}/registrations.xlsx",
            async (int eventId, EventEditor events, AttendeeList attendees, TimeProvider clock, CancellationToken ct) =>
            {
                var ev = await events.LoadAsync(eventId, ct);
                if (ev is null) return Results.NotFound();
                var rows = await attendees.ActiveAsync(eventId, ct);
                return Results.File(AttendeeWorkbook.Write(rows, ev.TimeZoneId),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", AttendeeWorkbook.FileName(ev.Slug, clock.GetUtcNow()));
            }).RequireAuthorization(Policies.EventStaff);
        return app;
    }
}
