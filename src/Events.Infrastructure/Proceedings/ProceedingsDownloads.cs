using Events.Core.Events;
using Events.Core.Papers;
using Events.Core.Proceedings;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Proceedings;

/// <summary>A stored PDF as the download endpoints serve it.</summary>
public sealed record DownloadFile(string Folder, string StoredName, string Sha256, DateTimeOffset LastModified, string FileName);

/// <summary>A published event's volume as attendees see it: the access rule, the published file and the papers in it.</summary>
public sealed record PublishedVolume(
    int EventId,
    string EventTitle,
    string Slug,
    string Title,
    ProceedingsKind Kind,
    ProceedingsAccess Access,
    DownloadFile? Volume,
    int PageCount,
    long SizeBytes,
    IReadOnlyList<VolumeSection> Sections,
    IReadOnlySet<int> PapersWithFile);

/// <summary>
/// The read side of the downloads. Only a published event's volume with a published build is offered; a paper is
/// offered once its event's volume is published, and only while it is accepted and has a camera-ready file.
/// Who may download is decided by the caller, from <see cref="PublishedVolume.Access"/>.
/// </summary>
public sealed class ProceedingsDownloads(IDbContextFactory<EventsDbContext> factory)
{
    public async Task<PublishedVolume?> FindAsync(string slug, string ungroupedHeading, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var found = await Published(db, slug, ct);
        if (found is null) return null;
        var (ev, volume, build) = found.Value;
        var entries = await VolumeContents.LoadAsync(db, ev.Id, ct);
        var manual = volume.Order.OrderBy(o => o.Position).Select(o => o.SubmissionId).ToList();
        var sections = PaperOrdering.Arrange(entries.Select(e => e.Paper), volume.Grouping, manual, ungroupedHeading);
        var withFile = entries.Where(e => e.CameraReady is not null).Select(e => e.Paper.SubmissionId).ToHashSet();
        var file = new DownloadFile(ProceedingsFiles.VolumeFolder, build.StoredName!, build.Sha256!, build.FinishedAt ?? build.RequestedAt, $"{slug}-proceedings-v{build.Version}.pdf");
        return new PublishedVolume(ev.Id, ev.Title, slug, volume.Title, volume.Kind, volume.Access, file, build.PageCount, build.SizeBytes, sections, withFile);
    }

    /// <summary>The published volume's file and access rule, without the paper list.</summary>
    public async Task<(int EventId, ProceedingsAccess Access, DownloadFile File)?> VolumeFileAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var found = await Published(db, slug, ct);
        if (found is null) return null;
        var (ev, volume, build) = found.Value;
        return (ev.Id, volume.Access, new DownloadFile(ProceedingsFiles.VolumeFolder, build.StoredName!, build.Sha256!, build.FinishedAt ?? build.RequestedAt, $"{slug}-proceedings-v{build.Version}.pdf"));
    }

    /// <summary>One accepted paper's newest camera-ready file, under the same rule as its volume.</summary>
    public async Task<(int EventId, ProceedingsAccess Access, DownloadFile File)?> PaperFileAsync(string slug, int submissionId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var found = await Published(db, slug, ct);
        if (found is null) return null;
        var (ev, volume, _) = found.Value;
        var paper = await db.Submissions.AsNoTracking()
            .Where(s => s.Id == submissionId && s.EventId == ev.Id && s.State == SubmissionState.Submitted
                && (s.Decision == Decision.AcceptOral || s.Decision == Decision.AcceptPoster))
            .Select(s => new
            {
                s.Number,
                File = s.Files.Where(f => f.Kind == SubmissionFileKind.CameraReady).OrderByDescending(f => f.Version)
                    .Select(f => new { f.StoredName, f.Sha256, f.UploadedAt }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (paper?.File is null) return null;
        return (ev.Id, volume.Access, new DownloadFile(ProceedingsFiles.PaperFolder, paper.File.StoredName, paper.File.Sha256, paper.File.UploadedAt, $"{slug}-paper-{paper.Number}.pdf"));
    }

    private static async Task<(Event Event, Core.Proceedings.Proceedings Volume, ProceedingsBuild Build)?> Published(EventsDbContext db, string slug, CancellationToken ct)
    {
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == slug && e.Status == EventStatus.Published, ct);
        if (ev is null) return null;
        var volume = await db.Proceedings.AsNoTracking().Include(p => p.Order).FirstOrDefaultAsync(p => p.EventId == ev.Id, ct);
        if (volume?.PublishedBuildId is not { } buildId) return null;
        var build = await db.ProceedingsBuilds.AsNoTracking()
            .FirstOrDefaultAsync(b => b.Id == buildId && b.State == BuildState.Succeeded && b.StoredName != null, ct);
        return build is null ? null : (ev, volume, build);
    }
}
