using Microsoft.AspNetCore.Hosting;

namespace Events.IntegrationTests.Infrastructure;

/// <summary>
/// The app wired to a real SMTP server. The background loop is off: tests drive OutboxSender.RunOnceAsync
/// themselves, so each step (send, fail, retry) happens when the test says.
/// </summary>
public sealed class MailAppFactory(MailServer server) : EventsAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Mail:Smtp:Port", server.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Smtp:Security", "None");
        builder.UseSetting("Mail:From", "events@events.test");
        builder.UseSetting("Mail:FromName", "会议活动管理");
        builder.UseSetting("Mail:SendInBackground", "false");
        builder.UseSetting("Mail:RetryBaseSeconds", "0");
        builder.UseSetting("Mail:MaxAttempts", "3");
        builder.UseSetting("App:PublicBaseUrl", "https://events.test");
    }
}
