using Events.Core.Common;

namespace Events.Core.Mail;

/// <summary>An event's own wording of one template in one language, replacing the built-in text.</summary>
public class MailTemplateOverride : IConcurrencyVersioned
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public required string TemplateKey { get; set; }
    public required string Culture { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
