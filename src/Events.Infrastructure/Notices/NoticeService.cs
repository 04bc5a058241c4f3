using System.Globalization;
using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.Attendees.Fees;
using Events.Core.Attendees.Notices;
using Events.Core.Common;
using Events.Core.Events;
using Events.Core.Mail;
using Events.Core.Validation;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Events.Infrastructure.Mail;
using Events.Infrastructure.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Notices;

public sealed record NoticeListItem(int Id, int Number, string Title, DateOnly NoticeDate, DateTimeOffset? ReleasedAt, int Mailed, int Held);

/// <summary>A released notice as the public page and the PDF show it.</summary>
public sealed record NoticeView(int Id, int EventId, string EventSlug, string EventTitle, int Number, string Title, DateOnly NoticeDate, string Body,
    bool Released, IReadOnlyList<string> Organizers);

public sealed record NoticeMailing(Guid BatchId, int Queued);

/// <summary>Prints a notice's PDF (the web app renders the Razor document through Chromium).</summary>
public interface INoticePrinter
{
    Task<byte[]> PrintAsync(NoticeView notice, CancellationToken ct = default);
}

/// <summary>Why a notice could not be mailed.</summary>
public enum NoticeSendRefusal
{
    NotReleased,
    NoRecipients,
    UnknownCategory,
}

public sealed record NoticeSendResult(NoticeMailing? Mailing, NoticeSendRefusal? Refusal);

