using Events.Infrastructure.Attendees;
using Events.Infrastructure.Program;
using Events.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Events.Web.Components.Pages.Attendees;

/// <summary>
/// The published program's files on the attendee page: the whole schedule as a calendar and a spreadsheet, and the
/// attendee's own starred sessions as a private calendar feed. Nothing while the event has no published program.
/// </summary>
public sealed class ProgramDownloads(PublishedPrograms programs, AgendaService agenda, IStringLocalizer<SharedResource> L) : IAttendeeDownloads
{
    public async Task<IReadOnlyList<AttendeeDownload>> ListAsync(AttendeeDownloadContext attendee, CancellationToken ct = default)
    {
        var view = await programs.GetAsync(attendee.Slug, ct);
        if (view is null) return [];
        var slug = Uri.EscapeDataString(attendee.Slug);
        // Reading the page never writes: without a feed token yet, the entry leads to the program page, whose button makes one.
        var token = await agenda.ExistingFeedTokenAsync(attendee.UserId, ct);
        return
        [
            new(L["Downloads.ScheduleCalendar"], $"/events/{slug}/schedule.ics", "iCalendar", 10),
            new(L["Downloads.ScheduleWorkbook"], $"/events/{slug}/program.xlsx", "Excel", 11),
            token is null
                ? new(L["Downloads.MyAgendaFeed"], $"/events/{slug}/program", L["AgendaFeedCreate"], 12)
                : new(L["Downloads.MyAgendaFeed"], $"/events/{slug}/agenda/{token}.ics", "iCalendar", 12),
        ];
    }
}
