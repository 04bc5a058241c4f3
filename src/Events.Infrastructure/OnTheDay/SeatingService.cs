using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.Common;
using Events.Core.OnTheDay;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.OnTheDay;

public sealed record SeatedGuest(int Id, int Rank, string Name, string? Title, string? Group, int? PersonId, int? RegistrationId, int? Table);

/// <summary>A session's seating with what a chart or a table tent prints about the session.</summary>
public sealed record SessionSeating(
    int EventId, string EventTitle, string TimeZoneId, int SessionId, string SessionTitle, DateTimeOffset Start, DateTimeOffset End, string? Room,
    SeatingLayout Layout, SeatingConvention Convention, int SeatsPerTable, IReadOnlyList<SeatedGuest> Guests, Guid? Stamp)
{
    /// <summary>The guests in rank order, as the ranked list input of a save.</summary>
    public IReadOnlyList<SeatingGuestInput> AsInput() => Guests.Select(g => new SeatingGuestInput(g.Name, g.Title, g.Group, g.PersonId, g.RegistrationId, g.Table)).ToList();
}

public sealed record SeatingSessionSummary(int Id, string Title, DateTimeOffset Start, string? Room, int Guests, SeatingLayout? Layout);

/// <summary>Someone who can be added to a seating: a person of the session's program, a registered attendee, or anyone from the people list.</summary>
public sealed record SeatingCandidate(string Name, string? Title, string? Group, int? PersonId, int? RegistrationId, SeatingCandidateSource Source);

public enum SeatingCandidateSource
{
    Session,
    Registration,
    Person,
}

/// <summary>The seating (座次) of an event's sessions: the ranked list, the layout and tables, kept per session under a concurrency stamp.</summary>
public sealed class SeatingService(IDbContextFactory<EventsDbContext> factory, EventRights rights)
{
    public const int CandidateLimit = 20;

