namespace Events.Infrastructure.Mail;

/// <summary>Who a composed mail goes to, and in which language.</summary>
public sealed record MailRecipient(string Address, string? DisplayName, string Culture = "zh-CN");

/// <summary>A file to attach: its bytes are copied into the file store when the mail is queued.</summary>
public sealed record MailFile(string FileName, string ContentType, byte[] Content);
