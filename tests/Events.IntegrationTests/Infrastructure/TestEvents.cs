using Events.Core.Attendees;
using Events.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Infrastructure;

/// <summary>
/// Events and registrations made by a test. The seeded events are over (2023/2024) and the registration service refuses
/// ended events, so a test that registers makes its own event some weeks ahead.
/// </summary>
public static class TestEvents
{
    /// <summary>A published event starting 60 days from today (two days long), optionally a sub-forum of <paramref name="parentId"/>.</summary>
    public static async Task<int> CreateFutureAsync(EventsAppFactory app, string slug, string title, int? parentId = null,
        EventStatus status = EventStatus.Published, DateOnly? startDate = null)
    {
        var start = startDate ?? DateOnly.FromDateTime(DateTime.UtcNow.AddDays(60));
        await using var db = app.CreateDbContext();
        var ev = new Event
        {
            Slug = slug, Title = title, Kind = parentId is null ? EventKind.Symposium : EventKind.SubForum, StartDate = start, EndDate = start.AddDays(1),
            ParentEventId = parentId, Status = status, City = "成都", Venue = "四川科技馆",
        };
        db.Events.Add(ev);
        await db.SaveChangesAsync();
        return ev.Id;
    }

    /// <summary>
    /// An active registration written straight to the database, for tests of pages that show a seeded (past) event's
    /// program to its attendees rather than of registering.
    /// </summary>
    public static async Task<int> AddRegistrationAsync(EventsAppFactory app, int eventId, string userId, string name = "参会者",
        string organization = "测试单位", string title = "研究员", string email = "attendee@test.local")
    {
        await using var db = app.CreateDbContext();
        var registration = new Registration
        {
            EventId = eventId, UserId = userId, Name = name, Organization = organization, Title = title, Email = email,
            State = RegistrationState.Active, RegisteredAt = DateTimeOffset.UtcNow,
        };
        db.Registrations.Add(registration);
        await db.RegistrationSettings.Where(s => s.EventId == eventId).ExecuteUpdateAsync(s => s.SetProperty(x => x.SeatsTaken, x => x.SeatsTaken + 1));
        await db.SaveChangesAsync();
        return registration.Id;
    }
}
