using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Events.Migrations.SqlServer;

/// <summary>Lets `dotnet ef migrations add` build the model for this provider without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<EventsDbContext>
{
    public EventsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<EventsDbContext>();
        DatabaseServiceCollectionExtensions.Configure(options, DatabaseProvider.SqlServer, "Server=localhost;Database=Events;Trusted_Connection=True;TrustServerCertificate=True", Path.GetTempPath());
        return new EventsDbContext(options.Options);
    }
}
