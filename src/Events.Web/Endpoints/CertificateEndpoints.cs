using Events.Infrastructure.Certificates;
using Events.Web.Access;

namespace Events.Web.Endpoints;

/// <summary>One certificate as PDF and a finished bulk build's file, for the event's staff. Verification is the page /verify.</summary>
public static class CertificateEndpoints
{
    public static string Page(int eventId) => $"/manage/events/{eventId}/certificates";
    public static string TemplatesPage(int eventId) => $"/manage/events/{eventId}/certificates/templates";
    public static string Pdf(int eventId, int certificateId) => $"/manage/events/{eventId}/certificates/{certificateId}.pdf";
    public static string Build(int eventId, int buildId) => $"/manage/events/{eventId}/certificates/builds/{buildId}";

    public static IEndpointRouteBuilder MapCertificateEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/manage/events/{eventId:int}/certificates/{certificateId:int}.pdf",
            async (int eventId, int certificateId, HttpContext http, CertificateService certificates, ICertificatePrinter printer, CancellationToken ct) =>
            {
                var prints = await certificates.PrintsAsync(EventAccess.Actor(http.User), eventId, [certificateId], ct);
                // Revoked, another event's, or the recipient is no longer real: nothing to print.
                if (prints.Count == 0) return Results.NotFound();
                return Results.File(await printer.PrintAsync(prints, ct), "application/pdf", prints[0].FileName);
            }).RequireAuthorization(Policies.EventStaff);

        app.MapGet("/manage/events/{eventId:int}/certificates/builds/{buildId:int}",
            async (int eventId, int buildId, HttpContext http, CertificateBuilds builds, CancellationToken ct) =>
            {
                if (await builds.OpenAsync(EventAccess.Actor(http.User), eventId, buildId, ct) is not { } file) return Results.NotFound();
                return Results.File(file.Content, file.ContentType, file.FileName);
            }).RequireAuthorization(Policies.EventStaff);
        return app;
    }
}
