using System.Globalization;
using Events.Core.Attendees;
using Events.Core.Attendees.Forms;
using Events.Core.OnSite;
using Events.Core.Security;
using Events.Infrastructure.Data;
using Events.Infrastructure.Exports;
using Events.Infrastructure.LiveUpdates;
using Events.Infrastructure.OnSite;
using Events.Web.Access;
using Events.Web.Components.Documents;
using Events.Web.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Events.Web.Endpoints;

/// <summary>One badge as PDF and bulk badge builds' files, the badge QR's landing path, and the check-in page's JSON calls (scan, search, counts) and export.</summary>
public static class OnSiteEndpoints
{
    public static string CheckInPage(int eventId) => $"/manage/events/{eventId}/checkin";
    public static string BadgesPage(int eventId) => $"/manage/events/{eventId}/badges";

    /// <summary>The organizer's choice of the sessions that take check-in.</summary>
    public static string CheckInSessionsPage(int eventId) => $"/manage/events/{eventId}/checkin/sessions";
    public static string BadgeBuild(int eventId, int buildId) => $"/manage/events/{eventId}/badges/builds/{buildId}";
    public static string BadgePdf(int eventId, int registrationId) => $"/manage/events/{eventId}/registrations/{registrationId}/badge.pdf";
    public static string CheckInExport(int eventId) => $"/manage/events/{eventId}/checkins.xlsx";
    public static string SignInSheet(int eventId) => $"/manage/events/{eventId}/signin-sheet.pdf";

    /// <summary>A scan from the check-in page; <see cref="ScannedAt"/> is the device's clock when it scanned (kept offline until sent).</summary>
    public sealed record ScanRequest(string? Code, string? ClientScanId, string? Method, int? RegistrationId, int? SessionId, DateTimeOffset? ScannedAt = null);

