using System.Net;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Events.Web.Hosting;

/// <summary>
/// How the app is reached: <c>App:Https:Enabled</c> (HSTS, redirect to HTTPS, cookies always Secure; on by default
/// outside Development) and <c>App:ForwardedHeaders</c> (trust X-Forwarded-For/-Proto from the proxies named).
/// </summary>
public sealed class TransportSecuritySettings
{
    public bool HttpsEnabled { get; init; }
    public int HstsMaxAgeDays { get; init; } = 365;
    public bool ForwardedHeadersEnabled { get; init; }
    public IReadOnlyList<IPAddress> KnownProxies { get; init; } = [];
    public IReadOnlyList<IPNetwork> KnownNetworks { get; init; } = [];

    public static TransportSecuritySettings Read(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var forwarded = configuration.GetSection("App:ForwardedHeaders");
        return new TransportSecuritySettings
        {
            HttpsEnabled = configuration.GetValue("App:Https:Enabled", !environment.IsDevelopment()),
            HstsMaxAgeDays = configuration.GetValue("App:Https:HstsMaxAgeDays", 365),
            ForwardedHeadersEnabled = forwarded.GetValue("Enabled", false),
            KnownProxies = [.. (forwarded.GetSection("KnownProxies").Get<string[]>() ?? []).Select(IPAddress.Parse)],
            KnownNetworks = [.. (forwarded.GetSection("KnownNetworks").Get<string[]>() ?? []).Select(n => IPNetwork.Parse(n))],
        };
    }
}

public static class TransportSecurityExtensions
{
    public static IServiceCollection AddEventsTransportSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = TransportSecuritySettings.Read(configuration, environment);
        services.AddSingleton(settings);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the proxies named are believed; the defaults (loopback) stay unless replaced.
            foreach (var proxy in settings.KnownProxies) o.KnownProxies.Add(proxy);
            foreach (var network in settings.KnownNetworks) o.KnownIPNetworks.Add(network);
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(settings.HstsMaxAgeDays);
            o.IncludeSubDomains = false;
        });
        services.Configure<CookiePolicyOptions>(o =>
        {
            // Auth, antiforgery and culture cookies alike: Secure whenever the request came over HTTPS (directly or,
            // with forwarded headers, at the proxy), and always once the app is HTTPS-only.
            o.Secure = settings.HttpsEnabled ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
            o.HttpOnly = HttpOnlyPolicy.None;
        });
        return services;
    }

    /// <summary>First in the pipeline: the request's scheme and address must be right before anything reads them.</summary>
    public static WebApplication UseEventsTransportSecurity(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<TransportSecuritySettings>();
        if (settings.ForwardedHeadersEnabled) app.UseForwardedHeaders();
        if (settings.HttpsEnabled)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseCookiePolicy();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        return app;
    }
}
