using Events.Core.Access;
using Events.Infrastructure.Access;
using System.Globalization;
using Events.Core.Events;
using Events.Core.Mail;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Mail;

public sealed record SpeakerNoticeResult(Guid BatchId, int Queued, IReadOnlyList<string> WithoutEmail);

/// <summary>
/// A message from the organizers to everyone taking part in an event. It is bulk mail, so it is created held:
/// nothing leaves until an organizer has looked at a sample and released the batch.
/// </summary>
public sealed class SpeakerNotices(IDbContextFactory<EventsDbContext> factory, Outbox outbox, EventRights rights)
{
    public async Task<SpeakerNoticeResult?> QueueAsync(Actor actor, int eventId, string message, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (ev is null || string.IsNullOrWhiteSpace(message)) return null;

        var people = await db.EventParticipants.Where(p => p.EventId == eventId || p.Event!.ParentEventId == eventId)
            .Select(p => p.Person!).Distinct().AsNoTracking().ToListAsync(ct);
        var batch = Guid.NewGuid();
        var queued = 0;
        foreach (var person in people.Where(p => !string.IsNullOrWhiteSpace(p.Email)))
        {
            var culture = person.Name.Any(c => c > 0x2E7F) ? "zh-CN" : "en";
            await outbox.EnqueueAsync(db, MailTemplateKeys.SpeakerNotice, new MailRecipient(person.Email!, person.Name, culture),
                new Dictionary<string, string>
                {
                    ["name"] = person.Name,
                    ["eventTitle"] = ev.Title,
                    ["eventDates"] = EventDateText.Format(ev.StartDate, ev.EndDate, CultureInfo.GetCultureInfo(culture)),
                    ["eventLink"] = outbox.Options.Link($"/events/{ev.Slug}"),
                    ["message"] = message.Trim(),
                },
                eventId, $"Person:{person.Id}", batch, ct: ct);
            queued++;
        }
        await db.SaveChangesAsync(ct);
        return new SpeakerNoticeResult(batch, queued, people.Where(p => string.IsNullOrWhiteSpace(p.Email)).Select(p => p.Name).ToList());
    }
}
