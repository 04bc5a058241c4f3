using Events.Core.Mail;
using Events.Infrastructure.Files;
using MimeKit;

namespace Events.Infrastructure.Mail;

/// <summary>
/// Builds the wire message: UTF-8 bodies, a plain-text alternative, RFC 2047-encoded Chinese subjects and
/// display names (MimeKit encodes non-ASCII header text), and the outbox's fixed Message-ID.
/// </summary>
public sealed class MimeMessageFactory(FileStore files)
{
    public MimeMessage Create(OutboxMessage message, MailOptions options)
    {
        var mime = new MimeMessage
        {
            MessageId = message.MessageId,
            Subject = message.Subject,
            Date = message.CreatedAt,
        };
        mime.From.Add(new MailboxAddress(options.FromName, options.From));
        foreach (var r in message.Recipients)
        {
            var address = new MailboxAddress(r.DisplayName ?? "", r.Address);
            (r.Kind switch { RecipientKind.Cc => mime.Cc, RecipientKind.Bcc => mime.Bcc, _ => mime.To }).Add(address);
        }

        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var a in message.Attachments)
        {
            using var stream = files.OpenRead(Outbox.AttachmentFolder, a.StoredName)
                ?? throw new FileNotFoundException($"Attachment {a.FileName} of message {message.Id} is missing from the file store.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            body.Attachments.Add(a.FileName, copy.ToArray(), ContentType.Parse(a.ContentType));
        }
        mime.Body = body.ToMessageBody();
        foreach (var part in mime.BodyParts.OfType<TextPart>()) part.ContentType.Charset = "utf-8";
        return mime;
    }
}
