using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.Attendees.Fees;
using Events.Core.Attendees.Forms;
using Events.Core.OnSite;
using Events.Core.Security;
using Events.Infrastructure.Access;
using Events.Infrastructure.Attendees;
using Events.Infrastructure.Data;
using Events.Infrastructure.LiveUpdates;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.OnSite;

public enum CheckInOutcome
{
    /// <summary>Let in now.</summary>
    CheckedIn,

    /// <summary>Let in earlier (this or another device): nothing counted again.</summary>
    AlreadyCheckedIn,

    /// <summary>A lost badge's QR: the badge was reprinted since.</summary>
    Superseded,

    /// <summary>The registration was cancelled.</summary>
    Cancelled,

    /// <summary>The scan named a session of the event that the organizer did not choose for check-in (<see cref="Core.Program.Session.TakesCheckIn"/>).</summary>
    NotACheckInSession,

    /// <summary>Not a badge of this event: forged, edited, another event's, or unreadable.</summary>
    Invalid,
}

/// <summary>The person as the door sees them. The mobile is masked (138****5678).</summary>
public sealed record CheckInPerson(int RegistrationId, string Name, string Organization, string Title, BadgeBand Band, string? MaskedPhone, RegistrationState State)
{
    /// <summary>What the door should know before letting the person in; null on lists (search hits, the export).</summary>
    public CheckInNotes? Notes { get; init; }

    /// <summary>The badge's design (its category's colour and label), for the card; null for the band's.</summary>
    public BadgeStyle? Style { get; init; }
}

/// <summary>
/// The notes on a scan's card: the registration category (特邀嘉宾 …), the diet from the 回执 (a key of
/// <see cref="ReplyFieldKeys.Diet"/> other than "no special diet", with the detail for "other"), and the fee's
/// payment state when the registration owes a fee or one was recorded (null for a free registration).
/// </summary>
public sealed record CheckInNotes(string? Category, string? CategoryEn, string? Diet, string? DietDetail, PaymentState? Payment)
{
    /// <summary>The organizers' note for the door (<see cref="Registration.DoorNote"/>: VIP 接待, access needs), or null.</summary>
    public string? DoorNote { get; init; }
}

/// <summary>A session of the event, and whether the organizer chose it for session check-in.</summary>
public sealed record CheckInSessionChoice(int Id, string Title, string? TitleEn, DateTimeOffset Start, string? Room, bool TakesCheckIn);

/// <summary>A scan's answer. <see cref="At"/> is the (first) check-in time in the event's time zone.</summary>
public sealed record CheckInResult(CheckInOutcome Outcome, CheckInPerson? Person, DateTimeOffset? At, string? ByName)
{
    public static readonly CheckInResult Invalid = new(CheckInOutcome.Invalid, null, null, null);
}

public sealed record CheckInCount(BadgeBand Band, int CheckedIn, int Registered)
{
    /// <summary>The registration category counted (its badge design and label); null for those without a category, counted by band.</summary>
    public BadgeStyle? Category { get; init; }
}

public sealed record CheckInSearchHit(CheckInPerson Person, DateTimeOffset? CheckedInAt);

