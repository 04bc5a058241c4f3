namespace Events.Core.Mail;

/// <summary>
/// One mail, written in the same transaction as the change that caused it and sent later by the outbox sender.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>The RFC 5322 Message-ID, fixed at creation so a resend after a crash can be recognised as the same mail.</summary>
    public required string MessageId { get; set; }
    public int? EventId { get; set; }
    public required string TemplateKey { get; set; }
    public required string Culture { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }
    public List<OutboxRecipient> Recipients { get; set; } = [];
    public List<OutboxAttachment> Attachments { get; set; } = [];

    /// <summary>What the mail is about, e.g. "Event:12", for the organizer's view.</summary>
    public string? RelatedEntity { get; set; }

    /// <summary>Messages created together as one bulk mailing share a batch.</summary>
    public Guid? BatchId { get; set; }

    public OutboxState State { get; set; } = OutboxState.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}
