using Events.Core.OnTheDay;
using Events.Infrastructure.OnTheDay;

namespace Events.Web.Components.Documents;

/// <summary>
/// One table tent: the name, and where the person sits: <see cref="Seat"/> on a rostrum (1-based, from the left as the
/// document's view reads), <see cref="Table"/> at tables or rows, neither for a tent printed without a seat.
/// </summary>
public sealed record TableTent(int Rank, string Name, int? Seat, int? Table, SeatingLayout Layout)
{
    /// <summary>The widest a name may print across a face: A4's 210 mm less 12 mm on each side, in points.</summary>
    public const double FaceWidthPt = 527;
    public const double MaxSizePt = 150;
    public const double MinSizePt = 24;

    /// <summary>The name's size in points: as large as fits across the face, at most 150 pt (3 characters), Latin letters counted at 0.6 em.</summary>
    public static double FontSizePt(string spacedName)
    {
        var ems = spacedName.Sum(c => c > '\u2e80' ? 1.0 : 0.6);
        if (ems <= 0) return MaxSizePt;
        return Math.Round(Math.Clamp(FaceWidthPt / ems, MinSizePt, MaxSizePt), 1);
    }
}

/// <summary>The seating chart and table tents of a session as PDFs (Razor printed by Chromium).</summary>
public sealed class SeatingDocuments(SeatingService seating, DocumentPdf pdf)
{
    /// <summary>The chart, or null for a session not of this event.</summary>
    public async Task<byte[]?> ChartAsync(int eventId, int sessionId, SeatingView seen, CancellationToken ct = default)
    {
        if (await seating.LoadAsync(eventId, sessionId, ct) is not { } view) return null;
        return await pdf.RenderAsync<SeatingChartDocument>(new Dictionary<string, object?>
        {
            [nameof(SeatingChartDocument.View)] = view,
            [nameof(SeatingChartDocument.Seen)] = seen,
        }, ct: ct);
    }

    /// <summary>Tents for every seated person, or only for <paramref name="guestIds"/> when given; null for a session not of this event.</summary>
    public async Task<byte[]?> TentsAsync(int eventId, int sessionId, SeatingView seen, IReadOnlyCollection<int>? guestIds, CancellationToken ct = default)
    {
        if (await seating.LoadAsync(eventId, sessionId, ct) is not { } view) return null;
        // Nobody seated, or a chosen list that names none of this session's guests: nothing to print.
        if (Tents(view, seen, guestIds).Count == 0) return null;
        return await TentsAsync(view, seen, guestIds, ct);
    }

    public Task<byte[]> TentsAsync(SessionSeating view, SeatingView seen, IReadOnlyCollection<int>? guestIds, CancellationToken ct = default) =>
        pdf.RenderAsync<TableTentsDocument>(new Dictionary<string, object?>
        {
            [nameof(TableTentsDocument.Tents)] = Tents(view, seen, guestIds),
            [nameof(TableTentsDocument.SessionTitle)] = view.SessionTitle,
            [nameof(TableTentsDocument.DocumentTitle)] = view.SessionTitle,
            [nameof(TableTentsDocument.Seen)] = seen,
        }, ct: ct);

    /// <summary>The tents in seat order (a rostrum left to right as seen), else in rank order.</summary>
    public static IReadOnlyList<TableTent> Tents(SessionSeating view, SeatingView seen, IReadOnlyCollection<int>? guestIds)
    {
        IEnumerable<TableTent> all = view.Layout == SeatingLayout.Rostrum
            ? RostrumSeating.Arrange(view.Guests, view.Convention, seen).Select((g, i) => new TableTent(g.Rank, g.Name, i + 1, null, view.Layout))
            : view.Guests.OrderBy(g => g.Table ?? int.MaxValue).ThenBy(g => g.Rank).Select(g => new TableTent(g.Rank, g.Name, null, g.Table, view.Layout));
        if (guestIds is not null)
        {
            var ranks = view.Guests.Where(g => guestIds.Contains(g.Id)).Select(g => g.Rank).ToHashSet();
            all = all.Where(t => ranks.Contains(t.Rank));
        }
        return all.ToList();
    }
}
