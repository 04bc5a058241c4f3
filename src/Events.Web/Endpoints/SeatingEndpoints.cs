using Events.Core.OnTheDay;
using Events.Web.Access;
using Events.Web.Components.Documents;

namespace Events.Web.Endpoints;

/// <summary>A session's seating chart and table tents as PDFs, for the event's staff and administrators only.</summary>
public static class SeatingEndpoints
{
    public static string ChartPdf(int eventId, int sessionId, SeatingView seen) =>
        $"/manage/events/{eventId}/seating/{sessionId}/chart.pdf?view={seen.ToString().ToLowerInvariant()}";

    public static string TentsPdf(int eventId, int sessionId, SeatingView seen, IEnumerable<int>? guestIds = null)
    {
        var url = $"/manage/events/{eventId}/seating/{sessionId}/tents.pdf?view={seen.ToString().ToLowerInvariant()}";
        var ids = guestIds?.ToList();
        return ids is { Count: > 0 } ? $"{url}&guests={string.Join(",", ids)}" : url;
    }

    public static IEndpointRouteBuilder MapSeatingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/manage/events/{eventId:int}/seating/{sessionId:int}/chart.pdf",
            async (int eventId, int sessionId, string? view, SeatingDocuments documents, CancellationToken ct) =>
                await documents.ChartAsync(eventId, sessionId, Seen(view), ct) is { } pdf
                    ? Results.File(pdf, "application/pdf", $"seating-{sessionId}.pdf")
                    : Results.NotFound())
            .RequireAuthorization(Policies.EventStaff);

        app.MapGet("/manage/events/{eventId:int}/seating/{sessionId:int}/tents.pdf",
            async (int eventId, int sessionId, string? view, string? guests, SeatingDocuments documents, CancellationToken ct) =>
                await documents.TentsAsync(eventId, sessionId, Seen(view), GuestIds(guests), ct) is { } pdf
                    ? Results.File(pdf, "application/pdf", $"table-tents-{sessionId}.pdf")
                    : Results.NotFound())
            .RequireAuthorization(Policies.EventStaff);
        return app;
    }

    private static SeatingView Seen(string? view) =>
        string.Equals(view, "rostrum", StringComparison.OrdinalIgnoreCase) ? SeatingView.Rostrum : SeatingView.Audience;

    /// <summary>"3,5,8" → the chosen guests; anything that is not a number is ignored.</summary>
    private static HashSet<int>? GuestIds(string? guests) =>
        string.IsNullOrWhiteSpace(guests)
            ? null
            : guests.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : (int?)null)
                .OfType<int>().Take(SeatingRules.MaxGuests).ToHashSet();
}
