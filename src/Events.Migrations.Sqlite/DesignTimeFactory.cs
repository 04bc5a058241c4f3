using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Events.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the model for this provider without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<EventsDbContext>
{
    public EventsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<EventsDbContext>();
        DatabaseServiceCollectionExtensions.Configure(options, DatabaseProvider.Sqlite, "Data Source=design-time.db", Path.GetTempPath());
        return new EventsDbContext(options.Options);
    }
}
