using Events.Core.Attendees.Delegates;
using Events.Infrastructure.Attendees;
using Events.Infrastructure.Events;
using Events.Web.Access;
using Events.Web.Components.Documents;

namespace Events.Web.Endpoints;

public static class DelegateEndpoints
{
    /// <summary>
    /// The delegate list as Excel and as PDF, in the order (<c>?order=Pinyin|Stroke|Protocol</c>, default stroke) and
    /// grouping (<c>?grouped=true</c>) the staff page shows; for the event's staff and administrators only.
    /// </summary>
    public static IEndpointRouteBuilder MapDelegateEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/manage/events/{eventId:int}/delegates.xlsx",
            async (int eventId, string? order, bool? grouped, EventEditor events, DelegateListService delegates, CancellationToken ct) =>
            {
                var ev = await events.LoadAsync(eventId, ct);
                if (ev is null) return Results.NotFound();
                var lines = await delegates.OrderedAsync(eventId, Order(order), grouped ?? false, ct);
                return Results.File(DelegateWorkbook.Write(lines),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", DelegateWorkbook.FileName(ev.Slug, "xlsx"));
            }).RequireAuthorization(Policies.EventStaff);

        app.MapGet("/manage/events/{eventId:int}/delegates.pdf",
            async (int eventId, string? order, bool? grouped, EventEditor events, DelegateListService delegates, DocumentPdf pdf, HttpContext http, CancellationToken ct) =>
            {
                var ev = await events.LoadAsync(eventId, ct);
                var model = ev is null ? null : await delegates.DocumentAsync(eventId, Order(order), grouped ?? false, ct);
                if (ev is null || model is null) return Results.NotFound();
                var bytes = await pdf.RenderAsync<DelegateListDocument>(new Dictionary<string, object?> { [nameof(DelegateListDocument.Model)] = model }, ct: ct);
                http.Response.Headers.CacheControl = "no-store";
                return Results.File(bytes, "application/pdf", DelegateWorkbook.FileName(ev.Slug, "pdf"));
            }).RequireAuthorization(Policies.EventStaff);
        return app;
    }

    private static DelegateOrder Order(string? value) =>
        Enum.TryParse<DelegateOrder>(value, ignoreCase: true, out var order) && Enum.IsDefined(order) ? order : DelegateOrder.Stroke;
}
