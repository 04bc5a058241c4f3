namespace Events.Core.Mail;

public enum RecipientKind
{
    To,
    Cc,
    Bcc,
}

public class OutboxRecipient
{
    public long Id { get; set; }
    public long MessageId { get; set; }
    public required string Address { get; set; }
    public string? DisplayName { get; set; }
    public RecipientKind Kind { get; set; } = RecipientKind.To;
}
