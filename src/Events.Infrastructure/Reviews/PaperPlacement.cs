using Events.Core.Access;
using Events.Core.Common;
using Events.Core.Papers;
using Events.Core.People;
using Events.Core.Program;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Events.Infrastructure.Program;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Reviews;

public sealed record PaperSessionOption(int SessionId, int EventId, string Title, DateTimeOffset Start, int Items);

public sealed record PlacementAuthor(int AuthorId, string Name, string Affiliation, bool IsPresenter);

public enum PlacementOutcome
{
    Placed,
    NotFound,
    NotAccepted,
    AlreadyPlaced,
    NotAPaperSession,
    Conflict,
    Invalid,
}

public sealed record PlacementResult(PlacementOutcome Outcome, int? ItemId = null);

/// <summary>
/// Puts an accepted paper into a paper session of the program, through the program's own editor so its rules
/// (people exist, forum belongs to the event) and its concurrency check apply. The presenter becomes a person of the
/// people list, found by address when they already are one, so a speaker who presents twice is one person.
/// </summary>
public sealed class PaperPlacement(IDbContextFactory<EventsDbContext> factory, ProgramService program, EventRights rights)
{
    public const int DefaultMinutes = 15;

    /// <summary>The paper sessions of the event and its sub-forums.</summary>
    public async Task<IReadOnlyList<PaperSessionOption>> SessionsAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var root = await program.RootOfAsync(eventId, ct);
        if (root is null) return [];
        return await db.Sessions.Where(s => s.Kind == SessionKind.PaperSession && db.Events.Any(e => e.Id == s.EventId && (e.Id == root.Id || e.ParentEventId == root.Id)))
            .OrderBy(s => s.Start).Select(s => new PaperSessionOption(s.Id, s.EventId, s.Title, s.Start, s.Items.Count)).AsNoTracking().ToListAsync(ct);
    }

    /// <summary>The session holding a placed paper's item.</summary>
    public async Task<PaperSessionOption?> PlacedInAsync(int itemId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Sessions.Where(s => s.Items.Any(i => i.Id == itemId))
            .Select(s => new PaperSessionOption(s.Id, s.EventId, s.Title, s.Start, s.Items.Count)).AsNoTracking().FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<PlacementAuthor>> AuthorsAsync(int eventId, int submissionId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Authors.Where(a => a.SubmissionId == submissionId && db.Submissions.Any(s => s.Id == submissionId && s.EventId == eventId))
            .OrderBy(a => a.Order).Select(a => new PlacementAuthor(a.Id, a.Name, a.Affiliation, a.IsPresenter)).AsNoTracking().ToListAsync(ct);
    }

    /// <summary>
    /// Adds an item titled as the paper at the end of the session, with the presenter as speaker and the chosen people as
    /// discussants, and links the paper to it. Without a chosen presenter the byline's presenter (or first author) presents.
    /// </summary>
    public async Task<PlacementResult> PlaceAsync(Actor actor, int eventId, int submissionId, int sessionId, int? presenterAuthorId, IReadOnlyList<int> discussantIds,
        int minutes = DefaultMinutes, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var paper = await db.Submissions.AsNoTracking().Include(s => s.Authors).FirstOrDefaultAsync(s => s.Id == submissionId && s.EventId == eventId, ct);
        if (paper is null) return new(PlacementOutcome.NotFound);
        if (!paper.IsAccepted || paper.State == SubmissionState.Withdrawn) return new(PlacementOutcome.NotAccepted);
        if (paper.SessionItemId is not null) return new(PlacementOutcome.AlreadyPlaced);
        var options = await SessionsAsync(eventId, ct);
        if (options.FirstOrDefault(o => o.SessionId == sessionId) is not { } target) return new(PlacementOutcome.NotAPaperSession);
        // Checked before the presenter may be added to the people list, so a refused placement writes nothing.
        await rights.DemandEventAsync(actor, target.EventId, ct);
        var authors = paper.Authors.OrderBy(a => a.Order).ToList();
        var presenter = (presenterAuthorId is { } pid ? authors.FirstOrDefault(a => a.Id == pid) : null)
            ?? authors.FirstOrDefault(a => a.IsPresenter) ?? authors.FirstOrDefault();
        if (presenter is null) return new(PlacementOutcome.Invalid);

        var personId = await PersonForAsync(presenter, ct);
        var root = (await program.RootOfAsync(eventId, ct))!;
        var input = await program.LoadSessionAsync(sessionId, ct);
        if (input is null) return new(PlacementOutcome.NotFound);
        var item = ItemFor(paper, personId, discussantIds, minutes);
        input.Items.Add(item);
        var saved = await program.SaveSessionAsync(actor, root.Id, input, ct);
        if (saved.Outcome == SaveOutcome.Conflict) return new(PlacementOutcome.Conflict);
        if (saved.Outcome != SaveOutcome.Saved || item.Id is null) return new(PlacementOutcome.Invalid);

        // Only an unplaced paper is linked: a second organizer placing it at the same moment finds it taken.
        var linked = await db.Submissions.Where(s => s.Id == submissionId && s.SessionItemId == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.SessionItemId, item.Id), ct);
        program.NotifyAgain(root.Id);
        return linked == 1 ? new(PlacementOutcome.Placed, item.Id) : new(PlacementOutcome.AlreadyPlaced);
    }

    /// <summary>
    /// The timetable's tray dropped onto the grid: a new paper session of the paper's length (snapped to five minutes) at
    /// <paramref name="start"/> in a forum and room of the program, holding the paper with its presenter, saved in one step
    /// (so undo takes the session away again). A paper someone placed meanwhile takes the new session away and reports it.
    /// </summary>
    public async Task<PlacementResult> PlaceInNewSessionAsync(Actor actor, int eventId, int submissionId, int forumId, int? roomId, DateTimeOffset start,
        int minutes = DefaultMinutes, CancellationToken ct = default)
    {
        await rights.DemandEventsAsync(actor, [eventId, forumId], ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var paper = await db.Submissions.AsNoTracking().Include(s => s.Authors).FirstOrDefaultAsync(s => s.Id == submissionId && s.EventId == eventId, ct);
        if (paper is null) return new(PlacementOutcome.NotFound);
        if (!paper.IsAccepted || paper.State == SubmissionState.Withdrawn) return new(PlacementOutcome.NotAccepted);
        if (paper.SessionItemId is not null) return new(PlacementOutcome.AlreadyPlaced);
        var root = await program.RootOfAsync(eventId, ct);
        if (root is null) return new(PlacementOutcome.NotFound);
        var presenter = paper.Authors.OrderBy(a => a.Order).FirstOrDefault(a => a.IsPresenter) ?? paper.Authors.OrderBy(a => a.Order).FirstOrDefault();
        if (presenter is null) return new(PlacementOutcome.Invalid);

        var length = Math.Max(Core.Program.TimetableLayout.SnapMinutes, Core.Program.TimetableLayout.Snap(minutes > 0 ? minutes : DefaultMinutes));
        var zone = ProgramTime.Zone(root.TimeZoneId);
        var (from, to) = (TimeZoneInfo.ConvertTime(start, zone), TimeZoneInfo.ConvertTime(start.AddMinutes(length), zone));
        var personId = await PersonForAsync(presenter, ct);
        var item = ItemFor(paper, personId, [], length);
        var input = new SessionInput
        {
            EventId = forumId,
            Kind = SessionKind.PaperSession,
            Title = paper.Title.Length > 300 ? paper.Title[..300] : paper.Title,
            Day = DateOnly.FromDateTime(from.DateTime),
            StartTime = TimeOnly.FromDateTime(from.DateTime),
            EndTime = TimeOnly.FromDateTime(to.DateTime),
            EndsNextDay = to.Date > from.Date,
            RoomId = roomId,
            Items = [item],
        };
        var saved = await program.SaveSessionAsync(actor, root.Id, input, ct);
        if (saved.Outcome == SaveOutcome.Conflict) return new(PlacementOutcome.Conflict);
        if (saved.Outcome != SaveOutcome.Saved || item.Id is null) return new(PlacementOutcome.Invalid);
        var linked = await db.Submissions.Where(s => s.Id == submissionId && s.SessionItemId == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.SessionItemId, item.Id), ct);
        if (linked == 1)
        {
            program.NotifyAgain(root.Id);
            return new(PlacementOutcome.Placed, item.Id);
        }
        await program.DiscardCreatedAsync(actor, root.Id, saved.Id, input.ConcurrencyStamp, ct);
        return new(PlacementOutcome.AlreadyPlaced);
    }

    private static ItemInput ItemFor(Submission paper, int presenterPersonId, IReadOnlyList<int> discussantIds, int minutes) => new()
    {
        Title = paper.Title,
        Minutes = minutes > 0 ? minutes : DefaultMinutes,
        Participants = [new ParticipantInput { PersonId = presenterPersonId, Role = ItemRole.Speaker },
            .. discussantIds.Distinct().Where(id => id != presenterPersonId).Select(id => new ParticipantInput { PersonId = id, Role = ItemRole.Discussant })],
    };

    /// <summary>
    /// The presenter as a person: the one with the same address if there is one, otherwise a new person whose position
    /// is the affiliation as the author wrote it (no title is invented).
    /// </summary>
    private async Task<int> PersonForAsync(Author author, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!string.IsNullOrWhiteSpace(author.Email))
        {
            var email = author.Email.Trim().ToLower();
            var existing = await db.People.Where(p => p.Email != null && p.Email.ToLower() == email).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            if (existing is { } id) return id;
        }
        var person = new Person { Name = author.Name.Trim(), Email = string.IsNullOrWhiteSpace(author.Email) ? null : author.Email.Trim() };
        if (!string.IsNullOrWhiteSpace(author.Affiliation)) person.Positions.Add(new Position { Title = author.Affiliation.Trim(), Order = 0 });
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        return person.Id;
    }
}
