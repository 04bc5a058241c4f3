using System.Net;
using System.Net.Sockets;
using Events.Core.Access;
using Events.Infrastructure.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Events.E2E;

/// <summary>
/// The real app on Kestrel at a free loopback port, with its own SQLite data folder, plus one headless Chromium.
/// Chromium is Debian's (/usr/bin/chromium) unless EVENTS_CHROMIUM names another.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string OrganizerEmail = "organizer@e2e.local";
    public const string OrganizerPassword = "Organizer#2026";
    public const string AdminEmail = "admin@e2e.local";
    public const string AdminPassword = "Admin#E2e2026";

    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "events-e2e", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? factory;
    private IPlaywright? playwright;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Every error the app logged since it started.</summary>
    public ServerErrorLog ServerErrors { get; } = new();

    /// <summary>Every query the app ran since it started.</summary>
    public QueryLog Queries { get; } = new();
    public int SymposiumId { get; private set; }
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("App:DataPath", dataPath);
            b.UseSetting("Seed:Path", Path.Combine(RepoRoot(), "seeds"));
            // The journeys and the crawl run on the demo events.
            b.UseSetting("Seed:Demo", "true");
            b.UseSetting("Seed:AdminEmail", AdminEmail);
            b.UseSetting("Seed:AdminPassword", AdminPassword);
            b.ConfigureServices(s =>
            {
                s.AddSingleton<ILoggerProvider>(ServerErrors);
                s.ConfigureDbContext<Events.Infrastructure.Data.EventsDbContext>((_, o) => o.AddInterceptors(Queries), ServiceLifetime.Singleton);
            });
        });
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        factory.StartServer();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = OrganizerEmail, Email = OrganizerEmail, EmailConfirmed = true, DisplayName = "E2E 组织者" };
            await users.CreateAsync(user, OrganizerPassword);
            await users.AddToRoleAsync(user, Roles.Organizer);
            var db = scope.ServiceProvider.GetRequiredService<Events.Infrastructure.Data.EventsDbContext>();
            SymposiumId = db.Events.Single(e => e.Slug == "regional-innovation-symposium-7").Id;
            db.EventStaff.Add(new Events.Core.Events.EventStaff { EventId = SymposiumId, UserId = user.Id });
            await db.SaveChangesAsync();
        }

        // CI runs every test assembly at once on two cores; Playwright's 5 s expect default trips there.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("EVENTS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // The machine has no network beyond loopback; these stop Chromium from trying.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public IServiceProvider Services => factory?.Services ?? throw new InvalidOperationException("The app has not started");

    /// <summary>A confirmed account with no role, for journeys that need another person (an author, a reviewer).</summary>
    public async Task<string> CreateUserAsync(string email, string password, string displayName)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        return user.Id;
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "zh-CN" });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        factory?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Events.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Events.sln not found");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
