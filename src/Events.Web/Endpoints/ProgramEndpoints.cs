using Events.Infrastructure.Mail;
using Events.Infrastructure.Program;
using Events.Infrastructure.Program.Exports;
using System.Globalization;
using System.Security.Claims;
using Events.Web.Localization;
using Microsoft.Extensions.Localization;
using Events.Web.Access;
using Events.Web.PublicPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Events.Web.Endpoints;

public static class ProgramEndpoints
{
    /// <summary>
    /// Exports of the latest published program, in the request's language (or <c>?lang=en</c>). Anyone may read a published program; an unpublished or unknown
    /// event, or one never published, is a 404. The agenda feed is private: its token is the only key.
    /// </summary>
    public static IEndpointRouteBuilder MapProgramEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/events/{slug}").AllowAnonymous();
        group.MapGet("/schedule.xml", (string slug, HttpContext http, PublishedPrograms programs, ExportWordings words, IOptions<MailOptions> options, CancellationToken ct) =>
            ExportAsync(slug, programs, v => Results.Text(FrabScheduleXml.Write(v.Scoped, options.Value.PublicBaseUrl, words.For(http)), "application/xml; charset=utf-8"), ct))
            .CacheOutput(PublicPageCachePolicy.Name);
        group.MapGet("/schedule.json", (string slug, HttpContext http, PublishedPrograms programs, ExportWordings words, IOptions<MailOptions> options, CancellationToken ct) =>
            ExportAsync(slug, programs, v => Results.Text(FrabScheduleJson.Write(v.Scoped, options.Value.PublicBaseUrl, words.For(http)), "application/json; charset=utf-8"), ct))
            .CacheOutput(PublicPageCachePolicy.Name);
        group.MapGet("/schedule.ics", (string slug, HttpContext http, PublishedPrograms programs, ExportWordings words, IOptions<MailOptions> options, CancellationToken ct) =>
            ExportAsync(slug, programs, v => Results.Text(ProgramCalendar.Write(v.Scoped, options.Value.PublicBaseUrl, words.For(http)), "text/calendar; charset=utf-8"), ct))
            .CacheOutput(PublicPageCachePolicy.Name);
        group.MapGet("/program.xlsx", (string slug, HttpContext http, PublishedPrograms programs, ExportWordings words, CancellationToken ct) =>
            ExportAsync(slug, programs, v => Results.File(ProgramWorkbook.Write(v.Scoped, words.For(http)),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{slug}-program-v{v.Snapshot.Version}.xlsx"), ct))
            .CacheOutput(PublicPageCachePolicy.Name);
        group.MapGet("/agenda/{token}.ics", async (string slug, string token, PublishedPrograms programs, AgendaService agenda, ExportWordings words, IOptions<MailOptions> options,
            IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        {
            var owner = await agenda.ByFeedTokenAsync(token, ct);
            var view = owner is null ? null : await programs.GetAsync(slug, ct);
            if (view is null) return Results.NotFound();
            // Calendar apps ask without the owner's language cookie: the name follows the language they chose for their account.
            var culture = CultureInfo.GetCultureInfo(owner!.Value.Culture == "en" ? "en" : "zh-CN");
            var wording = words.For(culture);
            var name = AgendaCalendarName(L, wording.Title(view.Scoped.EventTitle, view.Scoped.EventTitleEn), culture);
            return Results.Text(ProgramCalendar.Write(view.Scoped, options.Value.PublicBaseUrl, wording, owner.Value.Sessions, name), "text/calendar; charset=utf-8");
        });
        MapAgendaForms(group);
        return app;
    }

    /// <summary>"我的日程 – {event}": a name of its own, so the private feed is not mistaken for the public program's calendar.</summary>
    public static string AgendaCalendarName(IStringLocalizer<SharedResource> L, string eventTitle, CultureInfo culture)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return string.Format(CultureInfo.CurrentCulture, L["AgendaCalendarName"], eventTitle);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>
    /// The static program page's forms: star a session, make the private feed link. Both return to the page they came
    /// from; the antiforgery token in the form is checked because the values bind from the form.
    /// </summary>
    private static void MapAgendaForms(RouteGroupBuilder group)
    {
        group.MapPost("/agenda/star", async ([FromForm] int sessionId, [FromForm] string? returnUrl, ClaimsPrincipal user, AgendaService agenda, CancellationToken ct) =>
        {
            await agenda.ToggleAsync(EventAccess.UserId(user), sessionId, ct);
            return Results.LocalRedirect(CultureEndpoints.IsLocal(returnUrl) ? returnUrl! : "/");
        }).RequireAuthorization();
        group.MapPost("/agenda/feed", async ([FromForm] string? returnUrl, ClaimsPrincipal user, AgendaService agenda, CancellationToken ct) =>
        {
            await agenda.FeedTokenAsync(EventAccess.UserId(user), ct: ct);
            return Results.LocalRedirect(CultureEndpoints.IsLocal(returnUrl) ? returnUrl! : "/");
        }).RequireAuthorization();
    }

    private static async Task<IResult> ExportAsync(string slug, PublishedPrograms programs, Func<PublishedView, IResult> write, CancellationToken ct)
    {
        var view = await programs.GetAsync(slug, ct);
        return view is null ? Results.NotFound() : write(view);
    }
}
