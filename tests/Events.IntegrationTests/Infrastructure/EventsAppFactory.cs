using Events.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Events.IntegrationTests.Infrastructure;

/// <summary>The real app on a real SQLite file in its own temporary data folder, seeded from seeds/.</summary>
public class EventsAppFactory : WebApplicationFactory<global::Program>
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "Admin#Test2026";

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "events-tests", Guid.NewGuid().ToString("N"));

    protected virtual string EnvironmentName => "Development";

    /// <summary>The tests build on the demo data, so they ask for it whatever the environment (Seed:Demo).</summary>
    protected virtual bool? SeedDemo => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("App:DataPath", DataPath);
        builder.UseSetting("Seed:Path", RepoPaths.Seeds);
        if (SeedDemo is { } demo) builder.UseSetting("Seed:Demo", demo ? "true" : "false");
        ConfigureAdmin(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, null);
            services.PostConfigure<AuthenticationOptions>(o =>
            {
                o.DefaultScheme = "TestOrCookie";
                o.DefaultAuthenticateScheme = "TestOrCookie";
                o.DefaultChallengeScheme = "TestOrCookie";
                o.DefaultForbidScheme = "TestOrCookie";
            });
            services.AddAuthentication().AddPolicyScheme("TestOrCookie", null, o =>
                o.ForwardDefaultSelector = ctx => ctx.Request.Headers.ContainsKey(TestAuthHandler.UserHeader)
                    ? TestAuthHandler.SchemeName
                    : IdentityConstants.ApplicationScheme);
        });
    }

    protected virtual void ConfigureAdmin(IWebHostBuilder builder)
    {
        builder.UseSetting("Seed:AdminEmail", AdminEmail);
        builder.UseSetting("Seed:AdminPassword", AdminPassword);
    }

    public EventsDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<EventsDbContext>>().CreateDbContext();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A client that does not follow redirects, so tests see 302s to the login page as they are.</summary>
    public HttpClient CreateRawClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(DataPath)) Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection: the OS temp cleaner gets it later.
        }
    }
}
