using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Events.IntegrationTests;

public sealed class DatabaseTests
{
    private static EventsDbContext Create(DatabaseProvider provider, string? connection = null)
    {
        var options = new DbContextOptionsBuilder<EventsDbContext>();
        DatabaseServiceCollectionExtensions.Configure(options, provider,
            connection ?? "Server=localhost;Database=Events;Trusted_Connection=True;TrustServerCertificate=True", Path.GetTempPath());
        return new EventsDbContext(options.Options);
    }

    [Fact]
    public async Task Sqlite_migrations_apply_to_an_empty_file_and_leave_nothing_pending()
    {
        var file = Path.Combine(Path.GetTempPath(), $"events-migrate-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = Create(DatabaseProvider.Sqlite, $"Data Source={file}");
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal(0, await db.Events.CountAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Each_provider_has_a_migration_for_every_model_change(DatabaseProvider provider)
    {
        using var db = Create(provider, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : null);
        Assert.False(db.Database.HasPendingModelChanges(), $"The model has changes with no {provider} migration: run dotnet ef migrations add for both providers.");
    }

    [Fact]
    public void Sql_server_migration_script_parses_as_T_SQL_without_errors()
    {
        using var db = Create(DatabaseProvider.SqlServer);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("CREATE TABLE [Events]", script, StringComparison.Ordinal);

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
    }
}
