using Events.Core.Attendees;
using Events.Core.Validation;

namespace Events.Core.Tests.Attendees;

public class RegistrationSettingsInputTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_capacity_must_be_positive(int capacity)
    {
        Assert.Equal([new RuleViolation("Capacity", "MustBePositive")], new RegistrationSettingsInput { Capacity = capacity }.Validate());
    }

    [Fact]
    public void No_capacity_and_no_closing_time_is_valid()
    {
        Assert.Empty(new RegistrationSettingsInput { IsOpen = true }.Validate());
    }

    [Fact]
    public void A_closing_time_without_a_day_asks_for_the_day()
    {
        Assert.Equal([new RuleViolation("ClosesOn", "Required")], new RegistrationSettingsInput { ClosesAtTime = new TimeOnly(18, 0) }.Validate());
    }

    [Fact]
    public void The_closing_time_is_read_in_the_event_zone_and_stored_as_that_instant()
    {
        var input = new RegistrationSettingsInput { ClosesOn = new DateOnly(2026, 9, 7), ClosesAtTime = new TimeOnly(18, 0) };

        Assert.Equal(new DateTimeOffset(2026, 9, 7, 10, 0, 0, TimeSpan.Zero), input.ClosesAt(Shanghai));
    }

    [Fact]
    public void A_day_alone_closes_at_the_last_minute_of_that_day_in_the_event_zone()
    {
        var input = new RegistrationSettingsInput { ClosesOn = new DateOnly(2026, 9, 7) };

        Assert.Equal(new DateTimeOffset(2026, 9, 7, 23, 59, 0, TimeSpan.FromHours(8)), input.ClosesAt(Shanghai));
    }

    [Fact]
    public void Settings_read_back_into_the_form_show_the_same_local_day_and_time()
    {
        var settings = new RegistrationSettings { EventId = 1, IsOpen = true, Capacity = 80, ClosesAt = new DateTimeOffset(2026, 9, 7, 10, 0, 0, TimeSpan.Zero) };

        var input = RegistrationSettingsInput.From(settings, Shanghai);

        Assert.Equal((true, (int?)80, (DateOnly?)new DateOnly(2026, 9, 7), (TimeOnly?)new TimeOnly(18, 0), settings.ConcurrencyStamp),
            (input.IsOpen, input.Capacity, input.ClosesOn, input.ClosesAtTime, input.ConcurrencyStamp));
    }

    [Fact]
    public void Applying_the_form_never_touches_the_seat_count()
    {
        var settings = new RegistrationSettings { EventId = 1, SeatsTaken = 42 };

        new RegistrationSettingsInput { IsOpen = true, Capacity = 10 }.ApplyTo(settings, Shanghai);

        Assert.Equal((true, (int?)10, 42), (settings.IsOpen, settings.Capacity, settings.SeatsTaken));
    }
}