/// <summary>
/// Check-in at the door (签到). Idempotent: the database holds one check-in per registration and place
/// (<see cref="Data.Configurations.CheckInConfiguration.OncePerPlace"/>) and one per client scan id, so a double
/// scan, two staff phones at once or a replayed offline scan all count once and answer with the first check-in.
/// </summary>
public sealed class CheckInService(IDbContextFactory<EventsDbContext> factory, EventRights rights, ISignedCodes codes, IBadgeBands bands, ILiveUpdates live, TimeProvider clock,
    PersonalDataProtector personalData)
{
    public const string Topic = "checkins";
    public const int MaxClientScanId = 64;

    /// <summary>The token inside what was scanned: a badge URL (…/b/{token}), a token, or a typed short code.</summary>
    public static string ExtractCode(string scanned)
    {
        var text = scanned.Trim();
        var at = text.LastIndexOf("/b/", StringComparison.Ordinal);
        if (at >= 0) text = text[(at + 3)..];
        var end = text.IndexOfAny(['?', '#', '/']);
        return end >= 0 ? text[..end] : text;
    }

    /// <summary>
    /// Checks in the person a scanned badge names. <paramref name="scannedAt"/> is when the device scanned it: a scan kept
    /// offline and sent later is recorded at that time (see <see cref="RecordedAt"/>), not when it arrived.
    /// </summary>
    public async Task<CheckInResult> ScanAsync(Actor actor, int eventId, string scanned, string? clientScanId, CheckInMethod method, int sessionId = CheckIn.Entrance,
        DateTimeOffset? scannedAt = null, CancellationToken ct = default)
    {
        await rights.DemandCheckInAsync(actor, eventId, ct);
        if (string.IsNullOrWhiteSpace(scanned) || scanned.Length > 500) return CheckInResult.Invalid;
        var code = ExtractCode(scanned);
        if (codes.Parse(code) is not { } claim) return CheckInResult.Invalid;
        await using var db = await factory.CreateDbContextAsync(ct);
        var registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == claim.SubjectId && r.EventId == eventId, ct);
        if (registration is null) return CheckInResult.Invalid;
        var check = codes.Check(SignedCodePurposes.Badge, registration.Id, registration.BadgeVersion, code);
        if (check == SignedCodeCheck.Invalid) return CheckInResult.Invalid;
        var person = await PersonAsync(eventId, registration, ct);
        if (check == SignedCodeCheck.Superseded) return new CheckInResult(CheckInOutcome.Superseded, person, null, null);
        return await LetInAsync(actor, eventId, registration, person, clientScanId, method, sessionId, scannedAt, ct);
    }

    /// <summary>Checks in a registration found by name or mobile (no badge at hand).</summary>
    public async Task<CheckInResult> CheckInAsync(Actor actor, int eventId, int registrationId, string? clientScanId, int sessionId = CheckIn.Entrance,
        DateTimeOffset? scannedAt = null, CancellationToken ct = default)
    {
        await rights.DemandCheckInAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == registrationId && r.EventId == eventId, ct);
        if (registration is null) return CheckInResult.Invalid;
        return await LetInAsync(actor, eventId, registration, await PersonAsync(eventId, registration, ct), clientScanId, CheckInMethod.Search, sessionId, scannedAt, ct);
    }

    /// <summary>How far back a device's own scan time is believed: a phone offline for a whole event day still counts its scans when they were made.</summary>
    public static readonly TimeSpan OfflineWindow = TimeSpan.FromHours(48);

    /// <summary>
    /// The time a check-in is recorded at: the device's scan time when it lies in the last <see cref="OfflineWindow"/> and not
    /// in the future (a device clock ahead of the server's, or a forged time, falls back to the server's clock).
    /// </summary>
    public static DateTimeOffset RecordedAt(DateTimeOffset now, DateTimeOffset? scannedAt) =>
        scannedAt is { } at && at <= now && now - at <= OfflineWindow ? at.ToUniversalTime() : now;

    private async Task<CheckInResult> LetInAsync(Actor actor, int eventId, Registration registration, CheckInPerson person, string? clientScanId,
        CheckInMethod method, int sessionId, DateTimeOffset? scannedAt, CancellationToken ct)
    {
        if (clientScanId is { Length: > MaxClientScanId }) clientScanId = null;
        if (sessionId != CheckIn.Entrance)
        {
            // Only the sessions the organizer chose take check-in: another session of the event is refused, anything else is not ours.
            var takes = await SessionTakesCheckInAsync(eventId, sessionId, ct);
            if (takes is null) return CheckInResult.Invalid;
            if (takes == false) return new CheckInResult(CheckInOutcome.NotACheckInSession, person, null, null);
        }
        if (await ExistingAsync(registration.Id, sessionId, eventId, ct) is { } earlier)
        {
            return new CheckInResult(earlier.ClientScanId is not null && earlier.ClientScanId == clientScanId ? CheckInOutcome.CheckedIn : CheckInOutcome.AlreadyCheckedIn,
                person, earlier.At, earlier.ByName);
        }
        if (registration.State != RegistrationState.Active) return new CheckInResult(CheckInOutcome.Cancelled, person, null, null);

        await using var db = await factory.CreateDbContextAsync(ct);
        var byName = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.DisplayName ?? u.UserName).FirstOrDefaultAsync(ct) ?? actor.UserId;
        if (clientScanId is not null && await db.CheckIns.AnyAsync(c => c.ClientScanId == clientScanId, ct)) clientScanId = null; // a reused id: still count once per person
        var row = new CheckIn
        {
            EventId = eventId, RegistrationId = registration.Id, SessionId = sessionId, CheckedInAt = RecordedAt(clock.GetUtcNow(), scannedAt),
            ByUserId = actor.UserId, ByName = byName.Length > 100 ? byName[..100] : byName, ClientScanId = clientScanId, Method = method,
        };
        db.CheckIns.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another phone let the same person in between the read above and this write: theirs counts.
            if (await ExistingAsync(registration.Id, sessionId, eventId, ct) is { } theirs)
            {
                return new CheckInResult(CheckInOutcome.AlreadyCheckedIn, person, theirs.At, theirs.ByName);
            }
            throw;
        }
        live.Notify(Topic, eventId);
        return new CheckInResult(CheckInOutcome.CheckedIn, person, await LocalAsync(eventId, row.CheckedInAt, ct), row.ByName);
    }

    private sealed record Earlier(DateTimeOffset At, string ByName, string? ClientScanId);

    private async Task<Earlier?> ExistingAsync(int registrationId, int sessionId, int eventId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.CheckIns.AsNoTracking().Where(c => c.RegistrationId == registrationId && c.SessionId == sessionId)
            .Select(c => new { c.CheckedInAt, c.ByName, c.ClientScanId }).FirstOrDefaultAsync(ct);
        return row is null ? null : new Earlier(await LocalAsync(eventId, row.CheckedInAt, ct), row.ByName, row.ClientScanId);
    }

    /// <summary>Whether the event's session takes check-in; null when it is not a session of the event.</summary>
    private async Task<bool?> SessionTakesCheckInAsync(int eventId, int sessionId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Sessions.Where(s => s.Id == sessionId && s.EventId == eventId).Select(s => (bool?)s.TakesCheckIn).FirstOrDefaultAsync(ct);
    }

    /// <summary>An instant in the event's time zone (Asia/Shanghai unless the event names another).</summary>
    public async Task<DateTimeOffset> LocalAsync(int eventId, DateTimeOffset instant, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var zoneId = await db.Events.Where(e => e.Id == eventId).Select(e => e.TimeZoneId).FirstOrDefaultAsync(ct) ?? Core.Events.Event.DefaultTimeZone;
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(instant, zone);
    }

    private async Task<CheckInPerson> PersonAsync(int eventId, Registration r, CancellationToken ct)
    {
        var band = (await bands.BandsAsync(eventId, [(r.Id, r.Email)], ct)).GetValueOrDefault(r.Id);
        await using var db = await factory.CreateDbContextAsync(ct);
        var category = r.CategoryId is { } categoryId
            ? await db.RegistrationCategories.AsNoTracking().Where(c => c.Id == categoryId).Select(c => new { c.Name, c.NameEn }).FirstOrDefaultAsync(ct)
            : null;
        var diet = await db.RegistrationAnswers.AsNoTracking()
            .Where(a => a.RegistrationId == r.Id && !a.IsProtected && (a.FieldKey == ReplyFieldKeys.Diet || a.FieldKey == ReplyFieldKeys.DietDetail))
            .ToDictionaryAsync(a => a.FieldKey, a => a.Value, ct);
        var payment = await db.FeeRecords.AsNoTracking().Where(f => f.RegistrationId == r.Id).Select(f => (PaymentState?)f.State).FirstOrDefaultAsync(ct);
        if (payment is null && r.FeeAmount > 0) payment = PaymentState.Unpaid;
        var dietKey = diet.GetValueOrDefault(ReplyFieldKeys.Diet);
        if (string.IsNullOrWhiteSpace(dietKey) || dietKey == ReplyFieldKeys.DietNormal) dietKey = null;
        var notes = new CheckInNotes(category?.Name, category?.NameEn, dietKey, dietKey == ReplyFieldKeys.DietOther ? diet.GetValueOrDefault(ReplyFieldKeys.DietDetail) : null, payment)
        {
            DoorNote = r.DoorNote,
        };
        var style = r.CategoryId is { } id && (await BadgeService.StylesAsync(db, eventId, ct)).TryGetValue(id, out var s) ? s : null;
        return new CheckInPerson(r.Id, r.Name, r.Organization, r.Title, band, Masked(r.Phone), r.State) { Notes = notes, Style = style };
    }

    /// <summary>The stored (protected) phone, read and masked.</summary>
    private string? Masked(string? stored) => MaskPhone(personalData.Unprotect(stored));

    /// <summary>138****5678: enough for the door to confirm with the person, not enough to copy.</summary>
    public static string? MaskPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var p = phone.Trim();
        return p.Length <= 7 ? new string('*', p.Length) : p[..3] + new string('*', p.Length - 7) + p[^4..];
    }

    /// <summary>
    /// Whether a typed run of digits finds a mobile: anywhere in it for those who see mobiles in full; otherwise only the
    /// whole number or, typed as four digits, its last four (what the masked mobile shows anyway).
    /// </summary>
    public static bool MobileMatches(string phone, string digits, bool fullPersonalData)
    {
        var number = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (fullPersonalData) return number.Contains(digits, StringComparison.Ordinal);
        // 11 digits and more: the whole mobile (after a +86 the number still ends with them).
        return (digits.Length == 4 || digits.Length >= 11) && number.EndsWith(digits, StringComparison.Ordinal);
    }

    /// <summary>
    /// Active registrations whose name contains the term or whose mobile matches its digits (at least four; see
    /// <see cref="MobileMatches"/>), at most 20.
    /// </summary>
    public async Task<IReadOnlyList<CheckInSearchHit>> SearchAsync(Actor actor, int eventId, string? term, int sessionId = CheckIn.Entrance, CancellationToken ct = default)
    {
        await rights.DemandCheckInAsync(actor, eventId, ct);
        var text = term?.Trim() ?? "";
        if (text.Length == 0 || text.Length > 100) return [];
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.Registrations.AsNoTracking().Where(r => r.EventId == eventId && r.State == RegistrationState.Active);
        if (digits.Length >= 4 && digits.Length == text.Length)
        {
            // Phones are stored protected, so the digits are matched on the read values, not in SQL. Staff who see them
            // masked (138****5678) find by the whole number or its last four digits only: any other run of digits would
            // read the masked ones back, a search at a time.
            var full = await rights.MaySeePersonalDataAsync(actor, eventId, ct);
            var phones = await query.Where(r => r.Phone != null).Select(r => new { r.Id, r.Phone }).ToListAsync(ct);
            var matching = phones.Where(p => personalData.Unprotect(p.Phone) is { } phone && MobileMatches(phone, digits, full)).Select(p => p.Id).ToList();
            query = query.Where(r => matching.Contains(r.Id));
        }
        else
        {
            query = query.Where(r => r.Name.Contains(text));
        }
        var rows = await query.OrderByChinese(db, r => r.Name).ThenBy(r => r.Id).Take(20).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var times = await db.CheckIns.Where(c => ids.Contains(c.RegistrationId) && c.SessionId == sessionId)
            .Select(c => new { c.RegistrationId, c.CheckedInAt }).ToDictionaryAsync(c => c.RegistrationId, c => c.CheckedInAt, ct);
        var banded = await bands.BandsAsync(eventId, rows.Select(r => (r.Id, r.Email)).ToList(), ct);
        var hits = new List<CheckInSearchHit>();
        foreach (var r in rows)
        {
            var person = new CheckInPerson(r.Id, r.Name, r.Organization, r.Title, banded.GetValueOrDefault(r.Id), Masked(r.Phone), r.State);
            hits.Add(new CheckInSearchHit(person, times.TryGetValue(r.Id, out var at) ? await LocalAsync(eventId, at, ct) : null));
        }
        return hits;
    }

    /// <summary>
    /// Checked in and registered per registration category, in the categories' order (each with its badge design), then
    /// those without a category per band (speaker, delegate): the live counts at the door.
    /// </summary>
    public async Task<IReadOnlyList<CheckInCount>> CountsAsync(Actor actor, int eventId, int sessionId = CheckIn.Entrance, CancellationToken ct = default)
    {
        await rights.DemandCheckInAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Registrations.AsNoTracking().Where(r => r.EventId == eventId && r.State == RegistrationState.Active)
            .Select(r => new { r.Id, r.Email, r.CategoryId }).ToListAsync(ct);
        var checkedIn = (await db.CheckIns.Where(c => c.EventId == eventId && c.SessionId == sessionId).Select(c => c.RegistrationId).ToListAsync(ct)).ToHashSet();
        var styles = await BadgeService.StylesAsync(db, eventId, ct);
        var order = styles.Keys.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var inCategory = rows.Where(r => r.CategoryId is { } c && styles.ContainsKey(c)).ToList();
        var uncategorized = rows.Except(inCategory).ToList();
        var banded = await bands.BandsAsync(eventId, uncategorized.Select(r => (r.Id, r.Email)).ToList(), ct);
        var byCategory = inCategory.GroupBy(r => r.CategoryId!.Value).OrderBy(g => order[g.Key])
            .Select(g => new CheckInCount(BadgeBand.Delegate, g.Count(r => checkedIn.Contains(r.Id)), g.Count()) { Category = styles[g.Key] });
        var byBand = uncategorized.GroupBy(r => banded.GetValueOrDefault(r.Id)).OrderBy(g => g.Key)
            .Select(g => new CheckInCount(g.Key, g.Count(r => checkedIn.Contains(r.Id)), g.Count()));
        return byCategory.Concat(byBand).ToList();
    }

    /// <summary>The event's sessions a door can check people into (those the organizer chose), in time order (title and local start).</summary>
    public async Task<IReadOnlyList<(int Id, string Title, DateTimeOffset Start)>> SessionsAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Sessions.AsNoTracking().Where(s => s.EventId == eventId && s.TakesCheckIn).Select(s => new { s.Id, s.Title, s.Start }).ToListAsync(ct);
        var result = new List<(int, string, DateTimeOffset)>();
        foreach (var s in rows.OrderBy(s => s.Start).ThenBy(s => s.Id)) result.Add((s.Id, s.Title, await LocalAsync(eventId, s.Start, ct)));
        return result;
    }

    /// <summary>All the event's sessions in time order, each saying whether it takes check-in: the organizer's choice of check-in sessions.</summary>
    public async Task<IReadOnlyList<CheckInSessionChoice>> SessionChoicesAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await rights.DemandCheckInAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Sessions.AsNoTracking().Where(s => s.EventId == eventId)
            .Select(s => new { s.Id, s.Title, s.TitleEn, s.Start, Room = s.Room == null ? null : s.Room.Name, s.TakesCheckIn }).ToListAsync(ct);
        var result = new List<CheckInSessionChoice>();
        foreach (var s in rows.OrderBy(s => s.Start).ThenBy(s => s.Id)) result.Add(new(s.Id, s.Title, s.TitleEn, await LocalAsync(eventId, s.Start, ct), s.Room, s.TakesCheckIn));
        return result;
    }

    /// <summary>Chooses whether a session of the event takes check-in (organizers of the event); false when it is not a session of the event.</summary>
    public async Task<bool> SetSessionCheckInAsync(Actor actor, int eventId, int sessionId, bool takesCheckIn, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        // Only this flag changes: the session's concurrency stamp guards the program editor's form, which it does not clash with.
        return await db.Sessions.Where(s => s.Id == sessionId && s.EventId == eventId).ExecuteUpdateAsync(s => s.SetProperty(x => x.TakesCheckIn, takesCheckIn), ct) > 0;
    }

    /// <summary>
    /// Every check-in of the event (entrance and sessions) for the xlsx export, in time order; a session's check-in
    /// carries the session's title (null at the entrance).
    /// </summary>
    public async Task<IReadOnlyList<(CheckInPerson Person, DateTimeOffset At, string ByName, int SessionId, string? SessionTitle)>> ExportRowsAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await rights.DemandCheckInAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await (from c in db.CheckIns.AsNoTracking()
                          join r in db.Registrations.AsNoTracking() on c.RegistrationId equals r.Id
                          where c.EventId == eventId
                          select new { c.CheckedInAt, c.ByName, c.SessionId, Registration = r }).ToListAsync(ct);
        var banded = await bands.BandsAsync(eventId, rows.Select(r => (r.Registration.Id, r.Registration.Email)).Distinct().ToList(), ct);
        var titles = await db.Sessions.AsNoTracking().Where(s => s.EventId == eventId).ToDictionaryAsync(s => s.Id, s => s.Title, ct);
        var result = new List<(CheckInPerson, DateTimeOffset, string, int, string?)>();
        foreach (var row in rows.OrderBy(r => r.CheckedInAt))
        {
            var r = row.Registration;
            result.Add((new CheckInPerson(r.Id, r.Name, r.Organization, r.Title, banded.GetValueOrDefault(r.Id), Masked(r.Phone), r.State),
                await LocalAsync(eventId, row.CheckedInAt, ct), row.ByName, row.SessionId, titles.GetValueOrDefault(row.SessionId)));
        }
        return result;
    }
}
