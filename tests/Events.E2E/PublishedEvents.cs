using Events.Core.Access;
using Events.Core.Events;
using Events.Core.Program;
using Events.Infrastructure.Program;
using Microsoft.Extensions.DependencyInjection;

namespace Events.E2E;

/// <summary>
/// A published event of its own for a journey, so journeys running side by side never count each other's records: two
/// days from <c>first</c>, two sub-forums (青年学者分论坛, 政策分论坛) and one session a day in each forum
/// (第一天主会场报告, 第二天青年论坛报告, …), published as version 1.
/// </summary>
public static class PublishedEvents
{
    public static async Task<(int Id, string Slug)> SeedAsync(BrowserApp app, DateOnly first, string? staffEmail = null)
    {
        var slug = $"forums-{Guid.NewGuid().ToString("N")[..8]}";
        var second = first.AddDays(1);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Events.Infrastructure.Data.EventsDbContext>();
        var root = new Event { Title = "多论坛公开日程研讨会", Slug = slug, StartDate = first, EndDate = second, Status = EventStatus.Published };
        db.Events.Add(root);
        await db.SaveChangesAsync();
        var youth = new Event { Title = "青年学者分论坛", Slug = $"{slug}-youth", StartDate = first, EndDate = second, ParentEventId = root.Id, Status = EventStatus.Published };
        var policy = new Event { Title = "政策分论坛", Slug = $"{slug}-policy", StartDate = first, EndDate = second, ParentEventId = root.Id, Status = EventStatus.Published };
        db.Events.AddRange(youth, policy);
        if (staffEmail is not null)
        {
            var userId = db.Users.Single(u => u.Email == staffEmail).Id;
            db.EventStaff.Add(new EventStaff { EventId = root.Id, UserId = userId });
        }
        await db.SaveChangesAsync();

        var program = scope.ServiceProvider.GetRequiredService<ProgramService>();
        var admin = new Actor("seed", IsAdministrator: true, IsOrganizer: true);
        var rooms = new Dictionary<int, int>();
        foreach (var (forum, room) in new[] { (root.Id, "主会场"), (youth.Id, "青年会场"), (policy.Id, "政策会场") })
            rooms[forum] = (await program.AddRoomAsync(admin, forum, room, 100))!.Id;
        foreach (var (forum, name, hour) in new[] { (root.Id, "主会场", 9), (youth.Id, "青年论坛", 10), (policy.Id, "政策论坛", 11) })
        {
            foreach (var (day, ordinal) in new[] { (first, "第一天"), (second, "第二天") })
            {
                await program.SaveSessionAsync(admin, root.Id, new SessionInput
                {
                    EventId = forum, Kind = SessionKind.InvitedTalk, Title = $"{ordinal}{name}报告", Day = day, RoomId = rooms[forum],
                    StartTime = new TimeOnly(hour, 0), EndTime = new TimeOnly(hour, 45),
                });
            }
        }
        var published = await scope.ServiceProvider.GetRequiredService<ProgramPublisher>().PublishAsync(admin, root.Id, "e2e", acknowledgeConflicts: true);
        Assert.Equal(PublishOutcome.Published, published.Outcome);
        return (root.Id, slug);
    }
}
