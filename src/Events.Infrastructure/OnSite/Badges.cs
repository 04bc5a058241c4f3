using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.OnSite;
using Events.Core.Security;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Events.Infrastructure.Files;
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

/// <summary>
/// How a badge's bands print: the colour, the text colour on it (black or white, whichever contrasts more), and the
/// foot band's word. A registration in a category prints the category's design; one without a category prints its
/// <see cref="BadgeBand"/> (speaker or delegate), whose label is the band's resource (<see cref="Label"/> null).
/// </summary>
public sealed record BadgeStyle(string Colour, string TextColour, string? Label, string? LabelEn, int? CategoryId)
{
    public static BadgeStyle Of(BadgeBand band)
    {
        var colour = band == BadgeBand.Speaker ? BadgeColours.Speaker : BadgeColours.Delegate;
        return new(colour, BadgeColours.TextOn(colour), null, null, null);
    }

    /// <summary>A category's design: its colour or the palette's for its place (<paramref name="index"/>), its label or its name.</summary>
    public static BadgeStyle Of(RegistrationCategory c, int index)
    {
        var colour = BadgeColours.Normalize(c.BadgeColour) ?? BadgeColours.ForIndex(index);
        var label = c.BadgeLabel ?? c.Name;
        return new(colour, BadgeColours.TextOn(colour), label, c.BadgeLabelEn ?? c.NameEn ?? label, c.Id);
    }

    /// <summary>The foot band's word in the language printed; null means the band's resource.</summary>
    public string? LabelIn(bool english) => english ? LabelEn ?? Label : Label;
}

/// <summary>One badge as printed: the name large, unit and title, the band and its design, the QR's URL and the short code under it.</summary>
public sealed record BadgeView(int RegistrationId, string Name, string Organization, string Title, BadgeBand Band, string QrUrl, string ShortCode, int Version)
{
    public BadgeStyle Style { get; init; } = BadgeStyle.Of(Band);
}

public sealed record BadgeSheet(int EventId, string EventTitle, string? EventTitleEn, BadgePaper Paper, IReadOnlyList<BadgeView> Badges)
{
    /// <summary>Print the categories' English badge labels (documents are otherwise printed in Chinese).</summary>
    public bool English { get; init; }

    /// <summary>The event's logo as a data URI (printed inside the PDF, never linked), or null to print the title's first character.</summary>
    public string? Logo { get; init; }
}

/// <summary>An event's logo (PNG or JPEG, re-encoded; see <see cref="StoredImages"/>), printed on its badges.</summary>
public static class EventLogos
{
    /// <summary>A logo is a small picture, like a certificate's (<see cref="Certificates.CertificateImages.MaxBytes"/>).</summary>
    public const long MaxBytes = Certificates.CertificateImages.MaxBytes;

    /// <summary>The file store folder, outside the web root.</summary>
    public const string Folder = "event-logos";

    /// <summary>
    /// A logo is stored at most this many pixels on its long side: printed at most 24 mm wide that is well over 600 dpi, and
    /// it keeps the badge sheets small, since every badge of a sheet carries it.
    /// </summary>
    public const int MaxSide = 600;
}

/// <summary>Which badges to print: by speaker/delegate band, by registration category (<see cref="NoCategory"/> for those without one) and by state; null is any.</summary>
public sealed record BadgeFilter(BadgeBand? Band = null, RegistrationState? State = RegistrationState.Active, int? CategoryId = null)
{
    /// <summary>The category filter's value for registrations without a category.</summary>
    public const int NoCategory = 0;
}

/// <summary>
/// Which band each registration is: a speaker (a registrant whose e-mail is a person speaking in the event's program,
/// found through <see cref="People.PeopleByEmail"/>, the lookup bylines use) or a delegate. A badge prints this band only
/// when its registration has no category; a category's design wins (<see cref="BadgeStyle"/>, <see cref="BadgeService.StylesAsync"/>).
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
public sealed class BadgeService(IDbContextFactory<EventsDbContext> factory, EventRights rights, ISignedCodes codes, IBadgeBands bands, IOptions<MailOptions> mail, FileStore files)
{
    /// <summary>The path a badge's QR opens: the check-in page of the staff member who scans it with any camera app.</summary>
    public static string Path(string token) => $"/b/{token}";

    public string Url(string token) => mail.Value.PublicBaseUrl.TrimEnd('/') + Path(token);

    public async Task<BadgeSheet?> SheetAsync(Actor actor, int eventId, BadgeFilter filter, BadgePaper paper, CancellationToken ct = default)
    {
        await rights.DemandCheckInAsync(actor, eventId, ct);
        return await LoadAsync(eventId, paper, query =>
        {
            if (filter.State is { } state) query = query.Where(r => r.State == state);
            if (filter.CategoryId == BadgeFilter.NoCategory) query = query.Where(r => r.CategoryId == null);
            else if (filter.CategoryId is { } categoryId) query = query.Where(r => r.CategoryId == categoryId);
            return query;
        }, filter.Band, ct);
    }

