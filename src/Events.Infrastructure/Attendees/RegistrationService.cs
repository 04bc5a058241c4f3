using Events.Core.Access;
using Events.Infrastructure.Access;
using System.Globalization;
using Events.Core.Attendees;
using Events.Core.Certificates;
using Events.Core.Attendees.Forms;
using Events.Core.Events;
using Events.Core.Mail;
using Events.Core.Validation;
using Events.Infrastructure.Data;
using Events.Infrastructure.Files;
using Events.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Attendees;

/// <summary>
/// Registering for an event and cancelling, by the attendee or an organizer on their behalf; categories with their own
/// seats, fees and approval (审核); the 回执 answers; the registrant's own changes until the self-service deadline.
/// <para>
/// A seat is taken by one conditional update of <see cref="RegistrationSettings.SeatsTaken"/>
/// ("add one where the event is open and a seat is left") and, for a category with a capacity, one of
/// <see cref="RegistrationCategory.SeatsTaken"/>, in the same transaction as the registration row and its mail.
/// The database decides the last seat: SQLite runs one writing transaction at a time (Microsoft.Data.Sqlite
/// begins them IMMEDIATE), and SQL Server locks the row for the update and evaluates the condition on the
/// committed value, so a second request for the last seat finds it taken. A failed save rolls the counts back with
/// everything else. When a category is full, the registration is kept as 候补 (waiting, no seat) and the registrant told
/// by mail; without categories a full event refuses as before.
/// </para>
/// </summary>
public sealed class RegistrationService(
    IDbContextFactory<EventsDbContext> factory, Outbox outbox, TimeProvider clock, EventRights rights,
    PersonalDataProtector protector, FileStore files)
{
    /// <summary>Folder of the file store that holds 回执 uploads (student ID photos …), outside the web root.</summary>
    public const string FileFolder = "reply-files";

    /// <summary>The page's view of a published event; null for an unknown or unpublished one.</summary>
    public async Task<RegistrationOverview?> OverviewAsync(string slug, string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == slug && e.Status == EventStatus.Published, ct);
        if (ev is null) return null;
        var settings = await db.RegistrationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.EventId == ev.Id, ct);
        var active = await db.Registrations.Where(r => r.EventId == ev.Id && r.UserId == userId && RegistrationStates.Open.Contains(r.State))
            .Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        var refusal = RegistrationRules.Refusal(ev.IsPublic, settings, active is not null, now, EventEnd.HasEnded(ev.EndDate, ev.TimeZoneId, now));
        return new RegistrationOverview(ev.Id, ev.Slug, ev.Title, ev.StartDate, ev.EndDate, ev.TimeZoneId,
            settings?.Capacity, settings?.SeatsTaken ?? 0, settings?.ClosesAt, refusal, active, await PrefillAsync(db, userId, ct))
        {
            Categories = await OpenCategoriesAsync(db, ev.Id, ct),
            Form = ReplyFormDefinition.Parse(await db.ReplyForms.Where(f => f.EventId == ev.Id).Select(f => f.DefinitionJson).FirstOrDefaultAsync(ct)),
        };
    }

    /// <summary>
    /// Registers the user; refused with the reason when the event is closed, over, full or already has their
    /// registration; invalid (nothing written) when the form or the 回执 has errors.
    /// </summary>
    public async Task<RegistrationResult> RegisterAsync(int eventId, string userId, RegistrationInput input, CancellationToken ct = default)
    {
        var errors = input.Validate().ToList();
        EventFacts facts;
        await using (var read = await factory.CreateDbContextAsync(ct))
        {
            var loaded = await LoadFactsAsync(read, eventId, ct);
            if (loaded is null) return RegistrationResult.NotFound;
            facts = loaded;
        }
        var category = CheckCategory(facts, input.CategoryId, errors);
        var (answers, stored) = await CheckAnswersAsync(facts.Form, input, existing: null, errors, ct);
        if (errors.Count > 0)
        {
            DeleteFiles(stored);
            return RegistrationResult.Invalid(errors);
        }

        var result = await TakeSeatAsync(facts, userId, input, category, answers, ct);
        if (result.Outcome != RegistrationOutcome.Registered) DeleteFiles(stored);
        return result;
    }

    private async Task<RegistrationResult> TakeSeatAsync(EventFacts facts, string userId, RegistrationInput input,
        RegistrationCategory? category, IReadOnlyDictionary<string, string> answers, CancellationToken ct)
    {
        var eventId = facts.Event.Id;
        await using var outer = await factory.CreateDbContextAsync(ct);
        var full = false;
        var result = await outer.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            full = false;
            await using var db = await factory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var settings = await db.RegistrationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.EventId == eventId, ct);
            var already = await HasOpenAsync(db, eventId, userId, ct);
            var now = clock.GetUtcNow();
            if (Refusal(facts.Event, settings, already, now) is { } refusal)
            {
                full = refusal == RegistrationRefusal.Full;
                return RegistrationResult.Refused(refusal);
            }

            var seat = await db.RegistrationSettings.Where(s => s.EventId == eventId).Where(RegistrationRules.HasSeatAt(now))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.SeatsTaken, x => x.SeatsTaken + 1), ct);
            if (seat > 0 && category is not null)
            {
                seat = await db.RegistrationCategories.Where(c => c.Id == category.Id).Where(RegistrationRules.CategoryHasSeat())
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.SeatsTaken, x => x.SeatsTaken + 1), ct);
            }
            if (seat == 0)
            {
                // Someone took the last seat (or an organizer closed registration) after the read above.
                await tx.RollbackAsync(ct);
                var why = await CurrentRefusalAsync(facts.Event, userId, ct) ?? RegistrationRefusal.Full;
                full = why == RegistrationRefusal.Full;
                return RegistrationResult.Refused(why);
            }

            var state = category?.RequiresApproval == true ? RegistrationState.PendingApproval : RegistrationState.Active;
            var registration = NewRegistration(facts, userId, input, category, answers, state, now);
            db.Registrations.Add(registration);
            if (!await TrySaveUniqueAsync(db, tx, ct)) return RegistrationResult.Refused(RegistrationRefusal.AlreadyRegistered);
            await EnqueueAsync(db, state == RegistrationState.PendingApproval ? MailTemplateKeys.RegistrationPending : MailTemplateKeys.RegistrationConfirmed,
                registration, facts.Event, category, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return RegistrationResult.Registered(registration.Id, state);
        });
        // With categories a full event or category keeps the registrant as 候补 (waiting), told by mail.
        return full && facts.Categories.Count > 0 ? await WaitAsync(facts, userId, input, category, answers, ct) : result;
    }

    private async Task<RegistrationResult> WaitAsync(EventFacts facts, string userId, RegistrationInput input,
        RegistrationCategory? category, IReadOnlyDictionary<string, string> answers, CancellationToken ct)
    {
        await using var outer = await factory.CreateDbContextAsync(ct);
        return await outer.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow();
            if (await HasOpenAsync(db, facts.Event.Id, userId, ct)) return RegistrationResult.Refused(RegistrationRefusal.AlreadyRegistered);
            var registration = NewRegistration(facts, userId, input, category, answers, RegistrationState.Waiting, now);
            db.Registrations.Add(registration);
            if (!await TrySaveUniqueAsync(db, tx, ct)) return RegistrationResult.Refused(RegistrationRefusal.AlreadyRegistered);
            await EnqueueAsync(db, MailTemplateKeys.RegistrationWaiting, registration, facts.Event, category, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return RegistrationResult.Registered(registration.Id, RegistrationState.Waiting);
        });
    }

    private Registration NewRegistration(EventFacts facts, string userId, RegistrationInput input, RegistrationCategory? category,
        IReadOnlyDictionary<string, string> answers, RegistrationState state, DateTimeOffset now)
    {
        var registration = input.ToRegistration(facts.Event.Id, userId, now);
        registration.Phone = protector.Protect(registration.Phone);
        registration.State = state;
        registration.CategoryId = category?.Id;
        registration.FeeAmount = category?.FeeAt(now);
        registration.FormVersion = facts.FormVersion;
        foreach (var (key, value) in answers) registration.Answers.Add(Answer(facts, key, value));
        return registration;
    }

    private RegistrationAnswer Answer(EventFacts facts, string key, string value)
    {
        var sensitive = facts.Form.Find(key)?.IsSensitive == true;
        return new RegistrationAnswer
        {
            EventId = facts.Event.Id, FieldKey = key, IsProtected = sensitive, Value = sensitive ? protector.Protect(value) : value,
        };
    }

    /// <summary>
    /// The registrant edits their details and 回执 until the self-service deadline; an organizer of the event may do it
    /// for them at any time before the event ends. The category is not changed here.
    /// </summary>
    public async Task<ChangeResult> UpdateAsync(int registrationId, string userId, RegistrationInput input, CancellationToken ct = default) =>
        await UpdateWhereAsync(registrationId, r => r.UserId == userId, bySelf: true, input, ct);

    public async Task<ChangeResult> UpdateForAttendeeAsync(Actor actor, int eventId, int registrationId, RegistrationInput input, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        return await UpdateWhereAsync(registrationId, r => r.EventId == eventId, bySelf: false, input, ct);
    }

    private async Task<ChangeResult> UpdateWhereAsync(int registrationId, Func<Registration, bool> mayChange, bool bySelf, RegistrationInput input, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var registration = await db.Registrations.Include(r => r.Answers).FirstOrDefaultAsync(r => r.Id == registrationId, ct);
        if (registration is null || !mayChange(registration) || !RegistrationStates.IsOpen(registration.State)) return ChangeResult.NotFound;
        var facts = await LoadFactsAsync(db, registration.EventId, ct);
        if (facts is null) return ChangeResult.NotFound;
        var now = clock.GetUtcNow();
        var ended = EventEnd.HasEnded(facts.Event.EndDate, facts.Event.TimeZoneId, now);
        var closed = bySelf ? RegistrationRules.SelfServiceRefusal(facts.Settings, ended, now) : ended ? RegistrationRefusal.EventEnded : null;
        if (closed is { } why) return ChangeResult.Refused(why);

        var errors = input.Validate().ToList();
        var previous = RegistrationAnswers.From(registration.Answers, protector.Unprotect);
        var (answers, stored) = await CheckAnswersAsync(facts.Form, input, previous, errors, ct);
        if (errors.Count > 0)
        {
            DeleteFiles(stored);
            return ChangeResult.Invalid(errors);
        }
        if (input.ConcurrencyStamp != Guid.Empty) db.ExpectVersion(registration, input.ConcurrencyStamp);
        else registration.ConcurrencyStamp = Guid.NewGuid();

        var trimmed = input.ToRegistration(registration.EventId, registration.UserId, registration.RegisteredAt);
        registration.Name = trimmed.Name;
        registration.Organization = trimmed.Organization;
        registration.Title = trimmed.Title;
        registration.Email = trimmed.Email;
        registration.Phone = protector.Protect(trimmed.Phone);
        registration.FormVersion = facts.FormVersion;
        registration.UpdatedAt = now;
        var replacedFiles = new List<string>();
        foreach (var old in registration.Answers.ToList())
        {
            if (facts.Form.Find(old.FieldKey)?.Type == ReplyFieldType.File && old.Value is { } name && answers.GetValueOrDefault(old.FieldKey) != name)
                replacedFiles.Add(name);
            db.RegistrationAnswers.Remove(old);
        }
        foreach (var (key, value) in answers) registration.Answers.Add(Answer(facts, key, value));
        if (!await db.TrySaveVersionedAsync(ct))
        {
            DeleteFiles(stored);
            return ChangeResult.Conflict;
        }
        DeleteFiles(replacedFiles);
        return ChangeResult.Done;
    }

    /// <summary>The attendee cancels their own registration (until the self-service deadline); false when it is not theirs or not open.</summary>
    public async Task<bool> CancelAsync(int registrationId, string userId, CancellationToken ct = default)
    {
        if (await SelfServiceRefusalAsync(registrationId, ct) is not null) return false;
        return await CancelWhereAsync(r => r.Id == registrationId && r.UserId == userId, byOrganizer: false, ct);
    }

    /// <summary>Why the registrant can no longer change this registration themselves; null while they can.</summary>
    public async Task<RegistrationRefusal?> SelfServiceRefusalAsync(int registrationId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var ev = await db.Registrations.Where(r => r.Id == registrationId).Join(db.Events, r => r.EventId, e => e.Id, (r, e) => new { e.Id, e.EndDate, e.TimeZoneId })
            .FirstOrDefaultAsync(ct);
        if (ev is null) return null;
        var settings = await db.RegistrationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.EventId == ev.Id, ct);
        var now = clock.GetUtcNow();
        return RegistrationRules.SelfServiceRefusal(settings, EventEnd.HasEnded(ev.EndDate, ev.TimeZoneId, now), now);
    }

    /// <summary>An organizer of <paramref name="eventId"/> cancels on the attendee's behalf; the attendee is told by mail.</summary>
    /// <summary>
    /// Sets the organizers' note for the door (VIP 接待, access needs; at most <see cref="RegistrationDoorNote.MaxLength"/>
    /// characters, empty clears it), shown on the check-in result. <paramref name="expected"/> is the note the editor saw:
    /// when someone changed it since, nothing is saved and <see cref="DoorNoteOutcome.Stale"/> says so.
    /// </summary>
    public async Task<DoorNoteOutcome> SaveDoorNoteAsync(Actor actor, int eventId, int registrationId, string? expected, string? note, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        if (!RegistrationDoorNote.TryNormalize(note, out var clean)) return DoorNoteOutcome.TooLong;
        RegistrationDoorNote.TryNormalize(expected, out var seen);
        await using var db = await factory.CreateDbContextAsync(ct);
        var changed = await db.Registrations.Where(r => r.Id == registrationId && r.EventId == eventId && r.DoorNote == seen)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.DoorNote, clean).SetProperty(r => r.ConcurrencyStamp, Guid.NewGuid()), ct);
        if (changed > 0) return DoorNoteOutcome.Saved;
        return await db.Registrations.AnyAsync(r => r.Id == registrationId && r.EventId == eventId, ct) ? DoorNoteOutcome.Stale : DoorNoteOutcome.NotFound;
    }

    public async Task<bool> CancelForAttendeeAsync(Actor actor, int eventId, int registrationId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        return await CancelWhereAsync(r => r.Id == registrationId && r.EventId == eventId, byOrganizer: true, ct);
    }

    private async Task<bool> CancelWhereAsync(System.Linq.Expressions.Expression<Func<Registration, bool>> which, bool byOrganizer, CancellationToken ct)
    {
        await using var outer = await factory.CreateDbContextAsync(ct);
        return await outer.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var registration = await db.Registrations.AsNoTracking().Where(which).FirstOrDefaultAsync(r => RegistrationStates.Open.Contains(r.State), ct);
            if (registration is null) return false;
            var now = clock.GetUtcNow();
            // Conditional on the state, so two cancellations at once free the seat only once.
            var changed = await db.Registrations.Where(r => r.Id == registration.Id && r.State == registration.State)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.State, RegistrationState.Cancelled)
                    .SetProperty(r => r.CancelledAt, now)
                    .SetProperty(r => r.CancelledByOrganizer, byOrganizer), ct);
            if (changed == 0) return false;
            if (RegistrationStates.HoldsSeat(registration.State)) await FreeSeatAsync(db, registration, ct);
            await RevokeCertificatesAsync(db, registration.Id, now, ct);
            var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == registration.EventId, ct);
            await EnqueueAsync(db, MailTemplateKeys.RegistrationCancelled, registration, ev, null, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        });
    }

    /// <summary>
    /// The registration's certificates and invitation letters name someone who no longer holds the place (cancelled,
    /// refused, handed over): revoked, so /verify says so and they print no more. A new holder is issued their own.
    /// </summary>
    private static Task<int> RevokeCertificatesAsync(EventsDbContext db, int registrationId, DateTimeOffset now, CancellationToken ct) =>
        db.Certificates.Where(c => c.Recipient == CertificateRecipient.Registration && c.RecipientId == registrationId && c.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RevokedAt, now), ct);

    private static async Task FreeSeatAsync(EventsDbContext db, Registration registration, CancellationToken ct)
    {
        await db.RegistrationSettings.Where(s => s.EventId == registration.EventId && s.SeatsTaken > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.SeatsTaken, x => x.SeatsTaken - 1), ct);
        if (registration.CategoryId is { } categoryId)
            await db.RegistrationCategories.Where(c => c.Id == categoryId && c.SeatsTaken > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.SeatsTaken, x => x.SeatsTaken - 1), ct);
    }

    /// <summary>
    /// 审核: an organizer approves or refuses a registration waiting for approval, or admits a 候补 (waiting) one into a
    /// freed seat. The registrant is told the result by mail. Approving a waiting registration with no seat left changes nothing.
    /// </summary>
    public async Task<DecisionOutcome> DecideAsync(Actor actor, int eventId, int registrationId, bool approve, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var outer = await factory.CreateDbContextAsync(ct);
        return await outer.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var registration = await db.Registrations.AsNoTracking()
                .FirstOrDefaultAsync(r => r.Id == registrationId && r.EventId == eventId
                    && (r.State == RegistrationState.PendingApproval || r.State == RegistrationState.Waiting), ct);
            if (registration is null) return DecisionOutcome.NotFound;
            var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId, ct);
            var now = clock.GetUtcNow();
            if (EventEnd.HasEnded(ev.EndDate, ev.TimeZoneId, now)) return DecisionOutcome.EventEnded;
            if (approve && registration.State == RegistrationState.Waiting)
            {
                // A waiting registration holds no seat: take one now, under the same conditions as registering (but the deadline, which the organizer may pass).
                var seat = await db.RegistrationSettings.Where(s => s.EventId == eventId && (s.Capacity == null || s.SeatsTaken < s.Capacity))
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.SeatsTaken, x => x.SeatsTaken + 1), ct);
                if (seat > 0 && registration.CategoryId is { } categoryId)
                    seat = await db.RegistrationCategories.Where(c => c.Id == categoryId && (c.Capacity == null || c.SeatsTaken < c.Capacity))
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.SeatsTaken, x => x.SeatsTaken + 1), ct);
                if (seat == 0)
                {
                    await tx.RollbackAsync(ct);
                    return DecisionOutcome.NoSeat;
                }
            }
            var to = approve ? RegistrationState.Active : RegistrationState.Refused;
            var changed = await db.Registrations.Where(r => r.Id == registration.Id && r.State == registration.State)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.State, to)
                    .SetProperty(r => r.DecidedAt, now)
                    .SetProperty(r => r.DecidedByUserId, actor.UserId)
                    .SetProperty(r => r.UpdatedAt, now)
                    .SetProperty(r => r.ConcurrencyStamp, Guid.NewGuid()), ct);
            if (changed == 0)
            {
                await tx.RollbackAsync(ct);
                return DecisionOutcome.NotFound;
            }
            if (!approve && registration.State == RegistrationState.PendingApproval) await FreeSeatAsync(db, registration, ct);
            if (!approve) await RevokeCertificatesAsync(db, registration.Id, now, ct);
            var category = registration.CategoryId is { } id ? await db.RegistrationCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) : null;
            await EnqueueAsync(db, approve ? MailTemplateKeys.RegistrationApproved : MailTemplateKeys.RegistrationRefused, registration, ev, category, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return DecisionOutcome.Done;
        });
    }

    /// <summary>
    /// 换人: the registrant hands their place to a colleague until the self-service deadline. Where the category needs
    /// approval the handover waits for an organizer (<see cref="DecideHandoverAsync"/>); otherwise it is made at once
    /// and the colleague gets the confirmation mail.
    /// </summary>
    public async Task<ChangeResult> HandOverAsync(int registrationId, string userId, HandoverInput input, CancellationToken ct = default)
    {
        var errors = input.Validate();
        if (errors.Count > 0) return ChangeResult.Invalid(errors);
        if (await SelfServiceRefusalAsync(registrationId, ct) is { } why) return ChangeResult.Refused(why);
        await using var db = await factory.CreateDbContextAsync(ct);
        var registration = await db.Registrations.FirstOrDefaultAsync(r => r.Id == registrationId && r.UserId == userId, ct);
        if (registration is null || !RegistrationStates.HoldsSeat(registration.State)) return ChangeResult.NotFound;
        var category = registration.CategoryId is { } id ? await db.RegistrationCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) : null;
        var now = clock.GetUtcNow();
        registration.HandoverName = input.Name.Trim();
        registration.HandoverEmail = input.Email.Trim();
        registration.HandoverOrganization = string.IsNullOrWhiteSpace(input.Organization) ? null : input.Organization.Trim();
        registration.HandoverPhone = protector.Protect(input.NormalizedMobile);
        registration.HandoverRequestedAt = now;
        registration.ConcurrencyStamp = Guid.NewGuid();
        if (category?.RequiresApproval == true)
        {
            await db.SaveChangesAsync(ct);
            return ChangeResult.Pending;
        }
        await CompleteHandoverAsync(db, registration, now, ct);
        return ChangeResult.Done;
    }

    /// <summary>An organizer approves or refuses a handover waiting for approval; approving makes it, refusing clears the request.</summary>
    public async Task<DecisionOutcome> DecideHandoverAsync(Actor actor, int eventId, int registrationId, bool approve, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var registration = await db.Registrations.FirstOrDefaultAsync(r => r.Id == registrationId && r.EventId == eventId && r.HandoverEmail != null, ct);
        if (registration is null || !RegistrationStates.HoldsSeat(registration.State)) return DecisionOutcome.NotFound;
        var now = clock.GetUtcNow();
        registration.DecidedAt = now;
        registration.DecidedByUserId = actor.UserId;
        if (!approve)
        {
            registration.HandoverName = registration.HandoverEmail = registration.HandoverOrganization = registration.HandoverPhone = null;
            registration.HandoverRequestedAt = null;
            registration.ConcurrencyStamp = Guid.NewGuid();
            await db.SaveChangesAsync(ct);
            return DecisionOutcome.Done;
        }
        await CompleteHandoverAsync(db, registration, now, ct);
        return DecisionOutcome.Done;
    }

    /// <summary>
    /// Puts the colleague's name and address on the registration. If the colleague has an account (and no open
    /// registration of their own for the event), the registration moves to it; otherwise the registrant's account
    /// keeps managing it. The previous person's personal 回执 answers (mobile, ID number) are dropped; the mobile the
    /// registrant gave for the colleague becomes the registration's phone.
    /// </summary>
    private async Task CompleteHandoverAsync(EventsDbContext db, Registration registration, DateTimeOffset now, CancellationToken ct)
    {
        var email = registration.HandoverEmail!;
        var colleague = await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).FirstOrDefaultAsync(ct);
        if (colleague is not null && !await HasOpenAsync(db, registration.EventId, colleague, ct)) registration.UserId = colleague;
        registration.HandedOverFrom = registration.Name;
        registration.Name = registration.HandoverName!;
        registration.Email = email;
        if (registration.HandoverOrganization is { } org) registration.Organization = org;
        // The colleague's mobile (already protected) replaces the previous person's; none given leaves no phone.
        registration.Phone = registration.HandoverPhone;
        registration.HandoverName = registration.HandoverEmail = registration.HandoverOrganization = registration.HandoverPhone = null;
        registration.HandoverRequestedAt = null;
        registration.UpdatedAt = now;
        registration.ConcurrencyStamp = Guid.NewGuid();
        // A new badge: the previous person's printed badge and the code on their page no longer let anyone in (as a reprint).
        registration.BadgeVersion++;
        await db.RegistrationAnswers.Where(a => a.RegistrationId == registration.Id && a.IsProtected).ExecuteDeleteAsync(ct);
        await RevokeCertificatesAsync(db, registration.Id, now, ct);
        var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == registration.EventId, ct);
        var category = registration.CategoryId is { } id ? await db.RegistrationCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) : null;
        await EnqueueAsync(db, registration.State == RegistrationState.PendingApproval ? MailTemplateKeys.RegistrationPending : MailTemplateKeys.RegistrationConfirmed,
            registration, ev, category, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The registration with its 回执 answers for its registrant (mobile and ID numbers in full: they are theirs).</summary>
    public async Task<OwnRegistration?> OwnAsync(int registrationId, string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var registration = await db.Registrations.AsNoTracking().Include(r => r.Answers)
            .FirstOrDefaultAsync(r => r.Id == registrationId && r.UserId == userId, ct);
        if (registration is null) return null;
        var facts = await LoadFactsAsync(db, registration.EventId, ct);
        var input = RegistrationInput.From(registration);
        input.Phone = protector.Unprotect(registration.Phone);
        input.ConcurrencyStamp = registration.ConcurrencyStamp;
        foreach (var (key, value) in RegistrationAnswers.From(registration.Answers, protector.Unprotect).Values) input.Answers[key] = value;
        return new OwnRegistration(registration.Id, registration.EventId, registration.State, registration.CategoryId, input,
            facts?.Form ?? new(), await SelfServiceRefusalAsync(registrationId, ct), registration.HandoverEmail is not null)
        {
            Category = registration.CategoryId is { } categoryId
                ? await db.RegistrationCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == categoryId, ct) : null,
            SelfServiceUntil = facts?.Settings?.SelfServiceUntil,
            TimeZoneId = facts?.Event.TimeZoneId ?? Event.DefaultTimeZone,
            FeeAmount = registration.FeeAmount,
            HandoverName = registration.HandoverName,
            HandoverEmail = registration.HandoverEmail,
            BadgeVersion = registration.BadgeVersion,
        };
    }

    /// <summary>
    /// The user's own registration for the event as the registrant sees it on their page: the open one (registered,
    /// pending approval or waiting), else the latest one an organizer refused; null when there is neither.
    /// </summary>
    public async Task<OwnRegistration?> OwnForEventAsync(int eventId, string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var candidates = await db.Registrations.AsNoTracking()
            .Where(r => r.EventId == eventId && r.UserId == userId && r.State != RegistrationState.Cancelled)
            .Select(r => new { r.Id, r.State, r.RegisteredAt }).ToListAsync(ct);
        var pick = candidates.Where(r => RegistrationStates.IsOpen(r.State)).MaxBy(r => r.RegisteredAt)
            ?? candidates.Where(r => r.State == RegistrationState.Refused).MaxBy(r => r.RegisteredAt);
        return pick is null ? null : await OwnAsync(pick.Id, userId, ct);
    }

    /// <summary>
    /// A file a registrant uploaded for their 回执 (a student ID photo …): for the registrant themselves, else only for
    /// the event's organizers (refused for anyone else). Null when there is no such file.
    /// </summary>
    public async Task<(Stream Content, string ContentType)?> OpenFileAsync(Actor actor, int eventId, int registrationId, string fieldKey, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var owner = await db.Registrations.Where(r => r.Id == registrationId && r.EventId == eventId).Select(r => r.UserId).FirstOrDefaultAsync(ct);
        if (owner != actor.UserId) await rights.DemandEventAsync(actor, eventId, ct);
        var name = await db.RegistrationAnswers.Where(a => a.RegistrationId == registrationId && a.FieldKey == fieldKey && a.EventId == eventId)
            .Select(a => a.Value).FirstOrDefaultAsync(ct);
        if (name is null) return null;
        var stream = files.OpenRead(FileFolder, name);
        return stream is null ? null : (stream, ContentTypeOf(name));
    }

    private sealed record EventFacts(Event Event, RegistrationSettings? Settings, IReadOnlyList<RegistrationCategory> Categories, ReplyFormDefinition Form, int? FormVersion);

    private static async Task<EventFacts?> LoadFactsAsync(EventsDbContext db, int eventId, CancellationToken ct)
    {
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (ev is null) return null;
        var settings = await db.RegistrationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.EventId == eventId, ct);
        var form = await db.ReplyForms.AsNoTracking().FirstOrDefaultAsync(f => f.EventId == eventId, ct);
        return new EventFacts(ev, settings, await OpenCategoriesAsync(db, eventId, ct), ReplyFormDefinition.Parse(form?.DefinitionJson), form?.Version);
    }

    private static async Task<IReadOnlyList<RegistrationCategory>> OpenCategoriesAsync(EventsDbContext db, int eventId, CancellationToken ct) =>
        await db.RegistrationCategories.AsNoTracking().Where(c => c.EventId == eventId && !c.IsClosed)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);

    private static RegistrationCategory? CheckCategory(EventFacts facts, int? categoryId, List<RuleViolation> errors)
    {
        if (facts.Categories.Count == 0) return null;
        if (categoryId is null)
        {
            errors.Add(new(nameof(RegistrationInput.CategoryId), "Required"));
            return null;
        }
        var category = facts.Categories.FirstOrDefault(c => c.Id == categoryId);
        if (category is null) errors.Add(new(nameof(RegistrationInput.CategoryId), "UnknownCategory"));
        return category;
    }

    /// <summary>
    /// Checks the 回执 on the server (conditions included) and stores the files of this submission; returns the answers to
    /// keep and the names of the files stored (for the caller to delete if nothing is saved). A field's earlier file is
    /// kept when no new one is chosen.
    /// </summary>
    private async Task<(IReadOnlyDictionary<string, string> Answers, List<string> Stored)> CheckAnswersAsync(
        ReplyFormDefinition form, RegistrationInput input, RegistrationAnswers? existing, List<RuleViolation> errors, CancellationToken ct)
    {
        var raw = new Dictionary<string, string?>(input.Answers, StringComparer.Ordinal);
        var stored = new List<string>();
        foreach (var field in form.Fields.Where(f => f.Type == ReplyFieldType.File))
        {
            raw[field.Key] = existing?.Text(field.Key);
            if (!input.Files.TryGetValue(field.Key, out var upload)) continue;
            var extension = FileExtension(upload.Content);
            if (upload.Content.Length > ReplyFormDefinition.MaxFileBytes) errors.Add(new(field.Key, "FileTooLarge"));
            else if (upload.Content.Length == 0 || extension is null) errors.Add(new(field.Key, "FileType"));
            else
            {
                using var content = new MemoryStream(upload.Content, writable: false);
                var name = await files.SaveAsync(FileFolder, extension, content, ct);
                stored.Add(name);
                raw[field.Key] = name;
            }
        }
        var check = ReplyFormRules.Check(form, raw, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        errors.AddRange(check.Errors.Where(e => errors.All(x => x.Field != e.Field)));
        return (check.Values, stored);
    }

    /// <summary>JPEG, PNG or PDF by their leading bytes, never by the uploader's name.</summary>
    private static string? FileExtension(byte[] b) =>
        b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF ? ".jpg"
        : b.Length >= 8 && b[0] == 0x89 && b[1] == 0x50 && b[2] == 0x4E && b[3] == 0x47 ? ".png"
        : b.Length >= 5 && b[0] == 0x25 && b[1] == 0x50 && b[2] == 0x44 && b[3] == 0x46 && b[4] == 0x2D ? ".pdf"
        : null;

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".jpg" => "image/jpeg",
        ".png" => "image/png",
        _ => "application/pdf",
    };

    private void DeleteFiles(IEnumerable<string> names)
    {
        foreach (var name in names) files.Delete(FileFolder, name);
    }

    private static async Task<bool> TrySaveUniqueAsync(EventsDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // The unique index on open registrations caught a second request of the same user.
            await tx.RollbackAsync(ct);
            return false;
        }
    }

    private static RegistrationRefusal? Refusal(Event ev, RegistrationSettings? settings, bool already, DateTimeOffset now) =>
        RegistrationRules.Refusal(ev.IsPublic, settings, already, now, EventEnd.HasEnded(ev.EndDate, ev.TimeZoneId, now));

    private async Task<RegistrationRefusal?> CurrentRefusalAsync(Event ev, string userId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var settings = await db.RegistrationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.EventId == ev.Id, ct);
        var refusal = Refusal(ev, settings, await HasOpenAsync(db, ev.Id, userId, ct), clock.GetUtcNow());
        // The event had seats but the category had none.
        return refusal ?? RegistrationRefusal.Full;
    }

    private static Task<bool> HasOpenAsync(EventsDbContext db, int eventId, string userId, CancellationToken ct) =>
        db.Registrations.AnyAsync(r => r.EventId == eventId && r.UserId == userId && RegistrationStates.Open.Contains(r.State), ct);

    /// <summary>The user's latest registration anywhere, else their account's name and address.</summary>
    private async Task<RegistrationInput> PrefillAsync(EventsDbContext db, string userId, CancellationToken ct)
    {
        var last = await db.Registrations.AsNoTracking().Where(r => r.UserId == userId)
            .OrderByDescending(r => r.RegisteredAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (last is not null)
        {
            var input = RegistrationInput.From(last);
            input.Phone = protector.Unprotect(last.Phone);
            // A category of another event means nothing here.
            input.CategoryId = null;
            return input;
        }
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.Email }).FirstOrDefaultAsync(ct);
        return new RegistrationInput { Name = user?.DisplayName ?? "", Email = user?.Email ?? "" };
    }

    private async Task EnqueueAsync(EventsDbContext db, string templateKey, Registration r, Event ev, RegistrationCategory? category, CancellationToken ct)
    {
        var preferred = await db.Users.Where(u => u.Id == r.UserId).Select(u => u.PreferredCulture).FirstOrDefaultAsync(ct);
        var culture = MailTemplateStore.Normalize(preferred);
        var values = new Dictionary<string, string>
        {
            ["name"] = r.Name,
            ["eventTitle"] = ev.Title,
            ["eventDates"] = EventDateText.Format(ev.StartDate, ev.EndDate, CultureInfo.GetCultureInfo(culture)),
            ["eventLink"] = outbox.Options.Link(AttendeeLinks.Event(ev.Slug)),
        };
        if (templateKey == MailTemplateKeys.RegistrationCancelled || templateKey == MailTemplateKeys.RegistrationRefused)
        {
            values["registerLink"] = outbox.Options.Link(AttendeeLinks.Register(ev.Slug));
        }
        else
        {
            values["myLink"] = outbox.Options.Link(AttendeeLinks.MyEvent(ev.Slug));
            values["cancelLink"] = outbox.Options.Link(AttendeeLinks.Cancel(ev.Slug));
        }
        if (templateKey != MailTemplateKeys.RegistrationConfirmed && templateKey != MailTemplateKeys.RegistrationCancelled)
            values["category"] = category?.DisplayName(culture == "en") ?? "";
        await outbox.EnqueueAsync(db, templateKey, new MailRecipient(r.Email, r.Name, culture), values, ev.Id, $"Registration:{r.Id}", ct: ct);
    }
}
