using Events.Web.Access;
using Events.Web.Localization;
using Microsoft.AspNetCore.Components.Authorization;
using System.Globalization;
using Bunit;
using Events.Core.Organizations;
using Events.Infrastructure.Data;
using Events.Infrastructure.Mail;
using Events.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using System.Security.Claims;

namespace Events.Web.Tests.Infrastructure;

/// <summary>
/// Shared set-up for component tests: MudBlazor services with transitions off, loose JS interop,
/// the app's localization in Chinese (the default UI language), and the real services on a private
/// in-memory SQLite database that lives as long as the test.
/// </summary>
public abstract class ComponentTestBase : BunitContext, IAsyncLifetime
{
    private readonly CultureInfo originalCulture = CultureInfo.CurrentCulture;
    private readonly CultureInfo originalUICulture = CultureInfo.CurrentUICulture;

    /// <summary>Holds the shared-cache in-memory database open; it disappears when the last connection closes.</summary>
    private readonly SqliteConnection keepAlive;

    protected ComponentTestBase()
    {
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        CultureInfo.CurrentCulture = zh;
        CultureInfo.CurrentUICulture = zh;

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Services.AddEventsLocalization();
        Services.AddEventsAuthorization();
        // Components read the signed-in user from the cascading authentication state and pass it to the services,
        // which check rights themselves; a test that is about rights wraps its component in its own state.
        Services.AddCascadingValue(_ => Task.FromResult(new AuthenticationState(Administrator)));
        // bUnit puts a placeholder in front of the real authorization service; pages here check rights in code.
        Services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationService, Microsoft.AspNetCore.Authorization.DefaultAuthorizationService>();

        var connectionString = $"DataSource=file:events-web-tests-{Guid.NewGuid():N}?mode=memory&cache=shared";
        keepAlive = new SqliteConnection(connectionString);
        keepAlive.Open();
        // The app's own SQLite set-up, so the pinyin collation interceptor is registered on every connection.
        Services.AddDbContextFactory<EventsDbContext>(options =>
            DatabaseServiceCollectionExtensions.Configure(options, DatabaseProvider.Sqlite, connectionString, Path.GetTempPath()));
        Services.AddEventsServices(Path.Combine(Path.GetTempPath(), "events-web-tests-files"));
        // Notices print through Chromium, which component tests do not start; none of them mails a notice.
        Services.AddSingleton<Events.Infrastructure.Notices.INoticePrinter, NoNoticePrinting>();
        // Personal data (mobile and ID numbers) is encrypted with Data Protection; keys in memory, for this test only.
        Microsoft.AspNetCore.DataProtection.DataProtectionBuilderExtensions.UseEphemeralDataProtectionProvider(Services.AddDataProtection());
        // The outbox, template store and mail features as the app registers them; the sender is a hosted
        // service, which nothing starts in a component test, so no mail leaves.
        Services.AddEventsMail(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mail:SendInBackground"] = "false",
            ["App:PublicBaseUrl"] = "https://events.test",
        }).Build());

        using var db = CreateDbContext();
        db.Database.EnsureCreated();
        // Components render as they do once the circuit is live (pages that persist prerendered state ask).
        // Set after the services: the renderer is one of them.
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    /// <summary>The user components see by default: an administrator, who passes every rights check.</summary>
    protected static readonly ClaimsPrincipal Administrator = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, TestActors.Admin.UserId), new Claim(ClaimTypes.Role, Events.Core.Access.Roles.Administrator)], "test"));

    protected EventsDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<EventsDbContext>>().CreateDbContext();

    /// <summary>Stores organizations directly, the way the picker and editors will later find them.</summary>
    protected IReadOnlyList<Organization> AddOrganizations(params string[] names)
    {
        using var db = CreateDbContext();
        var organizations = names.Select(n => new Organization { Name = n }).ToList();
        db.Organizations.AddRange(organizations);
        db.SaveChanges();
        return organizations;
    }

    /// <summary>Popovers (select lists, autocomplete results) render here, not inside the component.</summary>
    protected IRenderedComponent<MudPopoverProvider> RenderPopoverProvider() => Render<MudPopoverProvider>();

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    /// <summary>xUnit 2 only calls IDisposable on test classes, and MudBlazor has services that only dispose asynchronously.</summary>
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        Cleanup();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Cleanup();
    }

    private void Cleanup()
    {
        keepAlive.Dispose();
        CultureInfo.CurrentCulture = originalCulture;
        CultureInfo.CurrentUICulture = originalUICulture;
    }

    private sealed class NoNoticePrinting : Events.Infrastructure.Notices.INoticePrinter
    {
        public Task<byte[]> PrintAsync(Events.Infrastructure.Notices.NoticeView notice, CancellationToken ct = default) =>
            throw new InvalidOperationException("Component tests do not print notices.");
    }
}
