using Events.Infrastructure.Attendees;
using Events.Infrastructure.Proceedings;
using Events.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Events.Web.Components.Pages.Proceedings;

/// <summary>
/// The published volume on the attendee page: the PDF and the page listing its papers. The attendee page is for
/// registered attendees, whom both access modes admit. Nothing while no volume is published.
/// </summary>
public sealed class ProceedingsAttendeeDownloads(ProceedingsDownloads downloads, IStringLocalizer<SharedResource> L) : IAttendeeDownloads
{
    public async Task<IReadOnlyList<AttendeeDownload>> ListAsync(AttendeeDownloadContext attendee, CancellationToken ct = default)
    {
        if (await downloads.VolumeFileAsync(attendee.Slug, ct) is null) return [];
        var slug = Uri.EscapeDataString(attendee.Slug);
        return
        [
            new(L["Downloads.Volume"], $"/events/{slug}/proceedings.pdf", "PDF", 20),
            new(L["Downloads.ProceedingsPapers"], $"/events/{slug}/proceedings", "HTML", 21),
        ];
    }
}
