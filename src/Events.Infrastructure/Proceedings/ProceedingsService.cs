using Events.Core.Access;
using Events.Core.Common;
using Events.Core.Proceedings;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Events.Infrastructure.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Proceedings;

public enum BuildRequestOutcome
{
    Queued,
    AlreadyBuilding,
    NotFound,
}

public enum PublishOutcome
{
    Published,
    NotBuilt,
    Conflict,
    NotFound,
}

/// <summary>The organizer's side of a volume: its settings and order, its builds, and which build is published.</summary>
public sealed class ProceedingsService(
    IDbContextFactory<EventsDbContext> factory, BuildProgressRegistry registry, BuildQueueSignal signal, TimeProvider clock, EventRights rights, IPublicPageCache pages)
{
    public async Task<Core.Proceedings.Proceedings?> GetAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Proceedings.AsNoTracking().Include(p => p.Order).FirstOrDefaultAsync(p => p.EventId == eventId, ct);
    }

    /// <summary>Creates the volume on first save, else updates it if nobody saved since <paramref name="loadedStamp"/>.</summary>
    public async Task<SaveResult> SaveAsync(Actor actor, int eventId, ProceedingsInput input, Guid? loadedStamp, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        var errors = input.Validate();
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Events.AnyAsync(e => e.Id == eventId, ct)) return SaveResult.NotFound;
        var volume = await db.Proceedings.FirstOrDefaultAsync(p => p.EventId == eventId, ct);
        if (volume is null)
        {
            // A second organizer creating the same volume at once meets the unique event index: a conflict, not an error.
            if (loadedStamp is not null) return SaveResult.Conflict;
            volume = new Core.Proceedings.Proceedings { EventId = eventId, Title = "" };
            db.Proceedings.Add(volume);
        }
        else
        {
            if (loadedStamp is null) return SaveResult.Conflict;
            db.ExpectVersion(volume, loadedStamp.Value);
        }
        input.ApplyTo(volume);
        try
        {
            return await db.TrySaveVersionedAsync(ct) ? SaveResult.Saved(volume.Id) : SaveResult.Conflict;
        }
        catch (DbUpdateException)
        {
            return SaveResult.Conflict;
        }
    }

    /// <summary>The accepted papers in printed order, grouped as the volume groups them.</summary>
    public async Task<IReadOnlyList<VolumeSection>> ArrangedPapersAsync(int eventId, string ungroupedHeading, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var volume = await db.Proceedings.AsNoTracking().Include(p => p.Order).FirstOrDefaultAsync(p => p.EventId == eventId, ct);
        var entries = await VolumeContents.LoadAsync(db, eventId, ct);
        var grouping = volume?.Grouping ?? PaperGrouping.Topic;
        var manual = volume?.Order.OrderBy(o => o.Position).Select(o => o.SubmissionId).ToList() ?? [];
        return PaperOrdering.Arrange(entries.Select(e => e.Paper), grouping, manual, ungroupedHeading);
    }

    /// <summary>Stores a new manual order (the full list of submission ids), checked against the volume's stamp.</summary>
    public async Task<SaveResult> SaveOrderAsync(Actor actor, int eventId, IReadOnlyList<int> order, Guid loadedStamp, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var volume = await db.Proceedings.Include(p => p.Order).FirstOrDefaultAsync(p => p.EventId == eventId, ct);
        if (volume is null) return SaveResult.NotFound;
        var accepted = (await VolumeContents.LoadAsync(db, eventId, ct)).Select(e => e.Paper.SubmissionId).ToHashSet();
        db.ExpectVersion(volume, loadedStamp);
        db.ProceedingsOrder.RemoveRange(volume.Order);
        var position = 0;
        foreach (var id in order.Distinct().Where(accepted.Contains))
        {
            db.ProceedingsOrder.Add(new ProceedingsOrderEntry { ProceedingsId = volume.Id, SubmissionId = id, Position = position++ });
        }
        return await db.TrySaveVersionedAsync(ct) ? SaveResult.Saved(volume.Id) : SaveResult.Conflict;
    }

    /// <summary>Forgets the manual order; papers follow their groups' natural order again.</summary>
    public Task<SaveResult> ResetOrderAsync(Actor actor, int eventId, Guid loadedStamp, CancellationToken ct = default) =>
        SaveOrderAsync(actor, eventId, [], loadedStamp, ct);

    public async Task<IReadOnlyList<ProceedingsBuild>> BuildsAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.ProceedingsBuilds.AsNoTracking()
            .Where(b => db.Proceedings.Any(p => p.Id == b.ProceedingsId && p.EventId == eventId))
            .OrderByDescending(b => b.Version)
            .ToListAsync(ct);
    }

    /// <summary>
    /// Queues a build. One build per volume at a time: while one is queued or running, another request is refused.
    /// Two requests at the same moment both take the next version number; the unique (volume, version) index lets one in.
    /// </summary>
    public async Task<(BuildRequestOutcome Outcome, int BuildId)> RequestBuildAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var volumeId = await db.Proceedings.Where(p => p.EventId == eventId).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (volumeId is null) return (BuildRequestOutcome.NotFound, 0);
        if (await db.ProceedingsBuilds.AnyAsync(b => b.ProceedingsId == volumeId && (b.State == BuildState.Queued || b.State == BuildState.Running), ct))
        {
            return (BuildRequestOutcome.AlreadyBuilding, 0);
        }
        var version = (await db.ProceedingsBuilds.Where(b => b.ProceedingsId == volumeId).MaxAsync(b => (int?)b.Version, ct) ?? 0) + 1;
        var build = new ProceedingsBuild
        {
            ProceedingsId = volumeId.Value,
            Version = version,
            RequestedAt = clock.GetUtcNow(),
            RequestedByUserId = actor.UserId,
        };
        db.ProceedingsBuilds.Add(build);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return (BuildRequestOutcome.AlreadyBuilding, 0);
        }
        signal.Notify();
        return (BuildRequestOutcome.Queued, build.Id);
    }

    /// <summary>
    /// Stops a build. A queued one is cancelled at once; a running one here stops at its next step and is then marked
    /// cancelled by the worker. Nothing published changes either way.
    /// </summary>
    public async Task<bool> CancelBuildAsync(Actor actor, int eventId, int buildId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var owned = db.ProceedingsBuilds.Where(b => b.Id == buildId && db.Proceedings.Any(p => p.Id == b.ProceedingsId && p.EventId == eventId));
        var queued = await owned.Where(b => b.State == BuildState.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.State, BuildState.Cancelled).SetProperty(b => b.FinishedAt, clock.GetUtcNow()).SetProperty(b => b.CancelRequested, true), ct);
        if (queued > 0) return true;
        var running = await owned.Where(b => b.State == BuildState.Running).ExecuteUpdateAsync(s => s.SetProperty(b => b.CancelRequested, true), ct);
        if (running == 0) return false;
        registry.Cancel(buildId);
        return true;
    }

    /// <summary>Makes a finished build the one attendees download (or, with null, withdraws the volume).</summary>
    public async Task<PublishOutcome> PublishAsync(Actor actor, int eventId, int? buildId, Guid loadedStamp, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var volume = await db.Proceedings.FirstOrDefaultAsync(p => p.EventId == eventId, ct);
        if (volume is null) return PublishOutcome.NotFound;
        if (buildId is not null && !await db.ProceedingsBuilds.AnyAsync(b => b.Id == buildId && b.ProceedingsId == volume.Id && b.State == BuildState.Succeeded, ct))
        {
            return PublishOutcome.NotBuilt;
        }
        db.ExpectVersion(volume, loadedStamp);
        volume.PublishedBuildId = buildId;
        if (!await db.TrySaveVersionedAsync(ct)) return PublishOutcome.Conflict;
        await pages.EventChangedAsync(eventId, ct: ct);
        return PublishOutcome.Published;
    }

    public BuildProgressInfo? Progress(int buildId) => registry.Get(buildId);

    /// <summary>Any finished build of the event's volume, for the organizer to check before publishing.</summary>
    public async Task<DownloadFile?> BuildFileAsync(int eventId, int buildId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var build = await db.ProceedingsBuilds.AsNoTracking()
            .Where(b => b.Id == buildId && b.State == BuildState.Succeeded && b.StoredName != null
                && db.Proceedings.Any(p => p.Id == b.ProceedingsId && p.EventId == eventId))
            .FirstOrDefaultAsync(ct);
        return build is null
            ? null
            : new DownloadFile(ProceedingsFiles.VolumeFolder, build.StoredName!, build.Sha256!, build.FinishedAt ?? build.RequestedAt, $"proceedings-{eventId}-v{build.Version}.pdf");
    }
}
