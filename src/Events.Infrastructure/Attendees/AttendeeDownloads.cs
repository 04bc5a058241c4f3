namespace Events.Infrastructure.Attendees;

/// <summary>Who is asking for downloads, and for which event: the event the attendee page shows.</summary>
public sealed record AttendeeDownloadContext(int EventId, string Slug, string UserId);

/// <summary>
/// One link in the attendee's Downloads section. <see cref="Title"/> is shown as given, so a provider that uses fixed
/// wording localizes it itself; <see cref="Format"/> is a short file-type label (PDF, iCalendar, Excel).
/// Lower <see cref="Order"/> comes first; links of equal order keep their provider's order.
/// </summary>
public sealed record AttendeeDownload(string Title, string Url, string Format, int Order = 0);

/// <summary>
/// A source of downloads for the attendee page (/events/{slug}/me). Features register their own implementation
/// (<c>services.AddSingleton&lt;IAttendeeDownloads, MyFeatureDownloads&gt;()</c>); the page lists them all. A provider
/// decides itself what this user may have, e.g. with <see cref="RegistrationStatus.IsRegisteredAsync"/>.
/// </summary>
public interface IAttendeeDownloads
{
    Task<IReadOnlyList<AttendeeDownload>> ListAsync(AttendeeDownloadContext attendee, CancellationToken ct = default);
}

/// <summary>Every registered provider's downloads for one attendee, in one list.</summary>
public sealed class AttendeeDownloadList(IEnumerable<IAttendeeDownloads> providers)
{
    public async Task<IReadOnlyList<AttendeeDownload>> ListAsync(AttendeeDownloadContext attendee, CancellationToken ct = default)
    {
        var all = new List<AttendeeDownload>();
        foreach (var provider in providers) all.AddRange(await provider.ListAsync(attendee, ct));
        return all.OrderBy(d => d.Order).ToList();
    }
}
