using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace Events.Web.PublicPages;

/// <summary>
/// The output cache policy of public pages and exports: what an anonymous reader gets, per path, query and culture,
/// tagged with the event slug so publishing drops exactly that event's entries.
/// </summary>
public sealed class PublicPageCachePolicy : IOutputCachePolicy
{
    public const string Name = "public-page";
    public const string AllTag = "public";
    public const string EventListTag = "events";
    public const string BulletinsTag = "bulletins";

    /// <summary>Published content changes only by publishing, which evicts; the expiry bounds what edits elsewhere (a person's name) leave stale.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(5);

    public static string EventTag(string slug) => "event:" + slug.ToLowerInvariant();

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        // A signed-in user's page is personal (stars, registration, logout form with an antiforgery token): never cached.
        var cacheable = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && http.Request.Headers.Authorization.Count == 0
            && http.User.Identity?.IsAuthenticated != true;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Expiry;
        context.CacheVaryByRules.QueryKeys = "*";
        // The request localization middleware has read the culture cookie by now.
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        context.Tags.Add(AllTag);
        if (http.Request.RouteValues.TryGetValue("slug", out var slug) && slug is string s) context.Tags.Add(EventTag(s));
        else if (http.Request.Path.StartsWithSegments("/bulletins")) context.Tags.Add(BulletinsTag);
        else context.Tags.Add(EventListTag);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        // A response that sets a cookie (an antiforgery token) belongs to one browser; only complete 200s are shared.
        if (response.Headers.SetCookie.Count > 0 || response.StatusCode != StatusCodes.Status200OK) context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
