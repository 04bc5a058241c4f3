using System.Globalization;
using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.Attendees.Forms;
using Events.Core.Attendees.Notices;
using Events.Core.Common;
using Events.Core.Events;
using Events.Core.Mail;
using Events.Core.Security;
using Events.Core.Validation;
using Events.Infrastructure.Access;
using Events.Infrastructure.Attendees;
using Events.Infrastructure.Data;
using Events.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Notices;

public sealed record InvitationListItem(int Id, string Name, string Email, string? Organization, string MaskedMobile, DateTimeOffset? SentAt, bool Registered);

public sealed record InvitationAddResult(int Added, int AlreadyInvited, int AlreadyRegistered);

/// <summary>
/// Invitations to register (邀请报名) for people who have not registered yet: added from the people list or pasted
/// addresses, mailed as one held batch, each with a personal link to the registration page that pre-fills the form
/// (name, email, unit, mobile). The link carries a signed token (<see cref="ISignedCodes"/>, purpose <see cref="SignedCodePurposes.RegistrationInvitation"/>) that
/// cannot be guessed or edited.
/// </summary>
public sealed class InvitationService(
    IDbContextFactory<EventsDbContext> factory, EventRights rights, Outbox outbox, ISignedCodes codes, PersonalDataProtector protector, TimeProvider clock)
{
    public static string RelatedEntity(int invitationId) => string.Create(CultureInfo.InvariantCulture, $"Invitation:{invitationId}");

    public static string Link(string slug, string token) => $"/events/{slug}/register?invite={Uri.EscapeDataString(token)}";

    public async Task<PagedResult<InvitationListItem>> SearchAsync(int eventId, PageRequest page, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = db.EventInvitations.AsNoTracking().Where(i => i.EventId == eventId && !i.Withdrawn);
        if (page.Term is { } term) rows = rows.Where(i => i.Name.Contains(term) || i.Email.Contains(term) || (i.Organization != null && i.Organization.Contains(term)));
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(i => i.Id).Skip(page.Skip).Take(page.Take)
            .Select(i => new
            {
                i.Id, i.Name, i.Email, i.Organization, i.Mobile, i.SentAt,
                Registered = db.Registrations.Any(r => r.EventId == eventId && RegistrationStates.Open.Contains(r.State) && r.Email.ToLower() == i.Email),
            }).ToListAsync(ct);
        return new PagedResult<InvitationListItem>(
            items.Select(i => new InvitationListItem(i.Id, i.Name, i.Email, i.Organization, ChineseIdentifiers.MaskMobile(protector.Unprotect(i.Mobile)), i.SentAt, i.Registered)).ToList(),
            total);
    }

    public async Task<int> UnsentCountAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.EventInvitations.CountAsync(i => i.EventId == eventId && !i.Withdrawn && i.SentAt == null, ct);
    }

    /// <summary>Adds invitees; an address already invited, or already registered for the event, is skipped and counted.</summary>
    public async Task<InvitationAddResult> AddAsync(Actor actor, int eventId, IReadOnlyList<InviteeInput> people, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(people);
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var invited = (await db.EventInvitations.Where(i => i.EventId == eventId).Select(i => i.Email).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var registered = (await db.Registrations.Where(r => r.EventId == eventId && RegistrationStates.Open.Contains(r.State)).Select(r => r.Email).ToListAsync(ct))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        int added = 0, already = 0, isRegistered = 0;
        var now = clock.GetUtcNow();
        foreach (var p in people.Take(EventInvitation.MaxPerBatch))
        {
            var email = p.Email.Trim().ToLowerInvariant();
            if (!EmailRules.IsBareAddress(email) || string.IsNullOrWhiteSpace(p.Name)) continue;
            if (registered.Contains(email))
            {
                isRegistered++;
                continue;
            }
            if (!invited.Add(email))
            {
                already++;
                continue;
            }
            db.EventInvitations.Add(new EventInvitation
            {
                EventId = eventId, Email = email, Name = Cut(p.Name.Trim(), FieldLimits.PersonName)!, Organization = Cut(p.Organization?.Trim(), FieldLimits.OrganizationName),
                Title = Cut(p.Title?.Trim(), FieldLimits.Title), Mobile = protector.Protect(ChineseIdentifiers.NormalizeMobile(p.Mobile)), PersonId = p.PersonId, CreatedAt = now,
            });
            added++;
        }
        await db.SaveChangesAsync(ct);
        return new InvitationAddResult(added, already, isRegistered);
    }

    /// <summary>People of the people list by id, with their email, unit and mobile, for <see cref="AddAsync"/>.</summary>
    public async Task<IReadOnlyList<InviteeInput>> FromPeopleAsync(IReadOnlyCollection<int> personIds, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id) && p.Email != null)
            .Include(p => p.Positions).ThenInclude(x => x.Organization).ToListAsync(ct);
        return people.Select(p =>
        {
            var first = p.Positions.OrderBy(x => x.Order).FirstOrDefault();
            return new InviteeInput(p.Name, p.Email!, first?.Organization?.Name, first?.Title, ChineseIdentifiers.NormalizeMobile(p.Phone), p.Id);
        }).ToList();
    }

    /// <summary>Withdraws an invitation: its link stops working (the version moves on) and it leaves the invited segment.</summary>
    public async Task<bool> WithdrawAsync(Actor actor, int eventId, int invitationId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.EventInvitations.Where(i => i.Id == invitationId && i.EventId == eventId && !i.Withdrawn)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Withdrawn, true).SetProperty(i => i.Version, i => i.Version + 1), ct) == 1;
    }

    /// <summary>Queues the invitation mail for every invitee not mailed yet, as one held batch; the count queued.</summary>
    public async Task<(Guid BatchId, int Queued)> SendAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (ev is null) return (Guid.Empty, 0);
        var pending = await db.EventInvitations.Where(i => i.EventId == eventId && !i.Withdrawn && i.SentAt == null).OrderBy(i => i.Id).ToListAsync(ct);
        if (pending.Count == 0) return (Guid.Empty, 0);
        var batch = Guid.NewGuid();
        var now = clock.GetUtcNow();
        foreach (var i in pending)
        {
            var culture = i.Name.Any(c => c > 0x2E7F) ? "zh-CN" : "en";
            var token = codes.Token(new SignedSubject(SignedCodePurposes.RegistrationInvitation, i.Id, i.Version));
            await outbox.EnqueueAsync(db, MailTemplateKeys.EventInvitation, new MailRecipient(i.Email, i.Name, culture), new Dictionary<string, string>
            {
                ["name"] = i.Name,
                ["eventTitle"] = ev.Title,
                ["eventDates"] = EventDateText.Format(ev.StartDate, ev.EndDate, CultureInfo.GetCultureInfo(culture)),
                ["eventLink"] = outbox.Options.Link($"/events/{ev.Slug}"),
                ["link"] = outbox.Options.Link(Link(ev.Slug, token)),
            }, eventId, RelatedEntity(i.Id), batch, ct: ct);
            i.SentAt = now;
        }
        await db.SaveChangesAsync(ct);
        return (batch, pending.Count);
    }

    /// <summary>
    /// What a genuine, current invitation link of this event pre-fills; null for anything else (guessed, edited, another
    /// event's, withdrawn). Read-only: opening the link changes nothing.
    /// </summary>
    public async Task<InvitationPrefill?> PrefillAsync(int eventId, string? token, CancellationToken ct = default)
    {
        if (codes.Parse(token) is not { IsShortCode: false } claim) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var i = await db.EventInvitations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == claim.SubjectId && x.EventId == eventId && !x.Withdrawn, ct);
        if (i is null || codes.Check(SignedCodePurposes.RegistrationInvitation, i.Id, i.Version, token) != SignedCodeCheck.Valid) return null;
        return new InvitationPrefill(i.Name, i.Email, i.Organization, i.Title, protector.Unprotect(i.Mobile));
    }

    /// <summary>
    /// The registration page's one hook: sets the form's initial values from a genuine invitation link (the 回执's ready-made
    /// unit, position and mobile answers too). Returns false, changing nothing, when the token is not genuine.
    /// </summary>
    public async Task<bool> ApplyAsync(int eventId, string? token, RegistrationInput form, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await PrefillAsync(eventId, token, ct) is not { } p) return false;
        form.Name = p.Name;
        form.Email = p.Email;
        if (p.Organization is not null)
        {
            form.Organization = p.Organization;
            form.Answers[ReplyFieldKeys.Employer] = p.Organization;
        }
        if (p.Title is not null)
        {
            form.Title = p.Title;
            form.Answers[ReplyFieldKeys.Position] = p.Title;
        }
        if (p.Mobile is not null)
        {
            form.Phone = p.Mobile;
            form.Answers[ReplyFieldKeys.Mobile] = p.Mobile;
        }
        return true;
    }

    private static string? Cut(string? s, int max) => string.IsNullOrEmpty(s) ? null : s.Length <= max ? s : s[..max];
}
