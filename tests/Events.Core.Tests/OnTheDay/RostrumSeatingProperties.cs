using Events.Core.OnTheDay;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Events.Core.Tests.OnTheDay;

public class RostrumSeatingProperties
{
    private static Arbitrary<int> Odd => Gen.Choose(0, 20).Select(n => 2 * n + 1).ToArbitrary();
    private static Arbitrary<int> Even => Gen.Choose(1, 20).Select(n => 2 * n).ToArbitrary();

    public static IEnumerable<SeatingConvention> Conventions => Enum.GetValues<SeatingConvention>();

    [Property(MaxTest = 60)]
    public Property Every_rank_is_seated_exactly_once_for_odd_counts() => Prop.ForAll(Odd, EveryRankOnce);

    [Property(MaxTest = 60)]
    public Property Every_rank_is_seated_exactly_once_for_even_counts() => Prop.ForAll(Even, EveryRankOnce);

    [Property(MaxTest = 60)]
    public Property Seniority_falls_with_distance_from_the_centre_for_odd_counts() => Prop.ForAll(Odd, SeniorityFalls);

    [Property(MaxTest = 60)]
    public Property Seniority_falls_with_distance_from_the_centre_for_even_counts() => Prop.ForAll(Even, SeniorityFalls);

    [Property(MaxTest = 60)]
    public Property Of_two_seats_equally_far_out_the_senior_side_holds_the_higher_rank() =>
        Prop.ForAll(Gen.Choose(1, 41).ToArbitrary(), count =>
            Conventions.All(convention =>
            {
                // Read from the rostrum: the official convention's senior side is the seated persons' left (the row's left).
                var ranks = RostrumSeating.RanksBySeat(count, convention, SeatingView.Rostrum);
                for (var seat = 0; seat < count / 2; seat++)
                {
                    var (left, right) = (ranks[seat], ranks[count - 1 - seat]);
                    var seniorOnLeft = left < right;
                    if (seniorOnLeft != (convention == SeatingConvention.Official)) return false;
                }
                return true;
            }).Label($"count {count}"));

    [Property(MaxTest = 60)]
    public Property The_audience_reads_the_rostrum_row_mirrored() =>
        Prop.ForAll(Gen.Choose(1, 41).ToArbitrary(), count =>
            Conventions.All(convention =>
                RostrumSeating.RanksBySeat(count, convention, SeatingView.Audience)
                    .SequenceEqual(RostrumSeating.RanksBySeat(count, convention, SeatingView.Rostrum).Reverse())));

    private static Property EveryRankOnce(int count) =>
        Conventions.All(convention => Enum.GetValues<SeatingView>().All(view =>
                RostrumSeating.RanksBySeat(count, convention, view).Order().SequenceEqual(Enumerable.Range(1, count))))
            .Label($"count {count}");

    private static Property SeniorityFalls(int count) =>
        Conventions.All(convention =>
            {
                var distances = Enumerable.Range(1, count)
                    .Select(rank => RostrumSeating.HalfSeatsFromCentre(RostrumSeating.SeatOf(rank, count, convention), count))
                    .ToList();
                return distances.Zip(distances.Skip(1)).All(pair => pair.First <= pair.Second);
            })
            .Label($"count {count}");
}

public class RostrumSeatingTests
{
    [Fact]
    public void Seven_people_under_the_official_convention_read_7531246_from_the_audience_and_6421357_from_the_rostrum()
    {
        Assert.Equal([7, 5, 3, 1, 2, 4, 6], RostrumSeating.RanksBySeat(7, SeatingConvention.Official, SeatingView.Audience));
        Assert.Equal([6, 4, 2, 1, 3, 5, 7], RostrumSeating.RanksBySeat(7, SeatingConvention.Official, SeatingView.Rostrum));
    }

    [Fact]
    public void Six_people_under_the_official_convention_put_rank_1_left_of_centre_as_seated_and_rank_2_right_of_it()
    {
        Assert.Equal([5, 3, 1, 2, 4, 6], RostrumSeating.RanksBySeat(6, SeatingConvention.Official, SeatingView.Rostrum));
        Assert.Equal([6, 4, 2, 1, 3, 5], RostrumSeating.RanksBySeat(6, SeatingConvention.Official, SeatingView.Audience));
    }

    [Fact]
    public void The_international_convention_puts_rank_2_on_the_right_of_rank_1()
    {
        Assert.Equal([7, 5, 3, 1, 2, 4, 6], RostrumSeating.RanksBySeat(7, SeatingConvention.International, SeatingView.Rostrum));
        Assert.Equal([6, 4, 2, 1, 3, 5], RostrumSeating.RanksBySeat(6, SeatingConvention.International, SeatingView.Rostrum));
    }

    [Fact]
    public void Arrange_places_the_people_themselves()
    {
        Assert.Equal(["丙", "甲", "乙"], RostrumSeating.Arrange(["甲", "乙", "丙"], SeatingConvention.Official, SeatingView.Audience));
        Assert.Equal(["甲"], RostrumSeating.Arrange(["甲"], SeatingConvention.International));
        Assert.Empty(RostrumSeating.Arrange(Array.Empty<string>(), SeatingConvention.Official));
    }
}

public class TableSeatingProperties
{
    private static readonly Gen<(List<TableGuest> Guests, int Seats)> Cases =
        from count in Gen.Choose(0, 40)
        from seats in Gen.Choose(1, 12)
        from groups in Gen.ListOf(Gen.Elements<string?>("甲", "乙", "丙", "丁", null), count)
        select (groups.Select((g, i) => new TableGuest(i + 1, g)).OrderBy(g => g.Group).ToList(), seats);

    [Property(MaxTest = 200)]
    public Property No_table_is_over_its_seats_and_everyone_has_one_table() =>
        Prop.ForAll(Cases.ToArbitrary(), c => Enum.GetValues<TableFill>().All(fill =>
        {
            var tables = TableSeating.Fill(c.Guests, c.Seats, fill);
            return tables.Count == c.Guests.Count && tables.All(t => t >= 1)
                && tables.GroupBy(t => t).All(g => g.Count() <= c.Seats);
        }));

    [Property(MaxTest = 200)]
    public Property By_rank_the_tables_follow_the_ranks_and_fill_up() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var tables = TableSeating.Fill(c.Guests, c.Seats, TableFill.ByRank);
            var byRank = c.Guests.Select((g, i) => (g.Rank, Table: tables[i])).OrderBy(x => x.Rank).Select(x => x.Table).ToList();
            return byRank.Select((t, i) => t == i / c.Seats + 1).All(ok => ok);
        });

    [Property(MaxTest = 200)]
    public Property By_group_a_group_that_fits_a_table_sits_together() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var tables = TableSeating.Fill(c.Guests, c.Seats, TableFill.ByGroup);
            return c.Guests.Select((g, i) => (g.Group, Table: tables[i]))
                .Where(x => x.Group is not null)
                .GroupBy(x => x.Group)
                .Where(g => g.Count() <= c.Seats)
                .All(g => g.Select(x => x.Table).Distinct().Count() == 1);
        });

    [Fact]
    public void By_group_the_most_senior_group_takes_the_first_table()
    {
        var tables = TableSeating.Fill([new(3, "乙"), new(1, "甲"), new(2, "乙"), new(4, "甲")], 2, TableFill.ByGroup);
        Assert.Equal([2, 1, 2, 1], tables);
    }
}
