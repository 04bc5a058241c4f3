using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace Events.IntegrationTests.Infrastructure;

/// <summary>One route of the running app: its template and the HTTP methods it answers (empty for any).</summary>
public sealed record AppRoute(string Template, IReadOnlyList<string> Methods)
{
    public bool AnswersGet => Methods.Count == 0 || Methods.Contains("GET");

    /// <summary>Whether a concrete path (no query) is one this route answers, constraints included.</summary>
    public bool Matches(string path) => AppRouteTable.ToRegex(Template).IsMatch(path);

    public override string ToString() => Methods.Count == 0 || AnswersGet ? Template : $"{string.Join(",", Methods)} {Template}";
}

/// <summary>
/// The routes of the running app from its endpoint table: every page (each @page is a route endpoint) and every mapped
/// endpoint. Static files, Blazor's own endpoints and catch-alls are left out.
/// </summary>
public static partial class AppRouteTable
{
    public static IReadOnlyList<AppRoute> Routes(IServiceProvider services) => services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
        .Select(e => new AppRoute("/" + e.RoutePattern.RawText!.TrimStart('/'), e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToList() ?? []))
        .Where(r => !r.Template.StartsWith("/_", StringComparison.Ordinal) && !r.Template.Contains("{*", StringComparison.Ordinal))
        .DistinctBy(r => r.Template)
        .OrderBy(r => r.Template, StringComparer.Ordinal)
        .ToList();

    /// <summary>A route template as an anchored pattern: int parameters take digits, others one path segment.</summary>
    public static Regex ToRegex(string template)
    {
        var pattern = new StringBuilder("^");
        var at = 0;
        foreach (Match parameter in Parameter().Matches(template))
        {
            pattern.Append(Regex.Escape(template[at..parameter.Index]));
            pattern.Append(parameter.Value.Contains(":int", StringComparison.Ordinal) ? "[0-9]+" : "[^/]+");
            at = parameter.Index + parameter.Length;
        }
        pattern.Append(Regex.Escape(template[at..])).Append('$');
        return new Regex(pattern.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
