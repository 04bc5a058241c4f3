namespace Events.Infrastructure.Mail;

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>Bound from the Mail section (Mail:Smtp:Host …) and App:PublicBaseUrl.</summary>
public sealed class MailOptions
{
    public SmtpOptions Smtp { get; set; } = new();
    public string From { get; set; } = "events@localhost";
    public string FromName { get; set; } = "会议活动管理";

    /// <summary>After this many failed attempts a message is marked failed and waits for an organizer.</summary>
    public int MaxAttempts { get; set; } = 6;
    public int RetryBaseSeconds { get; set; } = 30;
    public int RetryMaxMinutes { get; set; } = 60;
    public int BatchSize { get; set; } = 50;
    public int PollSeconds { get; set; } = 5;

    /// <summary>Off only where something else drives <see cref="OutboxSender.RunOnceAsync"/>, such as a test.</summary>
    public bool SendInBackground { get; set; } = true;

    /// <summary>A message claimed for sending longer ago than this is taken to belong to a sender that died.</summary>
    public int ClaimTimeoutSeconds { get; set; } = 300;

    /// <summary>Absolute base for links in mail, e.g. https://events.example.org.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    public string Link(string path) => PublicBaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.None;
    public string? UserName { get; set; }
    public string? Password { get; set; }
}
