using Events.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Events.IntegrationTests.Access;

/// <summary>The app with the outbox loop off, so no background send changes a row while a test compares the database.</summary>
public sealed class QuietAppFactory : EventsAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:SendInBackground", "false");
    }
}
