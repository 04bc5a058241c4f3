using System.Text.Encodings.Web;
using System.Text.Unicode;
using Events.Infrastructure.Publishing;

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
        services.AddHealthChecks().AddCheck<PublicPageWarmUp.Readiness>(PublicPageWarmUp.Readiness.Name, tags: [PublicPageWarmUp.Readiness.Tag]);
        return services;
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