    /// <summary>The badges of the given registrations of the event, for a queued build (its rights were asked when it was queued).</summary>
    internal Task<BadgeSheet?> SheetOfAsync(int eventId, IReadOnlyCollection<int> registrationIds, BadgePaper paper, CancellationToken ct) =>
        LoadAsync(eventId, paper, query => query.Where(r => registrationIds.Contains(r.Id)), null, ct);

    private async Task<BadgeSheet?> LoadAsync(int eventId, BadgePaper paper, Func<IQueryable<Registration>, IQueryable<Registration>> select, BadgeBand? band, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().Where(e => e.Id == eventId).Select(e => new { e.Title, e.TitleEn, e.LogoFile }).FirstOrDefaultAsync(ct);
        if (ev is null) return null;
        var query = select(db.Registrations.AsNoTracking().Where(r => r.EventId == eventId));
        var rows = await query.OrderByChinese(db, r => r.Name).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Name, r.Organization, r.Title, r.Email, r.BadgeVersion, r.CategoryId }).ToListAsync(ct);
        var styles = await StylesAsync(db, eventId, ct);
        var banded = await bands.BandsAsync(eventId, rows.Select(r => (r.Id, r.Email)).ToList(), ct);
        var badges = rows
            .Select(r => Badge(r.Id, r.Name, r.Organization, r.Title, banded.GetValueOrDefault(r.Id), r.BadgeVersion,
                r.CategoryId is { } c && styles.TryGetValue(c, out var style) ? style : null))
            .Where(b => band is null || b.Band == band)
            .ToList();
        return new BadgeSheet(eventId, ev.Title, ev.TitleEn, paper, badges) { Logo = StoredImages.DataUri(files, EventLogos.Folder, ev.LogoFile) };
    }

    /// <summary>
    /// Each category's badge design, by category id. The category wins over the speaker band: a speaker registered in a
    /// category prints that category's band (the organizer chose it, and can make a 报告人 category); only a speaker without a category prints the speaker band.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, BadgeStyle>> StylesAsync(EventsDbContext db, int eventId, CancellationToken ct)
    {
        var categories = await db.RegistrationCategories.AsNoTracking().Where(c => c.EventId == eventId).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
        return categories.Select((c, i) => BadgeStyle.Of(c, i)).ToDictionary(s => s.CategoryId!.Value);
    }

    /// <summary>Whether the event has a logo on file (the file itself is only ever printed onto its badges).</summary>
    public async Task<bool> HasLogoAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await rights.DemandCheckInAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Events.AnyAsync(e => e.Id == eventId && e.LogoFile != null, ct);
    }

    /// <summary>
    /// Stores the event's logo for its badges (organizers of the event): PNG or JPEG by magic bytes, at most
    /// <see cref="EventLogos.MaxBytes"/>, re-encoded, in the file store; the old one is deleted. Returns why it was refused, or None.
    /// </summary>
    public async Task<ImageProblem> UploadLogoAsync(Actor actor, int eventId, Stream content, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var ev = await db.Events.FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (ev is null) return ImageProblem.NotFound;
        var (problem, stored) = await StoredImages.SaveAsync(files, EventLogos.Folder, content, EventLogos.MaxBytes, EventLogos.MaxSide, ct);
        if (stored is null) return problem;
        // Only the logo column changes: the event's concurrency stamp guards its edit form, which a logo does not clash with.
        var old = ev.LogoFile;
        await db.Events.Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.LogoFile, stored), ct);
        if (old is not null) files.Delete(EventLogos.Folder, old);
        return ImageProblem.None;
    }

    public async Task RemoveLogoAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var old = await db.Events.Where(e => e.Id == eventId).Select(e => e.LogoFile).FirstOrDefaultAsync(ct);
        if (old is null) return;
        await db.Events.Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.LogoFile, (string?)null), ct);
        files.Delete(EventLogos.Folder, old);
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

    /// <summary>A badge with its signed QR; <paramref name="style"/> is its category's design, or null for the band's.</summary>
    public BadgeView Badge(int registrationId, string name, string organization, string title, BadgeBand band, int version, BadgeStyle? style = null)
    {
        var subject = new SignedSubject(SignedCodePurposes.Badge, registrationId, version);
        return new BadgeView(registrationId, name, organization, title, band, Url(codes.Token(subject)), codes.ShortCode(subject), version) { Style = style ?? BadgeStyle.Of(band) };
    }
}
