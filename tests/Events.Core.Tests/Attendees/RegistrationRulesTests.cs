using Events.Core.Attendees;

namespace Events.Core.Tests.Attendees;

public class RegistrationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    private static RegistrationSettings Open(int? capacity = null, int taken = 0, DateTimeOffset? closes = null) =>
        new() { EventId = 1, IsOpen = true, Capacity = capacity, SeatsTaken = taken, ClosesAt = closes };

    [Fact]
    public void An_open_published_event_with_seats_left_takes_a_registration()
    {
        Assert.Null(RegistrationRules.Refusal(true, Open(capacity: 10, taken: 9), alreadyRegistered: false, Now));
    }

    [Fact]
    public void Without_a_capacity_there_is_always_a_seat()
    {
        Assert.Null(RegistrationRules.Refusal(true, Open(capacity: null, taken: 100_000), false, Now));
        Assert.Null(RegistrationRules.SeatsLeft(null, 100_000));
    }

    [Fact]
    public void When_every_seat_is_taken_the_registration_is_refused_as_full()
    {
        Assert.Equal(RegistrationRefusal.Full, RegistrationRules.Refusal(true, Open(capacity: 10, taken: 10), false, Now));
    }

    [Fact]
    public void After_the_capacity_was_lowered_below_the_count_it_is_full_and_no_seats_are_left()
    {
        Assert.Equal(RegistrationRefusal.Full, RegistrationRules.Refusal(true, Open(capacity: 5, taken: 8), false, Now));
        Assert.Equal(0, RegistrationRules.SeatsLeft(5, 8));
    }

    [Fact]
    public void An_event_without_settings_or_with_registration_closed_is_not_open()
    {
        Assert.Equal(RegistrationRefusal.NotOpen, RegistrationRules.Refusal(true, null, false, Now));
        var closed = Open(capacity: 10);
        closed.IsOpen = false;
        Assert.Equal(RegistrationRefusal.NotOpen, RegistrationRules.Refusal(true, closed, false, Now));
    }

    [Fact]
    public void At_the_closing_moment_registration_has_closed_and_one_tick_before_it_is_open()
    {
        Assert.Equal(RegistrationRefusal.DeadlinePassed, RegistrationRules.Refusal(true, Open(closes: Now), false, Now));
        Assert.Null(RegistrationRules.Refusal(true, Open(closes: Now.AddTicks(1)), false, Now));
    }

    [Fact]
    public void Someone_already_registered_is_told_so_even_when_the_event_is_full()
    {
        Assert.Equal(RegistrationRefusal.AlreadyRegistered, RegistrationRules.Refusal(true, Open(capacity: 1, taken: 1), alreadyRegistered: true, Now));
    }

    [Fact]
    public void An_unpublished_event_refuses_before_anything_else()
    {
        Assert.Equal(RegistrationRefusal.NotPublished, RegistrationRules.Refusal(false, Open(capacity: 1, taken: 1), true, Now));
    }

    [Theory]
    [InlineData(true, null, 0, null, true)]
    [InlineData(true, 3, 2, null, true)]
    [InlineData(true, 3, 3, null, false)]
    [InlineData(true, 3, 4, null, false)]
    [InlineData(false, null, 0, null, false)]
    [InlineData(true, null, 0, -1, false)]
    [InlineData(true, null, 0, 0, false)]
    [InlineData(true, 3, 0, 1, true)]
    public void The_database_predicate_agrees_with_the_rule(bool isOpen, int? capacity, int taken, int? closesInMinutes, bool hasSeat)
    {
        var settings = new RegistrationSettings
        {
            EventId = 1, IsOpen = isOpen, Capacity = capacity, SeatsTaken = taken,
            ClosesAt = closesInMinutes is { } m ? Now.AddMinutes(m) : null,
        };

        Assert.Equal(hasSeat, RegistrationRules.HasSeatAt(Now).Compile()(settings));
        Assert.Equal(hasSeat, RegistrationRules.Refusal(true, settings, false, Now) is null);
    }
}