    public static IEndpointRouteBuilder MapOnSiteEndpoints(this IEndpointRouteBuilder app)
    {
        // A finished bulk build's PDF (all badges of a category and state are built in the background, BadgeBuilds).
        app.MapGet("/manage/events/{eventId:int}/badges/builds/{buildId:int}",
            async (int eventId, int buildId, HttpContext http, BadgeBuilds builds, CancellationToken ct) =>
            {
                if (await builds.OpenAsync(EventAccess.Actor(http.User), eventId, buildId, ct) is not { } file) return Results.NotFound();
                return Results.File(file.Content, "application/pdf", file.FileName);
            }).RequireAuthorization(Policies.EventStaff);

        app.MapGet("/manage/events/{eventId:int}/registrations/{registrationId:int}/badge.pdf",
            async (int eventId, int registrationId, string? paper, HttpContext http, BadgeService badges, DocumentPdf pdf, CancellationToken ct) =>
            {
                var sheet = await badges.OneAsync(EventAccess.Actor(http.User), eventId, registrationId, Paper(paper), ct);
                if (sheet is null || sheet.Badges.Count == 0) return Results.NotFound();
                sheet = sheet with { English = English };
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
                    result = await checkIns.CheckInAsync(actor, eventId, id, request.ClientScanId, session, request.ScannedAt, ct);
                }
                else
                {
                    var method = Enum.TryParse<CheckInMethod>(request.Method, true, out var m) ? m : CheckInMethod.Scanner;
                    result = await checkIns.ScanAsync(actor, eventId, request.Code ?? "", request.ClientScanId, method, session, request.ScannedAt, ct);
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
                return Results.Json(CountsJson(counts, l));
            }).RequireAuthorization(Policies.EventStaff);

        // The live counts, pushed: a server-sent event "counts" now and after each check-in of the event on any device.
        app.MapGet("/manage/events/{eventId:int}/checkin/stream",
            async (int eventId, int? session, HttpContext http, CheckInService checkIns, ILiveUpdates live, IHostApplicationLifetime lifetime, IStringLocalizer<SharedResource> l) =>
                await CountsStreamAsync(eventId, session ?? CheckIn.Entrance, http, checkIns, live, l, lifetime.ApplicationStopping))
            .RequireAuthorization(Policies.EventStaff);

        app.MapGet("/manage/events/{eventId:int}/signin-sheet.pdf",
            async (int eventId, string? order, bool? grouped, Infrastructure.Events.EventEditor events, Infrastructure.Attendees.DelegateListService delegates, DocumentPdf pdf, CancellationToken ct) =>
            {
                var ev = await events.LoadAsync(eventId, ct);
                if (ev is null) return Results.NotFound();
                // The delegate list's order (姓氏笔画 unless another is asked for, as on the delegate list page), so the paper at
                // the door reads like the printed list.
                var sort = Enum.TryParse<Core.Attendees.Delegates.DelegateOrder>(order, true, out var o) ? o : Core.Attendees.Delegates.DelegateOrder.Stroke;
                var lines = await delegates.OrderedAsync(eventId, sort, grouped ?? false, ct);
                var bytes = await pdf.RenderAsync<SignInSheetDocument>(new Dictionary<string, object?>
                {
                    [nameof(SignInSheetDocument.EventTitle)] = ev.Title, [nameof(SignInSheetDocument.Delegates)] = lines.Select(l => l.Delegate).ToList(),
                }, ct: ct);
                return Results.File(bytes, "application/pdf", $"signin-sheet-{eventId}.pdf");
            }).RequireAuthorization(Policies.EventStaff);

        app.MapGet("/manage/events/{eventId:int}/checkins.xlsx",
            async (int eventId, HttpContext http, CheckInService checkIns, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var rows = await checkIns.ExportRowsAsync(EventAccess.Actor(http.User), eventId, ct);
                string[] headers = [l["Registration.Name"], l["Registration.Organization"], l["Registration.Title"], l["BadgeBandLabel"], l["CheckIn.At"], l["CheckIn.By"], l["CheckIn.Place"]];
                var bytes = SheetWorkbook.Write(l["CheckIns"], headers, [14, 28, 20, 12, 18, 14, 24], rows.Select(r => (IReadOnlyList<string>)
                [
                    r.Person.Name, r.Person.Organization, r.Person.Title, l[$"BadgeBand.{r.Person.Band}"],
                    r.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), r.ByName,
                    r.SessionId == CheckIn.Entrance ? l["CheckIn.Entrance"] : r.SessionTitle ?? r.SessionId.ToString(CultureInfo.InvariantCulture),
                ]));
                return Results.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"checkins-{eventId}.xlsx");
            }).RequireAuthorization(Policies.EventStaff);
        return app;
    }

    public static string CheckInStream(int eventId) => $"/manage/events/{eventId}/checkin/stream";

    /// <summary>How long a quiet stream waits before sending the counts again, so proxies keep it open and a lost push heals.</summary>
    private static readonly TimeSpan StreamRefresh = TimeSpan.FromSeconds(30);

    private sealed record CountJson(string Band, string Label, int CheckedIn, int Registered, string Colour, string TextColour);

    /// <summary>A category's count is keyed "category-{id}" and carries its badge label and colour; the others are the band's.</summary>
    private static List<CountJson> CountsJson(IReadOnlyList<CheckInCount> counts, IStringLocalizer<SharedResource> l) =>
        counts.Select(c => c.Category is { } style
            ? new CountJson($"category-{style.CategoryId}", style.LabelIn(English) ?? "", c.CheckedIn, c.Registered, style.Colour, style.TextColour)
            : new CountJson(c.Band.ToString(), l[$"BadgeBand.{c.Band}"].Value, c.CheckedIn, c.Registered, BadgeStyle.Of(c.Band).Colour, BadgeStyle.Of(c.Band).TextColour)).ToList();

    /// <summary>
    /// Writes the counts as server-sent events: at once, after every check-in of the event (a burst of check-ins sends
    /// one update), and every <see cref="StreamRefresh"/>. A request that does not accept text/event-stream (not an
    /// EventSource) gets the current counts as one event and the end of the stream.
    /// </summary>
    private static async Task CountsStreamAsync(int eventId, int session, HttpContext http, CheckInService checkIns, ILiveUpdates live,
        IStringLocalizer<SharedResource> l, CancellationToken stopping)
    {
        // Ends when the device goes, or when the app stops (an open stream must not hold up the shutdown).
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        var ct = ending.Token;
        var actor = EventAccess.Actor(http.User);
        var changed = System.Threading.Channels.Channel.CreateBounded<int>(new System.Threading.Channels.BoundedChannelOptions(1)
        { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite });
        using var subscription = live.Subscribe(CheckInService.Topic, key =>
        {
            if (key == eventId) changed.Writer.TryWrite(key);
        });
        var counts = await checkIns.CountsAsync(actor, eventId, session, ct);
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
        var streaming = http.Request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase);
        try
        {
            await http.Response.WriteAsync("retry: 3000\n\n", ct);
            while (true)
            {
                await http.Response.WriteAsync($"event: counts\ndata: {System.Text.Json.JsonSerializer.Serialize(CountsJson(counts, l), JsonWeb)}\n\n", ct);
                await http.Response.Body.FlushAsync(ct);
                if (!streaming) return;
                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(ct))
                {
                    wait.CancelAfter(StreamRefresh);
                    try
                    {
                        await changed.Reader.ReadAsync(wait.Token);
                    }
                    catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                    {
                        // Quiet for a while: the counts again.
                    }
                }
                counts = await checkIns.CountsAsync(actor, eventId, session, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The device closed the page or lost its connection; its EventSource reconnects on its own.
        }
    }

    private static readonly System.Text.Json.JsonSerializerOptions JsonWeb = new(System.Text.Json.JsonSerializerDefaults.Web);

    public static BadgePaper Paper(string? paper) => string.Equals(paper, "stock", StringComparison.OrdinalIgnoreCase) ? BadgePaper.Stock90x120 : BadgePaper.A4;

    /// <summary>Badges printed per Chromium print: 25 A4 sheets (or 25 badges on stock).</summary>
    public const int BadgesPerPrint = 100;

    /// <summary>
    /// The sheet as one PDF. A long sheet is printed in parts of <see cref="BadgesPerPrint"/> badges, side by side on
    /// the renderer's pages, and joined with PDFsharp: one huge document keeps Chromium on one core with all its pages
    /// in memory. <paramref name="progress"/> hears the share of parts printed (0–100).
    /// </summary>
    public static async Task<byte[]> BadgePdfAsync(DocumentPdf pdf, BadgeSheet sheet, CancellationToken ct, IProgress<int>? progress = null)
    {
        var perPrint = sheet.Paper == BadgePaper.A4 ? BadgesPerPrint : BadgesPerPrint / 4;
        var parts = sheet.Badges.Chunk(perPrint).ToList();
        if (parts.Count <= 1)
        {
            var one = await PrintAsync(sheet);
            progress?.Report(100);
            return one;
        }
        var printed = 0;
        var pdfs = await Task.WhenAll(parts.Select(async part =>
        {
            var bytes = await PrintAsync(sheet with { Badges = part });
            progress?.Report(Interlocked.Increment(ref printed) * 100 / parts.Count);
            return bytes;
        }));
        return Infrastructure.Pdf.PdfConcatenation.Join(pdfs);

        Task<byte[]> PrintAsync(BadgeSheet part) =>
            pdf.RenderAsync<BadgeDocument>(new Dictionary<string, object?> { [nameof(BadgeDocument.Sheet)] = part }, ct: ct);
    }

    private static object Person(CheckInPerson p, IStringLocalizer<SharedResource> l) => new
    {
        p.RegistrationId, p.Name, p.Organization, p.Title, band = p.Band.ToString(),
        // The badge's band as printed: the category's label and colour, or the speaker/delegate band's.
        bandLabel = p.Style?.LabelIn(English) ?? l[$"BadgeBand.{p.Band}"].Value,
        bandColour = (p.Style ?? BadgeStyle.Of(p.Band)).Colour, bandText = (p.Style ?? BadgeStyle.Of(p.Band)).TextColour,
        phone = p.MaskedPhone, state = l[$"RegistrationState.{p.State}"].Value,
        category = p.Notes is { Category: { } c } n ? (English && !string.IsNullOrWhiteSpace(n.CategoryEn) ? n.CategoryEn : c) : null,
        diet = p.Notes?.Diet is { } diet ? Diet(diet, p.Notes.DietDetail, l) : null,
        payment = p.Notes?.Payment?.ToString(),
        paymentLabel = p.Notes?.Payment is { } paid ? l[$"PaymentState.{paid}"].Value : null,
        note = p.Notes?.DoorNote,
    };

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The diet as the 回执's ready-made field names it ("清真", "其他：不吃辣"), in the staff member's language.</summary>
    private static string Diet(string key, string? detail, IStringLocalizer<SharedResource> l)
    {
        var option = ReplyFieldPresets.Fields(ReplyFieldPresets.DietPreset).First(f => f.Key == ReplyFieldKeys.Diet).Options.FirstOrDefault(o => o.Key == key);
        var label = option?.Display(English) ?? key;
        return string.IsNullOrWhiteSpace(detail) ? label : string.Format(CultureInfo.CurrentCulture, l["CheckIn.DietOther"], label, detail.Trim());
    }

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
            CheckInOutcome.NotACheckInSession => l["CheckIn.NotACheckInSession"].Value,
            _ => l["CheckIn.Invalid"].Value,
        };
        return new { outcome = result.Outcome.ToString(), message, person = result.Person is { } p ? Person(p, l) : null, at, by = result.ByName };
    }
}
