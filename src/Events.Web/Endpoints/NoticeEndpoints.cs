using Events.Core.Attendees.Notices;
using Events.Infrastructure.Events;
using Events.Infrastructure.Notices;
using Events.Web.Access;

namespace Events.Web.Endpoints;

public static class NoticeEndpoints
{
    /// <summary>
    /// A notice's PDF: public once released (<c>/events/{slug}/notices/{id}.pdf</c>), and the preview of any notice,
    /// draft or released, for the event's staff.
    /// </summary>
    public static IEndpointRouteBuilder MapNoticeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/events/{slug}/notices/{noticeId:int}.pdf",
            async (string slug, int noticeId, NoticeService notices, INoticePrinter pdf, CancellationToken ct) =>
            {
                var view = await notices.ViewAsync(noticeId, includeDraft: false, ct);
                if (view is null || view.EventSlug != slug) return Results.NotFound();
                return Results.File(await Render(pdf, view, ct), "application/pdf", FileName(view));
            });

        app.MapGet("/manage/events/{eventId:int}/notices/{noticeId:int}/preview.pdf",
            async (int eventId, int noticeId, NoticeService notices, INoticePrinter pdf, HttpContext http, CancellationToken ct) =>
            {
                var view = await notices.ViewAsync(noticeId, includeDraft: true, ct);
                if (view is null || view.EventId != eventId) return Results.NotFound();
                http.Response.Headers.CacheControl = "no-store";
                return Results.File(await Render(pdf, view, ct), "application/pdf", FileName(view));
            }).RequireAuthorization(Policies.EventStaff);
        return app;
    }

    private static Task<byte[]> Render(INoticePrinter pdf, NoticeView view, CancellationToken ct) => pdf.PrintAsync(view, ct);

    private static string FileName(NoticeView view) => NoticeService.PdfFileName(view.EventSlug, view.Number);
}
