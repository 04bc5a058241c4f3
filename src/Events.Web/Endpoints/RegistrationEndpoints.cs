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
            async (int eventId, HttpContext http, EventEditor events, AttendeeList attendees, PersonalData personal, Events.Infrastructure.Access.EventRights rights, TimeProvider clock, CancellationToken ct) =>
            {
                var ev = await events.LoadAsync(eventId, ct);
                if (ev is null) return Results.NotFound();
                // Phone numbers in full only for those with the personal-data right, and every such export is logged (PIPL).
                var actor = EventAccess.Actor(http.User);
                var full = await rights.MaySeePersonalDataAsync(actor, eventId, ct);
                var rows = await attendees.ActiveAsync(eventId, full, ct);
                var name = AttendeeWorkbook.FileName(ev.Slug, clock.GetUtcNow());
                if (full) await personal.LogExportAsync(actor, eventId, name, rows.Count, ct);
                return Results.File(AttendeeWorkbook.Write(rows, ev.TimeZoneId),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
            }).RequireAuthorization(Policies.EventStaff);
        return app;
    }
}
