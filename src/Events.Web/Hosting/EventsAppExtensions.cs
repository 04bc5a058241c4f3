using System.Globalization;
using Events.Infrastructure.Data;
using Events.Infrastructure.Mail;
using Events.Infrastructure.Papers;
using Events.Infrastructure.Papers.PdfSafety;
using Events.Infrastructure.Pdf;
using Events.Infrastructure.Security;
using Events.Web.Access;
using Events.Web.Components;
using Events.Web.Endpoints;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Events.Web.Localization;
using Events.Web.PublicPages;
using MudBlazor.Services;

namespace Events.Web.Hosting;

public static class EventsAppExtensions
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static IHostApplicationBuilder AddEventsApp(this IHostApplicationBuilder builder)
    {
        var paths = AppPaths.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(paths);
        builder.AddEventsDatabase(paths.Data);
        builder.Services.AddEventsServices(paths.Files);
        PdfUploadValidator.Configure(builder.Configuration.GetSection("PaperUploads").Get<PdfLimits>() ?? new PdfLimits());
        builder.Services.AddEventsMail(builder.Configuration);
        builder.Services.AddEventsPdf(builder.Configuration, WebRoot(builder.Environment));
        builder.Services.AddEventsDocuments();
        builder.Services.AddEventsAccess();
        builder.Services.AddEventsTransportSecurity(builder.Configuration, builder.Environment);
        builder.Services.AddEventsCircuitLimits();
        builder.Services.AddEventsRateLimits(builder.Configuration);

        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(paths.Data, "keys")));
        builder.Services.AddEventsSignedCodes(Path.Combine(paths.Data, "keys"));
        builder.Services.AddEventsLocalization();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddPublicPages();
        builder.Services.AddHealthChecks().AddDbContextCheck<EventsDbContext>("database")
            .AddCheck<PdfEngineHealthCheck>(PdfEngineHealthCheck.Name, HealthStatus.Degraded);
        return builder;
    }

    /// <summary>Documents printed to PDF load the same fonts and styles as the preview, from the web root.</summary>
    private static string WebRoot(IHostEnvironment environment) =>
        environment is IWebHostEnvironment { WebRootPath.Length: > 0 } web ? web.WebRootPath : Path.Combine(environment.ContentRootPath, "wwwroot");

    public static WebApplication UseEventsApp(this WebApplication app)
    {
        app.UseEventsTransportSecurity();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseRequestLocalization(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            // Only the remembered choice counts; the UI is Chinese unless the user switched.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        app.UseRateLimiter();
        app.UseMiddleware<BrowserMissingPage>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UsePublicPages();

        app.MapStaticAssets();
        // Liveness at once; readiness (for a load balancer, compose): 503 until the public pages are warm.
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapReadiness("/healthz/ready").AllowAnonymous();
        app.MapCultureEndpoints();
        app.MapAccountEndpoints();
        app.MapPersonPhotoEndpoints();
        app.MapProgramEndpoints();
        app.MapProceedingsEndpoints();
        app.MapRegistrationEndpoints();
        app.MapSeatingEndpoints();
        app.MapOnSiteEndpoints();
        app.MapCertificateEndpoints();
        app.MapBookletEndpoints();
        app.MapDelegateEndpoints();
        app.MapDashboardEndpoints();
        app.MapNoticeEndpoints();
        app.MapFeeEndpoints();
        app.MapPaperFileEndpoints();
        app.MapReviewEndpoints();
        app.MapBulletinEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    public static Task InitializeDatabaseAsync(this WebApplication app)
    {
        var paths = app.Services.GetRequiredService<AppPaths>();
        return DatabaseInitializer.InitializeAsync(app.Services, AdminSettings.Read(app.Configuration), DemoSeed.Folder(app.Configuration, app.Environment, paths));
    }
}