    public async Task<IReadOnlyList<SeatingSessionSummary>> SessionsAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.EventId == eventId)
            .Select(s => new { s.Id, s.Title, s.Start, Room = s.Room == null ? null : s.Room.Name })
            .ToListAsync(ct);
        var ids = sessions.Select(s => s.Id).ToList();
        var plans = await db.SeatingPlans.AsNoTracking().Where(p => ids.Contains(p.SessionId))
            .Select(p => new { p.SessionId, p.Layout, Guests = p.Guests.Count }).ToListAsync(ct);
        return sessions.OrderBy(s => s.Start).ThenBy(s => s.Id)
            .Select(s => plans.FirstOrDefault(p => p.SessionId == s.Id) is { } plan
                ? new SeatingSessionSummary(s.Id, s.Title, s.Start, s.Room, plan.Guests, plan.Layout)
                : new SeatingSessionSummary(s.Id, s.Title, s.Start, s.Room, 0, null))
            .ToList();
    }

    /// <summary>The session's seating, or an empty rostrum under the official convention when none was saved; null for a session not of this event.</summary>
    public async Task<SessionSeating?> LoadAsync(int eventId, int sessionId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId && s.EventId == eventId)
            .Select(s => new { s.Title, s.Start, s.End, Room = s.Room == null ? null : s.Room.Name })
            .FirstOrDefaultAsync(ct);
        if (session is null) return null;
        var ev = await db.Events.AsNoTracking().Where(e => e.Id == eventId).Select(e => new { e.Title, e.TimeZoneId }).FirstAsync(ct);
        var plan = await db.SeatingPlans.AsNoTracking().Include(p => p.Guests).FirstOrDefaultAsync(p => p.SessionId == sessionId, ct);
        var guests = plan?.Guests.OrderBy(g => g.Rank).Select(g => new SeatedGuest(g.Id, g.Rank, g.Name, g.Title, g.Group, g.PersonId, g.RegistrationId, g.Table)).ToList() ?? [];
        return new SessionSeating(eventId, ev.Title, ev.TimeZoneId, sessionId, session.Title, session.Start, session.End, session.Room,
            plan?.Layout ?? SeatingLayout.Rostrum, plan?.Convention ?? SeatingConvention.Official, plan?.SeatsPerTable ?? 10, guests, plan?.ConcurrencyStamp);
    }

    /// <summary>The session's chairs, then its items' named people in running order, each once.</summary>
    public async Task<IReadOnlyList<SeatingCandidate>> SessionPeopleAsync(int eventId, int sessionId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var session = await db.Sessions.AsNoTracking().AsSplitQuery()
            .Include(s => s.Chairs).ThenInclude(c => c.Person!).ThenInclude(p => p.Positions).ThenInclude(p => p.Organization)
            .Include(s => s.Items).ThenInclude(i => i.Participants).ThenInclude(p => p.Person!).ThenInclude(p => p.Positions).ThenInclude(p => p.Organization)
            .FirstOrDefaultAsync(s => s.Id == sessionId && s.EventId == eventId, ct);
        if (session is null) return [];
        var people = session.Chairs.OrderBy(c => c.Order).Select(c => c.Person)
            .Concat(session.Items.OrderBy(i => i.Order).SelectMany(i => i.Participants.OrderBy(p => p.Order).Select(p => p.Person)))
            .OfType<Core.People.Person>()
            .DistinctBy(p => p.Id);
        return people.Select(p => new SeatingCandidate(p.Name, Shorten(p.DisplayTitle), UnitOf(p), p.Id, null, SeatingCandidateSource.Session)).ToList();
    }

    /// <summary>Active registrations of the event and people from the people list whose name contains <paramref name="text"/>.</summary>
    public async Task<IReadOnlyList<SeatingCandidate>> SearchAsync(int eventId, string? text, CancellationToken ct = default)
    {
        var term = text?.Trim();
        if (string.IsNullOrEmpty(term)) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var registrations = await db.Registrations.AsNoTracking()
            .Where(r => r.EventId == eventId && r.State == RegistrationState.Active && r.Name.Contains(term))
            .OrderBy(r => r.Name).Take(CandidateLimit)
            .Select(r => new { r.Id, r.Name, r.Organization, r.Title }).ToListAsync(ct);
        var people = await db.People.AsNoTracking().Include(p => p.Positions).ThenInclude(p => p.Organization)
            .Where(p => p.Name.Contains(term) || (p.NameEn != null && p.NameEn.Contains(term)))
            .OrderBy(p => p.Name).Take(CandidateLimit).ToListAsync(ct);
        return registrations.Select(r => new SeatingCandidate(r.Name, Shorten(string.Join(" ", new[] { r.Organization, r.Title }.Where(s => !string.IsNullOrWhiteSpace(s)))), r.Organization, null, r.Id, SeatingCandidateSource.Registration))
            .Concat(people.Select(p => new SeatingCandidate(p.Name, Shorten(p.DisplayTitle), UnitOf(p), p.Id, null, SeatingCandidateSource.Person)))
            .Take(CandidateLimit)
            .ToList();
    }

    /// <summary>
    /// Saves the ranked list and layout of a session. <paramref name="loadedStamp"/> is the stamp the organizer loaded, null
    /// when the session had no seating yet: a plan saved by someone else in the meantime is a conflict, and nothing is written.
    /// </summary>
    public async Task<SaveResult> SaveAsync(Actor actor, int eventId, int sessionId, SeatingPlanInput input, Guid? loadedStamp, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Sessions.AnyAsync(s => s.Id == sessionId && s.EventId == eventId, ct)) return SaveResult.NotFound;
        var errors = SeatingRules.Validate(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);

        var plan = await db.SeatingPlans.Include(p => p.Guests).FirstOrDefaultAsync(p => p.SessionId == sessionId, ct);
        if (plan is null)
        {
            if (loadedStamp is not null) return SaveResult.Conflict;
            plan = new SeatingPlan { SessionId = sessionId };
            db.SeatingPlans.Add(plan);
        }
        else
        {
            if (loadedStamp is not { } stamp) return SaveResult.Conflict;
            db.ExpectVersion(plan, stamp);
            db.SeatingGuests.RemoveRange(plan.Guests);
            plan.Guests.Clear();
        }
        // A guest's person or registration only says who the typed name came from (the list shows each once); an id that is
        // not this event's registration or a known person is dropped, so a plan never points into another event.
        var registrationIds = input.Guests.Where(g => g.RegistrationId is not null).Select(g => g.RegistrationId!.Value).Distinct().ToList();
        var ownRegistrations = registrationIds.Count == 0 ? []
            : (await db.Registrations.Where(r => r.EventId == eventId && registrationIds.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct)).ToHashSet();
        var personIds = input.Guests.Where(g => g.PersonId is not null).Select(g => g.PersonId!.Value).Distinct().ToList();
        var knownPeople = personIds.Count == 0 ? []
            : (await db.People.Where(x => personIds.Contains(x.Id)).Select(x => x.Id).ToListAsync(ct)).ToHashSet();
        plan.Layout = input.Layout;
        plan.Convention = input.Convention;
        plan.SeatsPerTable = input.Layout == SeatingLayout.Rostrum ? plan.SeatsPerTable : input.SeatsPerTable;
        for (var i = 0; i < input.Guests.Count; i++)
        {
            var g = input.Guests[i];
            plan.Guests.Add(new SeatingGuest
            {
                Rank = i + 1,
                Name = g.Name.Trim(),
                Title = string.IsNullOrWhiteSpace(g.Title) ? null : g.Title.Trim(),
                Group = string.IsNullOrWhiteSpace(g.Group) ? null : g.Group.Trim(),
                PersonId = g.PersonId is { } person && knownPeople.Contains(person) ? person : null,
                RegistrationId = g.RegistrationId is { } registration && ownRegistrations.Contains(registration) ? registration : null,
                Table = input.Layout == SeatingLayout.Rostrum ? null : g.Table,
            });
        }
        try
        {
            if (!await db.TrySaveVersionedAsync(ct)) return SaveResult.Conflict;
        }
        catch (DbUpdateException) when (loadedStamp is null)
        {
            // Two first saves of the same session: the unique index on the session lets one in.
            return SaveResult.Conflict;
        }
        return SaveResult.Saved(plan.Id);
    }

    private static string? UnitOf(Core.People.Person person) =>
        person.Positions.OrderBy(p => p.Order).Select(p => p.Organization?.Name).FirstOrDefault(n => n is not null);

    private static string? Shorten(string? title) =>
        string.IsNullOrWhiteSpace(title) ? null : title.Length <= SeatingRules.GuestTitle ? title : title[..SeatingRules.GuestTitle];
}
