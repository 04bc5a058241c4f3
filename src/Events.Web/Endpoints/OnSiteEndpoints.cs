using System.Globalization;
using Events.Core.Attendees;
using Events.Core.OnSite;
using Events.Core.Security;
using Events.Infrastructure.Data;
using Events.Infrastructure.Exports;
using Events.Infrastructure.OnSite;
using Events.Web.Access;
using Events.Web.Components.Documents;
using Events.Web.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Events.Web.Endpoints;

/// <summary>Badges as PDF, the badge QR's landing path, and the check-in page's JSON calls (scan, search, counts) and export.</summary>
public static class OnSiteEndpoints
{
    public static string CheckInPage(int eventId) => $"/manage/events/{eventId}/checkin";
    public static string BadgesPage(int eventId) => $"/manage/events/{eventId}/badges";
    public static string BadgesPdf(int eventId) => $"/manage/events/{eventId}/badges.pdf";
    public static string BadgePdf(int eventId, int registrationId) => $"/manage/events/{eventId}/registrations/{registrationId}/badge.pdf";
    public static string CheckInExport(int eventId) => $"/manage/events/{eventId}/checkins.xlsx";
    public static string SignInSheet(int eventId) => $"/manage/events/{eventId}/signin-sheet.pdf";

    public sealed record ScanRequest(string? Code, string? ClientScanId, string? Method, int? RegistrationId, int? SessionId);

