using Events.Core.OnTheDay;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Events.Core.Tests.OnTheDay;

public class RoundTableSeatingProperties
{
    /// <summary>A table of 1 to 24 seats and how many sit at it (1 to all of them).</summary>
    private static Arbitrary<(int Seats, int People)> Tables =>
        Gen.Choose(1, 24).SelectMany(seats => Gen.Choose(1, seats).Select(people => (seats, people))).ToArbitrary();

    [Property(MaxTest = 80)]
    public Property Everyone_at_a_table_has_a_seat_of_their_own_and_the_most_senior_the_host_seat() =>
        Prop.ForAll(Tables, t =>
        {
            var seats = Enumerable.Range(1, t.People).Select(rank => RoundTableSeating.SeatOf(rank, t.Seats)).ToList();
            return (seats.Distinct().Count() == t.People && seats.All(s => s >= 1 && s <= t.Seats) && seats[0] == 1).Label($"{t}: {string.Join(",", seats)}");
        });

    [Property(MaxTest = 80)]
    public Property Seniority_falls_with_the_distance_from_the_host_seat() =>
        Prop.ForAll(Tables, t =>
        {
            var distances = Enumerable.Range(1, t.People).Select(rank => RoundTableSeating.PlacesFromHost(RoundTableSeating.SeatOf(rank, t.Seats), t.Seats)).ToList();
            return distances.Zip(distances.Skip(1)).All(p => p.First <= p.Second).Label($"{t}: {string.Join(",", distances)}");
        });

    [Property(MaxTest = 80)]
    public Property Of_two_people_equally_far_from_the_host_the_one_on_the_hosts_right_is_senior() =>
        Prop.ForAll(Tables, t =>
        {
            var rankBySeat = Enumerable.Range(1, t.People).ToDictionary(rank => RoundTableSeating.SeatOf(rank, t.Seats));
            // Seat 1 + k is k places to the host's right; seat seats + 1 - k is k places to the host's left.
            for (var k = 1; 2 * k < t.Seats; k++)
            {
                var right = rankBySeat.GetValueOrDefault(1 + k);
                var left = rankBySeat.GetValueOrDefault(t.Seats + 1 - k);
                if (left != 0 && (right == 0 || right > left)) return false.Label($"{t}: k={k}, right {right}, left {left}");
            }
            return true.ToProperty();
        });

    [Fact]
    public void Ten_people_at_a_table_of_ten_sit_host_then_right_and_left_alternately()
    {
        // Going round from the host seat towards the host's right: ranks 1, 2, 4, 6, 8, 10, 9, 7, 5, 3.
        var arranged = RoundTableSeating.Arrange(Enumerable.Range(1, 10).ToList(), 10);
        Assert.Equal(new[] { 1, 2, 4, 6, 8, 10, 9, 7, 5, 3 }, arranged.Select(s => s.Guest).ToArray());
        Assert.Equal(Enumerable.Range(1, 10), arranged.Select(s => s.Seat));
    }

    [Fact]
    public void A_table_that_is_not_full_leaves_the_seats_opposite_the_host_empty_and_an_overfull_one_seats_everyone()
    {
        Assert.Equal(new[] { 1, 2, 3, 9, 10 }, RoundTableSeating.Arrange(Enumerable.Range(1, 5).ToList(), 10).Select(s => s.Seat).ToArray());
        var overfull = RoundTableSeating.Arrange(Enumerable.Range(1, 12).ToList(), 10);
        Assert.Equal(Enumerable.Range(1, 12), overfull.Select(s => s.Seat));
    }
}
