namespace Events.Core.OnTheDay;

/// <summary>Which side of the centre is the senior one, seen by the people seated on the rostrum (facing the audience).</summary>
public enum SeatingConvention
{
    /// <summary>The Chinese official convention (以左为尊): rank 2 sits on rank 1's left.</summary>
    Official,

    /// <summary>The international convention: rank 2 sits on rank 1's right.</summary>
    International,
}

/// <summary>From where a seat row is read left to right. Charts and table tents say which one they print.</summary>
public enum SeatingView
{
    /// <summary>As the audience sees the rostrum.</summary>
    Audience,

    /// <summary>As the people on the rostrum see it, facing the audience.</summary>
    Rostrum,
}

/// <summary>
/// The rostrum's (主席台) seat order from a ranked list: rank 1 in the centre, then alternating to the senior side and
/// the other, outward. With an even count the two middle seats are the centre: rank 1 takes the one on the senior side,
/// rank 2 the other. Under the official convention, seven people read 7-5-3-1-2-4-6 from the audience and
/// 6-4-2-1-3-5-7 from the rostrum.
/// </summary>
public static class RostrumSeating
{
    /// <summary>The seat of <paramref name="rank"/> (1-based) among <paramref name="count"/>, 0-based from the left as <paramref name="view"/> reads.</summary>
    public static int SeatOf(int rank, int count, SeatingConvention convention, SeatingView view = SeatingView.Audience)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rank, count);

        // Computed from the rostrum's view under the official convention: the seated person's left is the left of the row.
        int seat;
        if (count % 2 == 1)
        {
            var centre = count / 2;
            seat = rank == 1 ? centre : rank % 2 == 0 ? centre - rank / 2 : centre + (rank - 1) / 2;
        }
        else
        {
            // Two centre seats: rank 1 on the left one (senior side), rank 2 on the right one.
            var leftCentre = count / 2 - 1;
            seat = rank % 2 == 1 ? leftCentre - (rank - 1) / 2 : leftCentre + rank / 2;
        }
        var officialFromRostrum = seat;
        var mirrored = convention == SeatingConvention.International;
        // The audience sees the row mirrored, and so does the other convention: both together cancel out.
        if (mirrored ^ (view == SeatingView.Audience)) return count - 1 - officialFromRostrum;
        return officialFromRostrum;
    }

    /// <summary>The rank (1-based) in each seat, left to right as <paramref name="view"/> reads.</summary>
    public static IReadOnlyList<int> RanksBySeat(int count, SeatingConvention convention, SeatingView view = SeatingView.Audience)
    {
        var ranks = new int[count];
        for (var rank = 1; rank <= count; rank++) ranks[SeatOf(rank, count, convention, view)] = rank;
        return ranks;
    }

    /// <summary>The ranked people (most senior first) placed in their seats, left to right as <paramref name="view"/> reads.</summary>
    public static IReadOnlyList<T> Arrange<T>(IReadOnlyList<T> ranked, SeatingConvention convention, SeatingView view = SeatingView.Audience)
    {
        if (ranked.Count == 0) return [];
        var seats = new T[ranked.Count];
        for (var i = 0; i < ranked.Count; i++) seats[SeatOf(i + 1, ranked.Count, convention, view)] = ranked[i];
        return seats;
    }

    /// <summary>How far a seat is from the centre of the row, in half seats (0 for the middle seat of an odd row).</summary>
    public static int HalfSeatsFromCentre(int seat, int count) => Math.Abs(2 * seat - (count - 1));
}
