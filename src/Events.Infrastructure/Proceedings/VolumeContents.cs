using Events.Core.Papers;
using Events.Core.Proceedings;
using Events.Infrastructure.Papers;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Proceedings;

/// <summary>An accepted paper with its newest camera-ready file (null when none was uploaded).</summary>
public sealed record VolumeEntry(VolumePaper Paper, int Number, SubmissionFile? CameraReady);

/// <summary>Reads what goes into an event's volume: its accepted, not withdrawn papers, with their topics and program places.</summary>
public static class VolumeContents
{
    public static async Task<IReadOnlyList<VolumeEntry>> LoadAsync(EventsDbContext db, int eventId, CancellationToken ct)
    {
        var submissions = await db.Submissions.AsNoTracking()
            .Where(s => s.EventId == eventId && s.State == SubmissionState.Submitted
                && (s.Decision == Decision.AcceptOral || s.Decision == Decision.AcceptPoster))
            .Include(s => s.Authors)
            .Include(s => s.Topic)
            .Include(s => s.Files.Where(f => f.Kind == SubmissionFileKind.CameraReady).OrderByDescending(f => f.Version).Take(1))
            .AsSplitQuery()
            .ToListAsync(ct);

        var itemIds = submissions.Where(s => s.SessionItemId is not null).Select(s => s.SessionItemId!.Value).Distinct().ToList();
        var places = await db.SessionItems.AsNoTracking()
            .Where(i => itemIds.Contains(i.Id))
            .Join(db.Sessions, i => i.SessionId, s => s.Id, (i, s) => new { ItemId = i.Id, i.Order, SessionId = s.Id, s.Title, s.Start })
            .ToListAsync(ct);
        var placeOf = places.ToDictionary(p => p.ItemId);
        // In English pages, authors known in the people list by their address are shown by their English names.
        var authorNames = await AuthorNames.ForAsync(db, submissions.SelectMany(s => s.Authors), ct);

        return submissions.Select(s =>
        {
            var topic = s.Topic is { } t ? new PaperGroup($"t{t.Id}", t.Name, (t.Order, t.Id)) : null;
            var session = s.SessionItemId is { } item && placeOf.TryGetValue(item, out var place)
                ? new PaperGroup($"s{place.SessionId}", place.Title, (place.Start.UtcTicks, place.SessionId), place.Order)
                : null;
            var authors = s.Authors.OrderBy(a => a.Order).Select(a => new VolumeAuthor(authorNames.Shown(a), a.Affiliation.Trim())).ToList();
            var paper = new VolumePaper(s.Id, s.Title.Trim(), authors, topic, session, s.Abstract, s.Keywords);
            return new VolumeEntry(paper, s.Number, s.Files.FirstOrDefault());
        }).ToList();
    }
}