    public static IEndpointRouteBuilder MapOnSiteEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/manage/events/{eventId:int}/badges.pdf",
            async (int eventId, string? band, string? state, string? paper, HttpContext http, BadgeService badges, DocumentPdf pdf, CancellationToken ct) =>
            {
                var filter = new BadgeFilter(Enum.TryParse<BadgeBand>(band, out var b) ? b : null,
                    state == "all" ? null : Enum.TryParse<RegistrationState>(state, out var s) ? s : RegistrationState.Active);
                var sheet = await badges.SheetAsync(EventAccess.Actor(http.User), eventId, filter, Paper(paper), ct);
                // Nobody matches the filter: nothing to print.
                if (sheet is null || sheet.Badges.Count == 0) return Results.NotFound();
                return Results.File(await BadgePdfAsync(pdf, sheet, ct), "application/pdf", $"badges-{eventId}.pdf");
            }).RequireAuthorization(Policies.EventStaff);

        app.MapGet("/manage/events/{eventId:int}/registrations/{registrationId:int}/badge.pdf",
            async (int eventId, int registrationId, string? paper, HttpContext http, BadgeService badges, DocumentPdf pdf, CancellationToken ct) =>
            {
                var sheet = await badges.OneAsync(EventAccess.Actor(http.User), eventId, registrationId, Paper(paper), ct);
                if (sheet is null || sheet.Badges.Count == 0) return Results.NotFound();
                return Results.File(await BadgePdfAsync(pdf, sheet, ct), "application/pdf", $"badge-{registrationId}-{sheet.Badges[0].Version}.pdf");
            }).RequireAuthorization(Policies.EventStaff);

        // What a phone's camera app opens: staff land on the check-in page with the code; the page's rules decide the rest.
        app.MapGet("/b/{token}", async (string token, ISignedCodes codes, Microsoft.EntityFrameworkCore.IDbContextFactory<EventsDbContext> factory, CancellationToken ct) =>
        {
            if (codes.Parse(token) is not { IsShortCode: false } claim) return Results.NotFound();
            await using var db = await factory.CreateDbContextAsync(ct);
            var reg = await db.Registrations.AsNoTracking().Where(r => r.Id == claim.SubjectId).Select(r => new { r.EventId, r.BadgeVersion }).FirstOrDefaultAsync(ct);
            if (reg is null || codes.Check(SignedCodePurposes.Badge, claim.SubjectId, reg.BadgeVersion, token) == SignedCodeCheck.Invalid) return Results.NotFound();
            return Results.Redirect($"{CheckInPage(reg.EventId)}?code={Uri.EscapeDataString(token)}");
        }).AllowAnonymous();

        app.MapPost("/manage/events/{eventId:int}/checkin/scan",
            async (int eventId, ScanRequest request, HttpContext http, IAntiforgery antiforgery, CheckInService checkIns, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
                var actor = EventAccess.Actor(http.User);
                var session = request.SessionId ?? CheckIn.Entrance;
                CheckInResult result;
                if (request.RegistrationId is { } id)
                {
                    result = await checkIns.CheckInAsync(actor, eventId, id, request.ClientScanId, session, ct);
                }
                else
                {
                    var method = Enum.TryParse<CheckInMethod>(request.Method, true, out var m) ? m : CheckInMethod.Scanner;
                    result = await checkIns.ScanAsync(actor, eventId, request.Code ?? "", request.ClientScanId, method, session, ct);
                }
                return Results.Json(Answer(result, l));
            }).RequireAuthorization(Policies.EventStaff);

        app.MapGet("/manage/events/{eventId:int}/checkin/search",
            async (int eventId, string? q, int? session, HttpContext http, CheckInService checkIns, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var hits = await checkIns.SearchAsync(EventAccess.Actor(http.User), eventId, q, session ?? CheckIn.Entrance, ct);
                return Results.Json(hits.Select(h => new
                {
                    person = Person(h.Person, l),
                    checkedInAt = h.CheckedInAt?.ToString("HH:mm", CultureInfo.InvariantCulture),
                }));
            }).RequireAuthorization(Policies.EventStaff);

        app.MapGet("/manage/events/{eventId:int}/checkin/counts",
            async (int eventId, int? session, HttpContext http, CheckInService checkIns, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var counts = await checkIns.CountsAsync(EventAccess.Actor(http.User), eventId, session ?? CheckIn.Entrance, ct);
                return Results.Json(counts.Select(c => new { band = c.Band.ToString(), label = l[$"BadgeBand.{c.Band}"].Value, c.CheckedIn, c.Registered }));
            }).RequireAuthorization(Policies.EventStaff);

        app.MapGet("/manage/events/{eventId:int}/signin-sheet.pdf",
            async (int eventId, Infrastructure.Events.EventEditor events, Infrastructure.Attendees.AttendeeList attendees, DocumentPdf pdf, CancellationToken ct) =>
            {
                var ev = await events.LoadAsync(eventId, ct);
                if (ev is null) return Results.NotFound();
                var rows = await attendees.ActiveAsync(eventId, fullPersonalData: false, ct);
                var bytes = await pdf.RenderAsync<SignInSheetDocument>(new Dictionary<string, object?>
                {
                    [nameof(SignInSheetDocument.EventTitle)] = ev.Title, [nameof(SignInSheetDocument.Attendees)] = rows,
                }, ct: ct);
                return Results.File(bytes, "application/pdf", $"signin-sheet-{eventId}.pdf");
            }).RequireAuthorization(Policies.EventStaff);

        app.MapGet("/manage/events/{eventId:int}/checkins.xlsx",
            async (int eventId, HttpContext http, CheckInService checkIns, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var rows = await checkIns.ExportRowsAsync(EventAccess.Actor(http.User), eventId, ct);
                string[] headers = [l["Registration.Name"], l["Registration.Organization"], l["Registration.Title"], l["BadgeBandLabel"], l["CheckIn.At"], l["CheckIn.By"], l["CheckIn.Place"]];
                var bytes = SheetWorkbook.Write(l["CheckIns"], headers, [14, 28, 20, 12, 18, 14, 12], rows.Select(r => (IReadOnlyList<string>)
                [
                    r.Person.Name, r.Person.Organization, r.Person.Title, l[$"BadgeBand.{r.Person.Band}"],
                    r.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), r.ByName,
                    r.SessionId == CheckIn.Entrance ? l["CheckIn.Entrance"] : r.SessionId.ToString(CultureInfo.InvariantCulture),
                ]));
                return Results.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"checkins-{eventId}.xlsx");
            }).RequireAuthorization(Policies.EventStaff);
        return app;
    }

    public static BadgePaper Paper(string? paper) => string.Equals(paper, "stock", StringComparison.OrdinalIgnoreCase) ? BadgePaper.Stock90x120 : BadgePaper.A4;

    public static async Task<byte[]> BadgePdfAsync(DocumentPdf pdf, BadgeSheet sheet, CancellationToken ct) =>
        await pdf.RenderAsync<BadgeDocument>(new Dictionary<string, object?> { [nameof(BadgeDocument.Sheet)] = sheet }, ct: ct);

    private static object Person(CheckInPerson p, IStringLocalizer<SharedResource> l) => new
    {
        p.RegistrationId, p.Name, p.Organization, p.Title, band = p.Band.ToString(), bandLabel = l[$"BadgeBand.{p.Band}"].Value,
        phone = p.MaskedPhone, state = l[$"RegistrationState.{p.State}"].Value,
    };

    /// <summary>The scan's answer with its sentence in the staff member's language: "已签到 09:12（张三）".</summary>
    public static object Answer(CheckInResult result, IStringLocalizer<SharedResource> l)
    {
        var at = result.At?.ToString("HH:mm", CultureInfo.InvariantCulture);
        var message = result.Outcome switch
        {
            CheckInOutcome.CheckedIn => string.Format(CultureInfo.CurrentCulture, l["CheckIn.Done"], at),
            CheckInOutcome.AlreadyCheckedIn => string.Format(CultureInfo.CurrentCulture, l["CheckIn.Already"], at, result.ByName),
            CheckInOutcome.Superseded => l["CheckIn.Superseded"].Value,
            CheckInOutcome.Cancelled => l["CheckIn.Cancelled"].Value,
            _ => l["CheckIn.Invalid"].Value,
        };
        return new { outcome = result.Outcome.ToString(), message, person = result.Person is { } p ? Person(p, l) : null, at, by = result.ByName };
    }
}
