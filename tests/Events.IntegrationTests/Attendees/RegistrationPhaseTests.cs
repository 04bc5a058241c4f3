using Events.Core.Events;
using Events.Infrastructure.Attendees;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Attendees;

/// <summary>The organizer's registration header says whether registration is open, past its deadline, or over with the event.</summary>
public sealed class RegistrationPhaseTests(EventsAppFactory app) : IClassFixture<EventsAppFactory>
{
    private async Task<int> EventAsync(DateOnly start, DateOnly end)
    {
        _ = app.Server;
        await using var db = app.CreateDbContext();
        var ev = new Event { Slug = $"phase-{Guid.NewGuid():N}", Title = "报名状态测试会", StartDate = start, EndDate = end, Status = EventStatus.Published };
        db.Events.Add(ev);
        await db.SaveChangesAsync();
        return ev.Id;
    }

    private async Task OpenAsync(int eventId, DateOnly? closesOn = null)
    {
        var view = (await app.Get<RegistrationSettingsEditor>().LoadAsync(eventId))!;
        view.Input.IsOpen = true;
        view.Input.ClosesOn = closesOn;
        await app.Get<RegistrationSettingsEditor>().SaveAsync(TestActors.Admin, eventId, view.Input);
    }

    [Fact]
    public async Task An_ended_event_with_registration_switched_on_says_the_event_is_over_not_open()
    {
        var id = await EventAsync(new DateOnly(2023, 7, 29), new DateOnly(2023, 7, 30));
        await OpenAsync(id);

        var counts = await app.Get<AttendeeList>().CountsAsync(id);

        Assert.True(counts.IsOpen);
        Assert.Equal(RegistrationPhase.EventEnded, counts.Phase);
    }

    [Fact]
    public async Task An_upcoming_event_is_open_until_its_deadline_and_closed_without_settings()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var upcoming = await EventAsync(today.AddDays(30), today.AddDays(31));
        Assert.Equal(RegistrationPhase.Closed, (await app.Get<AttendeeList>().CountsAsync(upcoming)).Phase);

        await OpenAsync(upcoming);
        Assert.Equal(RegistrationPhase.Open, (await app.Get<AttendeeList>().CountsAsync(upcoming)).Phase);

        await OpenAsync(upcoming, closesOn: today.AddDays(-2));
        Assert.Equal(RegistrationPhase.DeadlinePassed, (await app.Get<AttendeeList>().CountsAsync(upcoming)).Phase);
    }

    [Fact]
    public void A_day_after_the_last_day_is_after_the_event_and_the_event_ends_at_midnight_in_its_zone()
    {
        var end = new DateOnly(2026, 6, 12);
        Assert.False(EventEnd.IsAfter(end, end));
        Assert.True(EventEnd.IsAfter(end.AddDays(1), end));
        Assert.False(EventEnd.IsAfter(null, end));
        Assert.Equal(new DateTimeOffset(2026, 6, 12, 16, 0, 0, TimeSpan.Zero), EventEnd.Instant(end, "Asia/Shanghai"));
    }
}
