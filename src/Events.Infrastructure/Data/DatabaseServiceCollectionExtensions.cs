using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Events.Infrastructure.Data;

public static class DatabaseServiceCollectionExtensions
{
    public const string SqliteMigrationsAssembly = "Events.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "Events.Migrations.SqlServer";

    /// <summary>Registers a context factory for the configured provider (<c>Database:Provider</c>, SQLite by default).</summary>
    public static IHostApplicationBuilder AddEventsDatabase(this IHostApplicationBuilder builder, string dataPath)
    {
        var provider = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = builder.Configuration.GetConnectionString("Events");
        builder.Services.AddDbContextFactory<EventsDbContext>(options => Configure(options, provider, connectionString, dataPath));
        return builder;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string? connectionString, string dataPath)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                Directory.CreateDirectory(dataPath);
                options.UseSqlite(
                    string.IsNullOrWhiteSpace(connectionString) ? $"Data Source={Path.Combine(dataPath, "events.db")}" : connectionString,
                    sql => sql.MigrationsAssembly(SqliteMigrationsAssembly));
                options.AddInterceptors(new ChineseCollation.SqliteRegistration());
                break;
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Events is empty. Set ConnectionStrings__Events.");
                }
                options.UseSqlServer(connectionString, sql =>
                {
                    sql.MigrationsAssembly(SqlServerMigrationsAssembly);
                    sql.EnableRetryOnFailure();
                });
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{provider}'. Use Sqlite or SqlServer.");
        }
    }
}
