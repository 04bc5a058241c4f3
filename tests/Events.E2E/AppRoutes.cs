using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace Events.E2E;

/// <summary>
/// The app's routes as the app itself declares them, so a crawl covers a new page or endpoint without anyone adding it
/// to a list: pages from the components' [Route] attributes (what @page compiles to), and the GET endpoints from the
/// running app's endpoint table.
/// </summary>
public static class AppRoutes
{
    public static IReadOnlyList<string> Pages() => typeof(Program).Assembly.GetTypes()
        .Where(t => typeof(IComponent).IsAssignableFrom(t))
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
        .Select(r => r.Template)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Minimal-API endpoints a browser can GET; pages, static files and Blazor's own endpoints are left out.</summary>
    public static IReadOnlyList<string> GetEndpoints(IServiceProvider services) => services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null
            && e.Metadata.GetMetadata<StaticAssetDescriptor>() is null
            && (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") ?? true))
        .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
        // Blazor's own endpoints, and the static files' catch-all.
        .Where(t => !t.StartsWith("/_framework/", StringComparison.Ordinal) && !t.Contains("{*", StringComparison.Ordinal))
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();
}
