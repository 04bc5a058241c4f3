using System.Text.Encodings.Web;
using System.Text.Unicode;
using Events.Infrastructure.Publishing;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Events.Web.PublicPages;

/// <summary>How the public, read-only pages are written and served: as UTF-8 text, from the output cache.</summary>
public static class PublicPagesExtensions
{
    public static IServiceCollection AddPublicPages(this IServiceCollection services)
    {
        // The default encoder writes every CJK character as an entity (&#x4F1A;, 8 bytes instead of 3). Allowing all
        // ranges keeps the text as UTF-8; the encoder still escapes the HTML-sensitive characters (< > & ' " +).
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        // Published content changes only by publishing, so anonymous readers can be served from memory.
        services.AddOutputCache(o => o.AddPolicy(PublicPageCachePolicy.Name, new PublicPageCachePolicy()));
        services.AddSingleton<IPublicPageCache, OutputCachePublicPages>();
        services.AddSingleton<PublicPageWarmUp.Readiness>();
        services.AddHostedService<PublicPageWarmUp>();
        return services;
    }

    /// <summary>
    /// Readiness (for a load balancer, compose): 503 and "Unhealthy" until the public pages are warm, then the health
    /// checks as <c>/healthz</c> runs them. The checks do not run while warming up: the health check service logs every
    /// unhealthy answer as an error, and a not-yet-warm instance is expected, not a failure (a failing check after the
    /// warm-up is still logged).
    /// </summary>
    public static IEndpointConventionBuilder MapReadiness(this IEndpointRouteBuilder endpoints, string pattern)
    {
        var readiness = endpoints.ServiceProvider.GetRequiredService<PublicPageWarmUp.Readiness>();
        var pipeline = endpoints.CreateApplicationBuilder()
            .Use((context, next) => readiness.IsDone ? next(context) : NotReadyAsync(context))
            .UseMiddleware<HealthCheckMiddleware>(Options.Create(new HealthCheckOptions()))
            .Build();
        return endpoints.Map(pattern, pipeline).WithDisplayName("Readiness");
    }

    /// <summary>What the health check middleware answers for an unhealthy report, not to be cached.</summary>
    private static Task NotReadyAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.CacheControl = "no-store, no-cache";
        context.Response.Headers.Pragma = "no-cache";
        context.Response.Headers.Expires = "Thu, 01 Jan 1970 00:00:00 GMT";
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(nameof(HealthStatus.Unhealthy));
    }

    /// <summary>After authentication (the policy skips signed-in users) and request localization (it varies by culture).</summary>
    public static IApplicationBuilder UsePublicPages(this IApplicationBuilder app)
    {
        var readiness = app.ApplicationServices.GetRequiredService<PublicPageWarmUp.Readiness>();
        app.Use((context, next) =>
        {
            readiness.NoteRequest(context);
            return next(context);
        });
        return app.UseOutputCache().UseMiddleware<ContentETagMiddleware>();
    }
}
