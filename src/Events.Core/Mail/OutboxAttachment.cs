namespace Events.Core.Mail;

/// <summary>A file sent with a mail; its bytes live in the file store under <see cref="StoredName"/>.</summary>
public class OutboxAttachment
{
    public long Id { get; set; }
    public long MessageId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required string StoredName { get; set; }
    public long Size { get; set; }
}
