using Events.Core.Mail;
using Events.Infrastructure.Data;
using Events.Infrastructure.Files;
using Microsoft.Extensions.Options;

namespace Events.Infrastructure.Mail;

/// <summary>
/// Puts mail into the outbox through the caller's context, so the mail is saved in the same transaction as
/// the change that caused it, or not at all.
/// </summary>
public sealed class Outbox(IOptions<MailOptions> options, FileStore files, TimeProvider clock)
{
    public const string AttachmentFolder = "mail";

    public MailOptions Options => options.Value;

    /// <summary>Composes one message from a template and adds it to <paramref name="db"/>; the caller saves.</summary>
    public async Task<OutboxMessage> EnqueueAsync(
        EventsDbContext db, string templateKey, MailRecipient to, IReadOnlyDictionary<string, string> values,
        int? eventId = null, string? relatedEntity = null, Guid? heldBatch = null, IReadOnlyList<MailFile>? attachments = null,
        CancellationToken ct = default)
    {
        var culture = MailTemplateStore.Normalize(to.Culture);
        var template = await MailTemplateStore.ResolveAsync(db, templateKey, culture, eventId, ct);
        var rendered = template.Render(values);
        var now = clock.GetUtcNow();
        var message = new OutboxMessage
        {
            MessageId = $"{Guid.NewGuid():N}@{MessageIdDomain()}",
            EventId = eventId,
            TemplateKey = templateKey,
            Culture = culture,
            Subject = rendered.Subject,
            TextBody = rendered.TextBody,
            HtmlBody = rendered.HtmlBody,
            RelatedEntity = relatedEntity,
            BatchId = heldBatch,
            State = heldBatch is null ? OutboxState.Pending : OutboxState.Held,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        message.Recipients.Add(new OutboxRecipient { Address = to.Address, DisplayName = to.DisplayName });
        foreach (var file in attachments ?? [])
        {
            var stored = await files.SaveAsync(AttachmentFolder, SafeExtension(file.FileName), new MemoryStream(file.Content), ct);
            message.Attachments.Add(new OutboxAttachment { FileName = file.FileName, ContentType = file.ContentType, StoredName = stored, Size = file.Content.Length });
        }
        db.OutboxMessages.Add(message);
        return message;
    }

    private string MessageIdDomain()
    {
        var at = Options.From.LastIndexOf('@');
        return at >= 0 && at < Options.From.Length - 1 ? Options.From[(at + 1)..] : "events.local";
    }

    private static string SafeExtension(string fileName)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        return ext.Length is > 1 and <= 6 && ext[1..].All(char.IsAsciiLetterOrDigit) ? ext : ".bin";
    }
}
