using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Events.Core.Access;
using Events.Core.Events;
using Events.Core.Mail;
using Events.Core.Program;
using Events.Core.Program.Conflicts;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Events.Infrastructure.Publishing;
using Events.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Program;

public enum PublishOutcome
{
    Published,
    NeedsAcknowledgement,
    NotFound,
    Conflict,
}

/// <summary>
/// What publishing did. <see cref="PeopleToNotify"/> people had their slots changed; <see cref="MailsQueued"/> of them got a
/// notice in the held batch, and <see cref="WithoutEmail"/> names those who could not, having no address.
/// </summary>
public sealed record PublishResult(PublishOutcome Outcome, int Version = 0, int Conflicts = 0, int PeopleToNotify = 0, Guid? NotificationBatch = null)
{
    public int MailsQueued { get; init; }
    public IReadOnlyList<string> WithoutEmail { get; init; } = [];
}

/// <summary>
/// What publishing now would do, for the organizer's confirmation: the change counts against the last version, who gets a
/// notice, who would but has no email address, and whether the public can see the event at all.
/// </summary>
public sealed record PublishPreview(
    bool EventIsPublic, int NextVersion, int Added, int Moved, int Changed, int Removed, int Conflicts,
    IReadOnlyList<string> Notified, IReadOnlyList<string> WithoutEmail)
{
    /// <summary>Sub-forums with sessions that are not public: their sessions stay out of the public program until they are.</summary>
    public IReadOnlyList<string> DraftForums { get; init; } = [];
}

public sealed record VersionInfo(int Number, DateTimeOffset PublishedAt, string? PublishedBy, bool AcknowledgedConflicts, IReadOnlyList<ProgramChange> Changes);

