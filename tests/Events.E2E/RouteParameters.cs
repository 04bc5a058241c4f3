using System.Text.RegularExpressions;

namespace Events.E2E;

/// <summary>
/// Turns a route template into a URL with values a crawl has data for. A parameter is looked up by the literal segment
/// before it and its name ("papers/id", "events/slug"), because the same name means different things on different
/// routes. A template with a parameter the table does not know cannot be filled: a new route makes the crawl fail until
/// someone says which record it should open.
/// </summary>
public sealed partial class RouteParameters(IReadOnlyDictionary<string, string> values)
{
    public bool TryFill(string template, out string url, out string missing)
    {
        var segments = template.Trim('/').Split('/');
        var previous = "";
        string? unknown = null;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var before = previous;
            segments[i] = Parameter().Replace(segment, m =>
            {
                var key = $"{before}/{m.Groups["name"].Value}";
                if (values.TryGetValue(key, out var value)) return Uri.EscapeDataString(value);
                unknown ??= key;
                return m.Value;
            });
            if (!segment.Contains('{', StringComparison.Ordinal)) previous = segment;
        }
        url = "/" + string.Join('/', segments);
        missing = unknown ?? "";
        return unknown is null;
    }

    public RouteParameters With(IReadOnlyDictionary<string, string> overrides)
    {
        var merged = new Dictionary<string, string>(values);
        foreach (var (key, value) in overrides) merged[key] = value;
        return new RouteParameters(merged);
    }

    [GeneratedRegex(@"\{\**(?<name>[A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex Parameter();
}
