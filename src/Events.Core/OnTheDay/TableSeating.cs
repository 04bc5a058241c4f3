namespace Events.Core.OnTheDay;

/// <summary>How people are placed at round tables or in rows.</summary>
public enum TableFill
{
    /// <summary>In rank order: the most senior fill the first (head) table, and so on.</summary>
    ByRank,

    /// <summary>People of one group (their unit) together at one table where the group fits, groups taken in order of their most senior member.</summary>
    ByGroup,
}

/// <summary>One person to be placed: the rank (1 is the most senior) and an optional group (the unit).</summary>
public sealed record TableGuest(int Rank, string? Group);

/// <summary>Places ranked people at tables (banquets) or in rows (group discussions) of a given number of seats.</summary>
public static class TableSeating
{
    public const int MaxSeatsPerTable = 40;

    /// <summary>The table (1-based) for each guest, in the order given.</summary>
    public static IReadOnlyList<int> Fill(IReadOnlyList<TableGuest> guests, int seatsPerTable, TableFill fill)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seatsPerTable, 1);
        var tables = new int[guests.Count];
        var order = Enumerable.Range(0, guests.Count).OrderBy(i => guests[i].Rank).ThenBy(i => i).ToList();
        if (fill == TableFill.ByRank)
        {
            for (var n = 0; n < order.Count; n++) tables[order[n]] = n / seatsPerTable + 1;
            return tables;
        }

        // Groups in order of their most senior member; people without a group are a group of one each.
        var groups = order
            .GroupBy(i => string.IsNullOrWhiteSpace(guests[i].Group) ? $"\u0000{i}" : guests[i].Group!.Trim())
            .Select(g => g.ToList())
            .ToList();
        var used = new List<int>();
        foreach (var group in groups)
        {
            if (group.Count <= seatsPerTable)
            {
                // The first table with room for the whole group, else a new one.
                var table = used.FindIndex(u => u + group.Count <= seatsPerTable);
                if (table < 0)
                {
                    used.Add(0);
                    table = used.Count - 1;
                }
                foreach (var i in group) tables[i] = table + 1;
                used[table] += group.Count;
            }
            else
            {
                // Too big for one table: seat by seat into the first tables with room.
                foreach (var i in group)
                {
                    var table = used.FindIndex(u => u < seatsPerTable);
                    if (table < 0)
                    {
                        used.Add(0);
                        table = used.Count - 1;
                    }
                    tables[i] = table + 1;
                    used[table]++;
                }
            }
        }
        return tables;
    }
}

/// <summary>
/// The seat order at one round table (圆桌): the most senior person at the table takes the host seat (主位, facing the
/// entrance), then the others alternate to the host's right and left, outward, by rank, so the principal guest (主宾)
/// sits on the host's right and the second guest on the host's left (the banquet custom, 以右为尊; it does not follow the
/// rostrum's convention switch). Seats are numbered from the host seat (1) round the table towards the host's right, so
/// the last seat is next to the host on the left, and empty seats of a table that is not full are those opposite the host.
/// </summary>
public static class RoundTableSeating
{
    /// <summary>The seat (1-based, from the host seat round to the host's right) of the person of <paramref name="rank"/> at the table (1 is its most senior).</summary>
    public static int SeatOf(int rank, int seats)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rank, seats);
        if (rank == 1) return 1;
        var step = rank / 2;
        return rank % 2 == 0 ? 1 + step : seats + 1 - step;
    }

    /// <summary>How many places round the table a seat is from the host seat, the shorter way.</summary>
    public static int PlacesFromHost(int seat, int seats) => Math.Min(seat - 1, seats - (seat - 1));

    /// <summary>
    /// The people at one table, given most senior first, with their seats, in seat order round the table. A table holding
    /// more people than <paramref name="seats"/> (assigned by hand) is seated as a table of that many.
    /// </summary>
    public static IReadOnlyList<(int Seat, T Guest)> Arrange<T>(IReadOnlyList<T> ranked, int seats)
    {
        var size = Math.Max(seats, ranked.Count);
        return ranked.Select((guest, i) => (Seat: SeatOf(i + 1, size), Guest: guest)).OrderBy(s => s.Seat).ToList();
    }
}
