using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.OnSite;
using Events.Core.Security;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Events.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Events.Infrastructure.OnSite;

/// <summary>Badge paper: A4 with four 90×120 mm badges and crop marks, or pre-cut badge stock, one badge a sheet.</summary>
public enum BadgePaper
{
    A4,
    Stock90x120,
}

/// <summary>One badge as printed: the name large, unit and title, the band, the QR's URL and the short code under it.</summary>
public sealed record BadgeView(int RegistrationId, string Name, string Organization, string Title, BadgeBand Band, string QrUrl, string ShortCode, int Version);

public sealed record BadgeSheet(int EventId, string EventTitle, string? EventTitleEn, BadgePaper Paper, IReadOnlyList<BadgeView> Badges);

public sealed record BadgeFilter(BadgeBand? Band = null, RegistrationState? State = RegistrationState.Active);

/// <summary>
/// Which band each registration's badge prints. Today: speakers (a registrant whose e-mail is a person speaking in the
/// event's program, found through <see cref="People.PeopleByEmail"/>, the lookup bylines use) and delegates. Registration categories replace this by registering their own implementation.
/// </summary>
public interface IBadgeBands
{
    Task<IReadOnlyDictionary<int, BadgeBand>> BandsAsync(int eventId, IReadOnlyCollection<(int RegistrationId, string Email)> registrations, CancellationToken ct = default);
}

public sealed class SpeakerBadgeBands(IDbContextFactory<EventsDbContext> factory) : IBadgeBands
{
    public async Task<IReadOnlyDictionary<int, BadgeBand>> BandsAsync(int eventId, IReadOnlyCollection<(int RegistrationId, string Email)> registrations, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var people = await People.PeopleByEmail.FindAsync(db, registrations.Select(r => r.Email), ct);
        var personIds = people.SelectMany(g => g).Select(p => p.Id).Distinct().ToList();
        var sessionIds = db.Sessions.Where(s => s.EventId == eventId).Select(s => s.Id);
        var itemIds = db.SessionItems.Where(i => sessionIds.Contains(i.SessionId)).Select(i => i.Id);
        HashSet<int> speakers = personIds.Count == 0 ? [] : (await db.ItemParticipants.Where(p => itemIds.Contains(p.ItemId) && p.PersonId != null && personIds.Contains(p.PersonId.Value))
            .Select(p => p.PersonId!.Value).Distinct().ToListAsync(ct)).ToHashSet();
        return registrations.ToDictionary(r => r.RegistrationId,
            r => People.PeopleByEmail.Key(r.Email) is { } key && people[key].Any(p => speakers.Contains(p.Id)) ? BadgeBand.Speaker : BadgeBand.Delegate);
    }
}

/// <summary>
/// Badges of an event's registrations, each carrying a signed QR (<see cref="ISignedCodes"/>, purpose badge, version
/// <see cref="Registration.BadgeVersion"/>). Reprinting a lost badge bumps the version: the lost one's QR is refused at the door.
/// </summary>
public sealed class BadgeService(IDbContextFactory<EventsDbContext> factory, EventRights rights, ISignedCodes codes, IBadgeBands bands, IOptions<MailOptions> mail)
{
    /// <summary>The path a badge's QR opens: the check-in page of the staff member who scans it with any camera app.</summary>
    public static string Path(string token) => $"/b/{token}";

    public string Url(string token) => mail.Value.PublicBaseUrl.TrimEnd('/') + Path(token);

    public async Task<BadgeSheet?> SheetAsync(Actor actor, int eventId, BadgeFilter filter, BadgePaper paper, CancellationToken ct = default)
    {
        await rights.DemandCheckInAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().Where(e => e.Id == eventId).Select(e => new { e.Title, e.TitleEn }).FirstOrDefaultAsync(ct);
        if (ev is null) return null;
        var query = db.Registrations.AsNoTracking().Where(r => r.EventId == eventId);
        if (filter.State is { } state) query = query.Where(r => r.State == state);
        var rows = await query.OrderByChinese(db, r => r.Name).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Name, r.Organization, r.Title, r.Email, r.BadgeVersion }).ToListAsync(ct);
        var banded = await bands.BandsAsync(eventId, rows.Select(r => (r.Id, r.Email)).ToList(), ct);
        var badges = rows
            .Select(r => Badge(r.Id, r.Name, r.Organization, r.Title, banded.GetValueOrDefault(r.Id), r.BadgeVersion))
            .Where(b => filter.Band is null || b.Band == filter.Band)
            .ToList();
        return new BadgeSheet(eventId, ev.Title, ev.TitleEn, paper, badges);
    }

    /// <summary>One registration's badge, for printing it alone.</summary>
    public async Task<BadgeSheet?> OneAsync(Actor actor, int eventId, int registrationId, BadgePaper paper, CancellationToken ct = default)
    {
        var sheet = await SheetAsync(actor, eventId, new BadgeFilter(State: null), paper, ct);
        return sheet is null ? null : sheet with { Badges = sheet.Badges.Where(b => b.RegistrationId == registrationId).ToList() };
    }

    /// <summary>Bumps the badge's version so the lost badge's QR and short code stop working; the new version, or null for an unknown registration.</summary>
    public async Task<int?> ReprintAsync(Actor actor, int eventId, int registrationId, CancellationToken ct = default)
    {
        await rights.DemandCheckInAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var changed = await db.Registrations.Where(r => r.Id == registrationId && r.EventId == eventId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.BadgeVersion, r => r.BadgeVersion + 1), ct);
        if (changed == 0) return null;
        return await db.Registrations.Where(r => r.Id == registrationId).Select(r => r.BadgeVersion).FirstAsync(ct);
    }

    public BadgeView Badge(int registrationId, string name, string organization, string title, BadgeBand band, int version)
    {
        var subject = new SignedSubject(SignedCodePurposes.Badge, registrationId, version);
        return new BadgeView(registrationId, name, organization, title, band, Url(codes.Token(subject)), codes.ShortCode(subject), version);
    }
}