/// <summary>
/// Staged notices (会议通知): written and previewed by the event's staff, released (then public, as a page and a PDF),
/// and mailed to a segment as one held batch of the outbox — nothing leaves until an organizer releases the batch on
/// the event's mail page. A draft cannot be mailed, and a released notice no longer changes.
/// </summary>
public sealed class NoticeService(
    IDbContextFactory<EventsDbContext> factory, EventRights rights, Outbox outbox, TimeProvider clock, IPublicPageCache pages, INoticePrinter printer)
{
    /// <summary>The largest notice PDF attached to its mails; a larger one is mailed as its link only.</summary>
    public const int MaxAttachmentBytes = 4 * 1024 * 1024;

    public static string PdfFileName(string slug, int number) => string.Create(CultureInfo.InvariantCulture, $"{slug}-notice-{number}.pdf");

    public static string RelatedEntity(int noticeId) => string.Create(CultureInfo.InvariantCulture, $"Notice:{noticeId}");

    public async Task<IReadOnlyList<NoticeListItem>> ListAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var notices = await db.EventNotices.AsNoTracking().Where(n => n.EventId == eventId).OrderBy(n => n.Number)
            .Select(n => new { n.Id, n.Number, n.Title, n.NoticeDate, n.ReleasedAt }).ToListAsync(ct);
        var related = notices.Select(n => RelatedEntity(n.Id)).ToList();
        var mail = await db.OutboxMessages.Where(m => m.EventId == eventId && m.RelatedEntity != null && related.Contains(m.RelatedEntity))
            .GroupBy(m => m.RelatedEntity)
            .Select(g => new { Related = g.Key!, Count = g.Count(), Held = g.Count(m => m.State == OutboxState.Held) }).ToListAsync(ct);
        return notices.Select(n =>
        {
            var m = mail.FirstOrDefault(x => x.Related == RelatedEntity(n.Id));
            return new NoticeListItem(n.Id, n.Number, n.Title, n.NoticeDate, n.ReleasedAt, m?.Count ?? 0, m?.Held ?? 0);
        }).ToList();
    }

    /// <summary>The next round's number and today's date in the event's zone, for a new notice.</summary>
    public async Task<EventNoticeInput> NewAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var zone = await db.Events.Where(e => e.Id == eventId).Select(e => e.TimeZoneId).FirstOrDefaultAsync(ct) ?? Event.DefaultTimeZone;
        var last = await db.EventNotices.Where(n => n.EventId == eventId).MaxAsync(n => (int?)n.Number, ct) ?? 0;
        return new EventNoticeInput { Number = Math.Min(last + 1, EventNotice.MaxNumber), NoticeDate = Today(zone) };
    }

    public async Task<EventNotice?> LoadAsync(int eventId, int noticeId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.EventNotices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == noticeId && n.EventId == eventId, ct);
    }

    /// <summary>Creates (<paramref name="noticeId"/> null) or edits a draft; a released notice is not changed (NotFound).</summary>
    public async Task<SaveResult> SaveAsync(Actor actor, int eventId, int? noticeId, EventNoticeInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await rights.DemandEventAsync(actor, eventId, ct);
        var errors = input.Validate().ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Events.AnyAsync(e => e.Id == eventId, ct)) return SaveResult.NotFound;
        if (errors.Count == 0 && await db.EventNotices.AnyAsync(n => n.EventId == eventId && n.Number == input.Number && n.Id != (noticeId ?? 0), ct))
        {
            errors.Add(new RuleViolation(nameof(EventNoticeInput.Number), "NoticeNumberTaken"));
        }
        if (errors.Count > 0) return SaveResult.Invalid(errors);

        var now = clock.GetUtcNow();
        EventNotice notice;
        if (noticeId is { } id)
        {
            var found = await db.EventNotices.FirstOrDefaultAsync(n => n.Id == id && n.EventId == eventId, ct);
            if (found is null || found.IsReleased) return SaveResult.NotFound;
            if (found.ConcurrencyStamp != input.ConcurrencyStamp) return SaveResult.Conflict;
            notice = found;
        }
        else
        {
            notice = new EventNotice { EventId = eventId, Title = "", Body = "", CreatedAt = now };
            db.EventNotices.Add(notice);
        }
        notice.Number = input.Number;
        notice.Title = input.Title.Trim();
        notice.NoticeDate = input.NoticeDate!.Value;
        notice.Body = input.Body.Replace("\r\n", "\n", StringComparison.Ordinal);
        notice.UpdatedAt = now;
        notice.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict;
        }
        catch (DbUpdateException)
        {
            // Two drafts saved with the same number at once: the unique index decides.
            return SaveResult.Invalid([new RuleViolation(nameof(EventNoticeInput.Number), "NoticeNumberTaken")]);
        }
        return SaveResult.Saved(notice.Id);
    }

    /// <summary>Releases a draft: its page and PDF become public and it may be mailed. False when missing or already released.</summary>
    public async Task<bool> ReleaseAsync(Actor actor, int eventId, int noticeId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var released = await db.EventNotices.Where(n => n.Id == noticeId && n.EventId == eventId && n.ReleasedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReleasedAt, now).SetProperty(n => n.ConcurrencyStamp, Guid.NewGuid()), ct) == 1;
        // The event's public page lists its released notices: drop that event's cached pages, nothing else.
        if (released && await db.Events.Where(e => e.Id == eventId).Select(e => e.Slug).FirstOrDefaultAsync(ct) is { } slug)
        {
            await pages.EventPagesChangedAsync(slug, ct);
        }
        return released;
    }

    /// <summary>Deletes a draft (a released notice stays, as it was public).</summary>
    public async Task<bool> DeleteAsync(Actor actor, int eventId, int noticeId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.EventNotices.Where(n => n.Id == noticeId && n.EventId == eventId && n.ReleasedAt == null).ExecuteDeleteAsync(ct) == 1;
    }

    /// <summary>The notice for its page or PDF; a draft only when <paramref name="includeDraft"/> (the staff's preview).</summary>
    public async Task<NoticeView?> ViewAsync(int noticeId, bool includeDraft, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var n = await db.EventNotices.AsNoTracking().FirstOrDefaultAsync(x => x.Id == noticeId, ct);
        if (n is null || (!n.IsReleased && !includeDraft)) return null;
        var ev = await db.Events.AsNoTracking().Where(e => e.Id == n.EventId).Select(e => new { e.Slug, e.Title, e.Status }).FirstOrDefaultAsync(ct);
        if (ev is null || (!includeDraft && ev.Status != EventStatus.Published)) return null;
        // 落款: the host units (主办), else the organizing ones (承办).
        var units = await db.EventUnits.AsNoTracking().Where(u => u.EventId == n.EventId && (u.Role == OrganizerRole.Host || u.Role == OrganizerRole.Organizer))
            .OrderBy(u => u.Order).Select(u => new { u.Role, u.Organization!.Name }).ToListAsync(ct);
        var organizers = (units.Any(u => u.Role == OrganizerRole.Host) ? units.Where(u => u.Role == OrganizerRole.Host) : units).Select(u => u.Name).ToList();
        return new NoticeView(n.Id, n.EventId, ev.Slug, ev.Title, n.Number, n.Title, n.NoticeDate, n.Body, n.IsReleased, organizers);
    }

    /// <summary>The released notices of a public event, for its public page.</summary>
    public async Task<IReadOnlyList<NoticeListItem>> ReleasedAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.EventNotices.AsNoTracking().Where(n => n.EventId == eventId && n.ReleasedAt != null).OrderBy(n => n.Number)
            .Select(n => new NoticeListItem(n.Id, n.Number, n.Title, n.NoticeDate, n.ReleasedAt, 0, 0)).ToListAsync(ct);
    }

    public async Task<int> CountAsync(int eventId, NoticeSegment segment, int? categoryId, CancellationToken ct = default) =>
        (await RecipientsAsync(eventId, segment, categoryId, ct)).Count;

    /// <summary>Each recipient of the segment once (by address, case-insensitive), with the name to greet.</summary>
    public async Task<IReadOnlyList<MailRecipient>> RecipientsAsync(int eventId, NoticeSegment segment, int? categoryId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var open = db.Registrations.Where(r => r.EventId == eventId && RegistrationStates.Open.Contains(r.State));
        var active = db.Registrations.Where(r => r.EventId == eventId && r.State == RegistrationState.Active);
        List<(string Email, string Name, string? Culture)> rows = segment switch
        {
            NoticeSegment.Invited => (await db.EventInvitations.Where(i => i.EventId == eventId && !i.Withdrawn)
                .Select(i => new { i.Email, i.Name }).ToListAsync(ct)).Select(x => (x.Email, x.Name, (string?)null)).ToList(),
            NoticeSegment.Registered => await WithCultureAsync(db, open, ct),
            NoticeSegment.Approved => await WithCultureAsync(db, active, ct),
            NoticeSegment.Unpaid => await WithCultureAsync(db, active.Where(r =>
                !db.FeeRecords.Any(f => f.RegistrationId == r.Id && f.State != PaymentState.Unpaid)), ct),
            NoticeSegment.Category => categoryId is { } c ? await WithCultureAsync(db, open.Where(r => r.CategoryId == c), ct) : [],
            NoticeSegment.Speakers => (await db.EventParticipants.Where(p => p.EventId == eventId || p.Event!.ParentEventId == eventId)
                .Select(p => new { p.Person!.Email, p.Person.Name }).ToListAsync(ct))
                .Where(p => !string.IsNullOrWhiteSpace(p.Email)).Select(p => (p.Email!, p.Name, (string?)null)).ToList(),
            _ => [],
        };
        return rows.Where(r => EmailRules.IsBareAddress(r.Email.Trim()))
            .GroupBy(r => r.Email.Trim().ToUpperInvariant())
            .Select(g => g.First())
            .Select(r => new MailRecipient(r.Email.Trim(), r.Name, r.Culture ?? (r.Name.Any(ch => ch > 0x2E7F) ? "zh-CN" : "en")))
            .OrderBy(r => r.Address, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private static async Task<List<(string Email, string Name, string? Culture)>> WithCultureAsync(EventsDbContext db, IQueryable<Registration> regs, CancellationToken ct) =>
        (await (from r in regs
                join u in db.Users on r.UserId equals u.Id into users
                from u in users.DefaultIfEmpty()
                select new { r.Email, r.Name, Culture = u == null ? null : u.PreferredCulture }).ToListAsync(ct))
        .Select(x => (x.Email, x.Name, (string?)x.Culture)).ToList();

    /// <summary>
    /// Queues the released notice for every recipient of the segment as one held batch (nothing leaves until the batch is
    /// released on the event's mail page). A draft is refused and nothing is queued.
    /// </summary>
    public async Task<NoticeSendResult> SendAsync(Actor actor, int eventId, int noticeId, NoticeSegment segment, int? categoryId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var notice = await db.EventNotices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == noticeId && n.EventId == eventId, ct);
        if (notice is null || !notice.IsReleased) return new(null, NoticeSendRefusal.NotReleased);
        if (segment == NoticeSegment.Category && (categoryId is null || !await db.RegistrationCategories.AnyAsync(c => c.Id == categoryId && c.EventId == eventId, ct)))
        {
            return new(null, NoticeSendRefusal.UnknownCategory);
        }
        var recipients = await RecipientsAsync(eventId, segment, categoryId, ct);
        if (recipients.Count == 0) return new(null, NoticeSendRefusal.NoRecipients);
        var ev = await db.Events.AsNoTracking().FirstAsync(e => e.Id == eventId, ct);
        // The notice's PDF goes with every mail (printed once), unless it is too large to mail: then the link alone.
        var view = await ViewAsync(noticeId, includeDraft: true, ct);
        var pdf = view is null ? null : await printer.PrintAsync(view, ct);
        IReadOnlyList<MailFile> attachments = pdf is { Length: > 0 and <= MaxAttachmentBytes }
            ? [new MailFile(PdfFileName(ev.Slug, notice.Number), "application/pdf", pdf)]
            : [];
        var batch = Guid.NewGuid();
        foreach (var to in recipients)
        {
            var english = MailTemplateStore.Normalize(to.Culture) == "en";
            await outbox.EnqueueAsync(db, MailTemplateKeys.EventNotice, to, new Dictionary<string, string>
            {
                ["name"] = to.DisplayName ?? to.Address,
                ["eventTitle"] = ev.Title,
                ["noticeLabel"] = NoticeNumbering.Label(notice.Number, english),
                ["title"] = notice.Title,
                ["noticeDate"] = NoticeNumbering.Date(notice.NoticeDate, english),
                ["link"] = outbox.Options.Link(NoticeLinks.Page(ev.Slug, notice.Id)),
                ["pdfLink"] = outbox.Options.Link(NoticeLinks.Pdf(ev.Slug, notice.Id)),
            }, eventId, RelatedEntity(notice.Id), batch, attachments, ct);
        }
        await db.SaveChangesAsync(ct);
        return new(new NoticeMailing(batch, recipients.Count), null);
    }

    private DateOnly Today(string zone)
    {
        var tz = TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), tz).DateTime);
    }
}

public static class NoticeLinks
{
    public static string Page(string slug, int noticeId) => string.Create(CultureInfo.InvariantCulture, $"/events/{slug}/notices/{noticeId}");

    public static string Pdf(string slug, int noticeId) => string.Create(CultureInfo.InvariantCulture, $"/events/{slug}/notices/{noticeId}.pdf");
}
