using System.Globalization;
using Events.Core.Access;
using Events.Core.Attendees.Delegates;
using Events.Core.Booklets;
using Events.Core.Common;
using Events.Core.Program;
using Events.Infrastructure.Access;
using Events.Infrastructure.Attendees;
using Events.Infrastructure.Bulletins;
using Events.Infrastructure.Data;
using Events.Infrastructure.Files;
using Events.Infrastructure.LiveUpdates;
using Events.Infrastructure.People;
using Events.Infrastructure.Program;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Booklets;

/// <summary>A build as the booklet page lists it.</summary>
public sealed record BookletBuildView(int Id, BookletBuildState State, int Percent, BookletPaper Paper, string Culture, int? Pages, long? Size, string? Error,
    DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt);

/// <summary>
/// The programme booklet (会议手册) of an event for its staff: its settings, the queue of builds that
/// <see cref="BookletBuildWorker"/> runs, and the finished files. Reads the content a build prints.
/// </summary>
public sealed class BookletService(
    IDbContextFactory<EventsDbContext> factory, EventRights rights, DelegateListService delegates, FileStore files, TimeProvider clock, ILiveUpdates live) : IDisposable
{
    /// <summary>A build of the event (the key) was queued, moved on or finished.</summary>
    public const string Topic = "booklet.build";

    public const string Folder = "booklets";

    internal readonly SemaphoreSlim Signal = new(0, int.MaxValue);

    public void Dispose() => Signal.Dispose();

    public async Task<BookletSettingsInput> LoadSettingsAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        return BookletSettingsInput.From(await db.BookletSettings.AsNoTracking().FirstOrDefaultAsync(s => s.EventId == eventId, ct));
    }

    /// <summary>Saves the settings; a form loaded before someone else saved writes nothing (conflict).</summary>
    public async Task<SaveResult> SaveSettingsAsync(Actor actor, int eventId, BookletSettingsInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await rights.DemandEventAsync(actor, eventId, ct);
        var errors = input.Validate();
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Events.AnyAsync(e => e.Id == eventId, ct)) return SaveResult.NotFound;
        var stored = await db.BookletSettings.FirstOrDefaultAsync(s => s.EventId == eventId, ct);
        var settings = await db.SaveOnceAsync(stored, () => new BookletSettings { EventId = eventId }, input.ConcurrencyStamp, input.ApplyTo, ct);
        if (settings is null) return SaveResult.Conflict;
        input.ConcurrencyStamp = settings.ConcurrencyStamp;
        return SaveResult.Saved(eventId);
    }

    /// <summary>Queues a build with the saved settings (the defaults when none are saved); null for an unknown event.</summary>
    public async Task<int?> QueueAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Events.AnyAsync(e => e.Id == eventId, ct)) return null;
        var settings = await db.BookletSettings.AsNoTracking().FirstOrDefaultAsync(s => s.EventId == eventId, ct) ?? new BookletSettings { EventId = eventId };
        var build = new BookletBuild
        {
            EventId = eventId, Paper = settings.Paper, Culture = settings.Culture, RequestedByUserId = actor.UserId, CreatedAt = clock.GetUtcNow(),
        };
        db.BookletBuilds.Add(build);
        await db.SaveChangesAsync(ct);
        live.Notify(Topic, eventId);
        Signal.Release();
        return build.Id;
    }

    /// <summary>Every build of the event, newest first.</summary>
    public async Task<IReadOnlyList<BookletBuildView>> BuildsAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.BookletBuilds.AsNoTracking().Where(b => b.EventId == eventId).OrderByDescending(b => b.Id).Take(100).ToListAsync(ct);
        return rows.Select(b => new BookletBuildView(b.Id, b.State, b.Percent, b.Paper, b.Culture, b.Pages, b.Size, b.Error, b.CreatedAt, b.FinishedAt)).ToList();
    }

    /// <summary>A finished build's PDF for the event's staff: (stream, download name), or null.</summary>
    public async Task<(Stream Content, string FileName)?> OpenAsync(Actor actor, int eventId, int buildId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var b = await db.BookletBuilds.AsNoTracking().FirstOrDefaultAsync(x => x.Id == buildId && x.EventId == eventId && x.State == BookletBuildState.Done, ct);
        if (b?.StoredName is null) return null;
        var stream = files.OpenRead(Folder, b.StoredName);
        if (stream is null) return null;
        var title = await db.Events.Where(e => e.Id == eventId).Select(e => e.Title).FirstAsync(ct);
        var name = string.Concat($"{title}-{(b.Culture == BookletText.English ? "booklet" : "会议手册")}-{b.Id}".Where(c => !Path.GetInvalidFileNameChars().Contains(c) && c != '"'));
        return (stream, name + ".pdf");
    }

    /// <summary>
    /// What the booklet of the event prints with its saved settings, the paper and language of the build: the top-level
    /// event and its sub-forums, their sessions by day, the guests, delegates and rooms. No rights check: the worker calls it.
    /// </summary>
    public async Task<BookletModel?> ModelAsync(int eventId, BookletPaper paper, string culture, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var root = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (root is null) return null;
        var settings = await db.BookletSettings.AsNoTracking().FirstOrDefaultAsync(s => s.EventId == eventId, ct) ?? new BookletSettings { EventId = eventId };
        var english = culture == BookletText.English;
        var snapshot = await ProgramSnapshots.BuildAsync(db, root, 0, clock.GetUtcNow(), ct);
        var zone = ProgramTime.Zone(snapshot.TimeZoneId);
        string Pick(string zh, string? en) => english && !string.IsNullOrWhiteSpace(en) ? en : zh;

        var units = await db.EventUnits.AsNoTracking().Where(u => u.EventId == eventId).Include(u => u.Organization)
            .OrderBy(u => u.Role).ThenBy(u => u.Order).ThenBy(u => u.Id).ToListAsync(ct);
        var unitGroups = units.GroupBy(u => u.Role)
            .Select(g => new BookletUnitGroup(g.Key, g.Select(u => Pick(u.Organization!.Name, u.Organization.NameEn)).ToList())).ToList();

        static string Clock(DateTimeOffset t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
        BookletPerson Person(SnapshotPerson p) => new(Pick(p.Name, p.NameEn), string.IsNullOrWhiteSpace(p.DisplayTitle) ? null : p.DisplayTitle);
        var forumOrder = snapshot.Forums.Select((f, i) => (f.EventId, i)).ToDictionary(x => x.EventId, x => x.i);
        var days = snapshot.Sessions
            .Select(s => (Session: s, Start: TimeZoneInfo.ConvertTime(s.Start, zone), End: TimeZoneInfo.ConvertTime(s.End, zone)))
            .GroupBy(s => DateOnly.FromDateTime(s.Start.DateTime)).OrderBy(d => d.Key)
            .Select(d => new BookletDay(d.Key, d.GroupBy(s => s.Session.EventId).OrderBy(f => forumOrder.GetValueOrDefault(f.Key)).Select(f =>
            {
                var forum = snapshot.Forums.First(x => x.EventId == f.Key);
                return new BookletForum(Pick(forum.Title, forum.TitleEn), forum.Venue ?? (forum.IsSubForum ? null : snapshot.Venue), f.OrderBy(s => s.Start).Select(s =>
                    new BookletSession($"{Clock(s.Start)}–{Clock(s.End)}", Pick(s.Session.Title, s.Session.TitleEn), s.Session.RoomName,
                        s.Session.Chairs.Select(Person).ToList(),
                        s.Session.Items.Select(i => new BookletItem(i.Title, i.Participants
                            .Select(p => p.Person is { } who ? new BookletParticipant(p.Role, Pick(who.Name, who.NameEn), string.IsNullOrWhiteSpace(who.DisplayTitle) ? null : who.DisplayTitle)
                                : new BookletParticipant(p.Role, p.Label ?? "", null))
                            .Where(p => p.Name.Length > 0).ToList())).ToList())).ToList());
            }).ToList())).ToList();

        // Guests: everyone the program names (chairs and item participants), once each, in 姓氏笔画 order.
        var people = snapshot.Sessions.SelectMany(s => s.Chairs.Concat(s.Items.SelectMany(i => i.Participants).Where(p => p.Person is not null).Select(p => p.Person!)))
            .DistinctBy(p => p.Id).ToList();
        people.Sort((a, b) => StrokeOrder.CompareNames(a.Name, b.Name) is var c && c != 0 ? c : a.Id.CompareTo(b.Id));
        var photos = (settings.Sections & BookletSections.Guests) != 0 ? await PhotosAsync(db, people.Select(p => p.Id).ToList(), ct) : new Dictionary<int, string>();
        var guests = people.Select(p => new BookletGuest(Pick(p.Name, p.NameEn), string.IsNullOrWhiteSpace(p.DisplayTitle) ? null : p.DisplayTitle, photos.GetValueOrDefault(p.Id))).ToList();

        var lines = await delegates.OrderedAsync(eventId, settings.Order, false, ct);
        var speakersInstead = lines.Count == 0;
        var delegateLines = speakersInstead
            ? people.Select((p, i) => new BookletDelegate(i + 1, Pick(p.Name, p.NameEn), "", p.DisplayTitle)).ToList()
            : lines.Select(l => new BookletDelegate(l.Number, l.Delegate.Name, l.Delegate.Organization, l.Delegate.Title)).ToList();

        var rooms = snapshot.Forums.Select(f => new BookletRoomGroup(Pick(f.Title, f.TitleEn), f.Venue ?? (f.IsSubForum ? null : snapshot.Venue),
                snapshot.Rooms.Where(r => r.EventId == f.EventId).Select(r => new BookletRoom(r.Name, r.Capacity)).ToList()))
            .Where(g => g.Rooms.Count > 0).ToList();

        return new BookletModel(culture, paper, settings.Sections, Pick(root.Title, root.TitleEn), settings.Cover, root.StartDate, root.EndDate,
            string.Join(" · ", new[] { root.City, root.Venue }.Where(x => !string.IsNullOrWhiteSpace(x))),
            BulletinMarkdown.ToHtml(settings.Notice), BulletinMarkdown.ToHtml(settings.Contacts), unitGroups, days, guests, delegateLines, speakersInstead,
            settings.Order, rooms);
    }

    private async Task<Dictionary<int, string>> PhotosAsync(EventsDbContext db, List<int> ids, CancellationToken ct)
    {
        var result = new Dictionary<int, string>();
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await db.People.AsNoTracking().Where(p => chunk.Contains(p.Id) && p.PhotoFile != null).Select(p => new { p.Id, p.PhotoFile }).ToListAsync(ct);
            foreach (var row in rows)
            {
                await using var stream = files.OpenRead(PersonService.PhotoFolder, row.PhotoFile!);
                if (stream is null) continue;
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy, ct);
                var type = Path.GetExtension(row.PhotoFile)!.ToLowerInvariant() switch
                {
                    ".png" => "image/png",
                    ".webp" => "image/webp",
                    _ => "image/jpeg",
                };
                result[row.Id] = $"data:{type};base64,{Convert.ToBase64String(copy.ToArray())}";
            }
        }
        return result;
    }
}
