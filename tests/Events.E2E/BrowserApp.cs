using System.Net;
using System.Net.Sockets;
using Cookie = Microsoft.Playwright.Cookie;
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
/// <remarks>
/// One app and one browser serve the whole test run: every browser collection's fixture is a view of the same
/// <see cref="Host"/>, started by whichever collection comes first, so the collections run side by side (see
/// xunit.runner.json) without each paying for a start, a seed and a Chromium. The host stops when the test process exits.
/// </remarks>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string OrganizerEmail = "organizer@e2e.local";
    public const string OrganizerPassword = "Organizer#2026";
    public const string AdminEmail = "admin@e2e.local";
    public const string AdminPassword = "Admin#E2e2026";

    private static readonly Lazy<Task<Host>> Shared = new(Host.StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    private Host? host;

    private Host Started => host ?? throw new InvalidOperationException("The app has not started");

    public string BaseUrl => Started.BaseUrl;

    /// <summary>Every error the app logged since it started.</summary>
    public ServerErrorLog ServerErrors => Started.ServerErrors;

    /// <summary>Every query the app ran since it started.</summary>
    public QueryLog Queries => Started.Queries;
    public int SymposiumId => Started.SymposiumId;
    public IBrowser Browser => Started.Browser;

    public IServiceProvider Services => Started.Factory.Services;

    public async Task InitializeAsync() => host = await Shared.Value;

    /// <summary>Nothing: the shared host outlives each collection and stops with the process.</summary>
    public Task DisposeAsync() => Task.CompletedTask;

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
        // Navigations and actions: 30 s, as the lanes share two busy cores (see Assertions above).
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// The cookies of a session signed in through the login form, once per account for the whole run: later sign-ins
    /// as the same person put these cookies into their browser context instead of filling the form again.
    /// </summary>
    internal static async Task<IReadOnlyList<Cookie>> SignedInCookiesAsync(string email, string password)
    {
        var host = await Shared.Value;
        return await host.SignIns.GetOrAdd(email, _ => new Lazy<Task<IReadOnlyList<Cookie>>>(() => host.SignInAsync(email, password))).Value;
    }

    private sealed class Host
    {
        private readonly string dataPath = Path.Combine(Path.GetTempPath(), "events-e2e", Guid.NewGuid().ToString("N"));
        private IPlaywright? playwright;

        public WebApplicationFactory<Program> Factory { get; private set; } = default!;
        public string BaseUrl { get; private set; } = "";
        public ServerErrorLog ServerErrors { get; } = new();
        public QueryLog Queries { get; } = new();
        public int SymposiumId { get; private set; }
        public IBrowser Browser { get; private set; } = default!;
        public System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<Cookie>>>> SignIns { get; } = new(StringComparer.OrdinalIgnoreCase);

        public static async Task<Host> StartAsync()
        {
            var host = new Host();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => host.Stop();
            await host.InitializeAsync();
            return host;
        }

        private async Task InitializeAsync()
        {
            var port = FreePort();
            BaseUrl = $"http://127.0.0.1:{port}";
            Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
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
            Factory.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
            Factory.StartServer();

            await using (var scope = Factory.Services.CreateAsyncScope())
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

            // CI runs every test assembly at once on two cores, and the browser tests in two lanes; Playwright's 5 s
            // expect default trips there. A passing test never waits this long.
            Assertions.SetDefaultExpectTimeout(30_000);
            playwright = await Playwright.CreateAsync();
            Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Environment.GetEnvironmentVariable("EVENTS_CHROMIUM") ?? "/usr/bin/chromium",
                Headless = true,
                // The machine has no network beyond loopback; these stop Chromium from trying.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
        }

        /// <summary>Signs in through the login form in a context of its own and keeps the session's cookies.</summary>
        public async Task<IReadOnlyList<Cookie>> SignInAsync(string email, string password)
        {
            await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "zh-CN" });
            context.SetDefaultTimeout(30_000);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/account/login?returnUrl=%2Fevents");
            await page.Locator("#email").FillAsync(email);
            await page.Locator("#password").FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).Last.ClickAsync();
            await page.WaitForURLAsync("**/events");
            return (await context.CookiesAsync()).Select(c => new Cookie
            {
                Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
            }).ToList();
        }

        private void Stop()
        {
            try
            {
                Task.Run(async () =>
                {
                    if (Browser is not null) await Browser.CloseAsync();
                    playwright?.Dispose();
                    Factory?.Dispose();
                }).Wait(TimeSpan.FromSeconds(20));
            }
            catch (AggregateException)
            {
                // The process is ending; what did not stop goes with it.
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { }
        }
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

// The browser tests run in two lanes side by side on the one shared app (one lane per core of the CI machine): the
// journeys, each working on records of its own or only adding to the seeded symposium, and the page audits (layout, axe,
// the crawl), each of which already spreads its pages over a few browser contexts. Tests that count the app's queries
// run alone at the end.
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}

/// <summary>The page audits: layout on every main page in both languages, axe-core, and the crawl of every route by every role.</summary>
[CollectionDefinition(Name)]
public sealed class AuditCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser audits";
}

/// <summary>
/// Tests that count the app's queries, which another test's pages would add to: they run alone, after the others
/// (a collection without parallelisation waits for the parallel ones).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class QueryCountCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser query counts";
}