/// <summary>
/// Publishes an event's program as a numbered version: a fixed snapshot that the public pages and exports read,
/// with a change log against the previous version. People whose slots changed get a mail, held for review.
/// </summary>
public sealed class ProgramPublisher(IDbContextFactory<EventsDbContext> factory, Outbox outbox, TimeProvider clock, EventRights rights, IPublicPageCache pages)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Publishing releases the whole program, so it takes rights over the top-level event.</summary>
    public async Task<PublishResult> PublishAsync(Actor actor, int rootId, string? publishedBy, bool acknowledgeConflicts, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, rootId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var root = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == rootId && e.ParentEventId == null, ct);
        if (root is null) return new PublishResult(PublishOutcome.NotFound);

        var (sessions, windows, availability) = await ProgramService.DetectorInputWithAvailabilityAsync(db, rootId, ct);
        var conflicts = ConflictDetector.Find(sessions, windows, availability).Count;
        if (conflicts > 0 && !acknowledgeConflicts) return new PublishResult(PublishOutcome.NeedsAcknowledgement, Conflicts: conflicts);

        var previous = await db.ProgramVersions.AsNoTracking().Where(v => v.EventId == rootId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        var number = (previous?.Number ?? 0) + 1;
        var now = clock.GetUtcNow();
        var snapshot = await ProgramSnapshots.BuildAsync(db, root, number, now, ct);
        var diff = ProgramChanges.Compare(previous is null ? null : Read(previous), snapshot);

        db.ProgramVersions.Add(NewVersion(rootId, snapshot, diff, publishedBy, conflicts > 0));
        var (batch, queued, withoutEmail) = await QueueNotificationsAsync(db, root, snapshot, diff, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else published the same number first (unique index): nothing of ours was saved.
            return new PublishResult(PublishOutcome.Conflict);
        }
        await pages.EventChangedAsync(rootId, ct: ct);
        return new PublishResult(PublishOutcome.Published, number, conflicts, diff.AffectedPeople.Count, batch) { MailsQueued = queued, WithoutEmail = withoutEmail };
    }

    public async Task<PublishPreview?> PreviewAsync(int rootId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var root = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == rootId && e.ParentEventId == null, ct);
        if (root is null) return null;
        var (sessions, windows, availability) = await ProgramService.DetectorInputWithAvailabilityAsync(db, rootId, ct);
        var conflicts = ConflictDetector.Find(sessions, windows, availability).Count;
        var previous = await db.ProgramVersions.AsNoTracking().Where(v => v.EventId == rootId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        var number = (previous?.Number ?? 0) + 1;
        var snapshot = await ProgramSnapshots.BuildAsync(db, root, number, clock.GetUtcNow(), ct);
        var diff = ProgramChanges.Compare(previous is null ? null : Read(previous), snapshot);
        var people = await db.People.AsNoTracking().Where(p => diff.AffectedPeople.Contains(p.Id))
            .OrderBy(p => p.Name).Select(p => new { p.Name, HasEmail = p.Email != null && p.Email != "" }).ToListAsync(ct);
        int Count(ChangeKind kind) => diff.Changes.Count(c => c.Kind == kind);
        var draftForums = await DraftForums(db, rootId).OrderBy(e => e.StartDate).ThenBy(e => e.Id).Select(e => e.Title).ToListAsync(ct);
        return new PublishPreview(root.IsPublic, number, Count(ChangeKind.Added), Count(ChangeKind.Moved), Count(ChangeKind.Changed), Count(ChangeKind.Removed),
            conflicts, people.Where(p => p.HasEmail).Select(p => p.Name).ToList(), people.Where(p => !p.HasEmail).Select(p => p.Name).ToList()) { DraftForums = draftForums };
    }

    private static IQueryable<Event> DraftForums(EventsDbContext db, int rootId) =>
        db.Events.Where(e => e.ParentEventId == rootId && e.Status != EventStatus.Published && db.Sessions.Any(s => s.EventId == e.Id));

    /// <summary>
    /// Makes the program's sub-forums that have sessions but are not public yet public, so their sessions appear in the published
    /// program. Same rights as publishing (over the top-level event); returns how many were made public.
    /// </summary>
    public async Task<int> MakeForumsPublicAsync(Actor actor, int rootId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, rootId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var changed = await DraftForums(db, rootId)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, EventStatus.Published).SetProperty(e => e.ConcurrencyStamp, Guid.NewGuid()), ct);
        if (changed > 0) await pages.EventChangedAsync(rootId, ct: ct);
        return changed;
    }

    /// <summary>
    /// Makes a draft event public, so the program it publishes can be read: its public pages and exports answer instead of 404.
    /// Takes the same rights as publishing the program (over the top-level event); an event already public is left as it is.
    /// </summary>
    public async Task<bool> MakeEventPublicAsync(Actor actor, int rootId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, rootId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var changed = await db.Events.Where(e => e.Id == rootId && e.ParentEventId == null && e.Status != EventStatus.Published)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, EventStatus.Published).SetProperty(e => e.ConcurrencyStamp, Guid.NewGuid()), ct);
        if (changed > 0) await pages.EventChangedAsync(rootId, ct: ct);
        return await db.Events.AnyAsync(e => e.Id == rootId && e.Status == EventStatus.Published, ct);
    }

    public static ProgramVersion NewVersion(int rootId, ProgramSnapshot snapshot, ProgramDiff diff, string? publishedBy, bool acknowledgedConflicts) => new()
    {
        EventId = rootId,
        Number = snapshot.Version,
        PublishedAt = snapshot.PublishedAt,
        PublishedBy = publishedBy,
        SnapshotJson = JsonSerializer.Serialize(snapshot, Json),
        ChangeLogJson = JsonSerializer.Serialize(diff.Changes, Json),
        AcknowledgedConflicts = acknowledgedConflicts,
    };

    public async Task<IReadOnlyList<VersionInfo>> VersionsAsync(int rootId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.ProgramVersions.AsNoTracking().Where(v => v.EventId == rootId).OrderByDescending(v => v.Number).ToListAsync(ct);
        return rows.Select(v => new VersionInfo(v.Number, v.PublishedAt, v.PublishedBy, v.AcknowledgedConflicts,
            JsonSerializer.Deserialize<List<ProgramChange>>(v.ChangeLogJson, Json) ?? [])).ToList();
    }

    public static ProgramSnapshot Read(ProgramVersion version) =>
        JsonSerializer.Deserialize<ProgramSnapshot>(version.SnapshotJson, Json) ?? throw new InvalidDataException($"Program version {version.Id} has no snapshot.");

    /// <summary>
    /// One mail per affected person with an address, as a held batch: an organizer looks before it goes. Also says how many
    /// were queued and who has no address, so the organizer is not told everyone will hear of it.
    /// </summary>
    private async Task<(Guid? Batch, int Queued, IReadOnlyList<string> WithoutEmail)> QueueNotificationsAsync(
        EventsDbContext db, Event root, ProgramSnapshot snapshot, ProgramDiff diff, CancellationToken ct)
    {
        if (diff.AffectedPeople.Count == 0) return (null, 0, []);
        var affected = await db.People.AsNoTracking().Where(p => diff.AffectedPeople.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync(ct);
        var people = affected.Where(p => !string.IsNullOrWhiteSpace(p.Email)).ToList();
        var withoutEmail = affected.Where(p => string.IsNullOrWhiteSpace(p.Email)).Select(p => p.Name).ToList();
        if (people.Count == 0) return (null, 0, withoutEmail);
        var batch = Guid.NewGuid();
        var zone = ProgramTime.Zone(root.TimeZoneId);
        foreach (var person in people)
        {
            var culture = person.Name.Any(c => c > 0x2E7F) ? "zh-CN" : "en";
            var mine = snapshot.Sessions.Where(s => s.Chairs.Any(c => c.Id == person.Id) || s.Items.Any(i => i.Participants.Any(p => p.Person?.Id == person.Id)));
            var lines = new StringBuilder();
            foreach (var s in mine)
            {
                var start = TimeZoneInfo.ConvertTime(s.Start, zone);
                var end = TimeZoneInfo.ConvertTime(s.End, zone);
                lines.AppendLine(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd HH:mm}–{end:HH:mm} {s.Title}{(s.RoomName is null ? "" : " · " + s.RoomName)}");
            }
            await outbox.EnqueueAsync(db, MailTemplateKeys.ProgramChanged, new MailRecipient(person.Email!, person.Name, culture),
                new Dictionary<string, string>
                {
                    ["name"] = person.Name,
                    ["eventTitle"] = root.Title,
                    ["version"] = snapshot.Version.ToString(CultureInfo.InvariantCulture),
                    ["slots"] = lines.Length == 0 ? "—" : lines.ToString().TrimEnd(),
                    ["eventLink"] = outbox.Options.Link($"/events/{root.Slug}/program"),
                },
                root.Id, $"Person:{person.Id}", batch, ct: ct);
        }
        return (batch, people.Count, withoutEmail);
    }
}
