using System.Diagnostics;
using Events.Core.Events;
using Events.Core.People;
using Events.Core.Program;
using Events.Core.Program.Synthetic;
using Events.Infrastructure.Data;
using Events.Infrastructure.Program;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Benchmarks;

/// <summary>
/// The synthetic 40-forum event (2,000 sessions, 6,000 participations, 3,000 people) loaded into the real app on SQLite,
/// then timed end to end: the conflict check from the database, publishing, one timetable page, and the public program page.
/// </summary>
public static class ProgramAtScale
{
    internal const string Slug = "synthetic-forum";

    public static async Task RunAsync()
    {
        using var factory = BenchmarkApp.Create("program", out var data);
        var client = factory.CreateClient();
        var db = factory.Services.GetRequiredService<IDbContextFactory<EventsDbContext>>();

        var load = Stopwatch.StartNew();
        var (rootId, forumId, day) = await LoadAsync(db);
        load.Stop();
        Console.WriteLine($"loaded synthetic event into SQLite: {load.Elapsed.TotalSeconds:F1} s");

        var program = factory.Services.GetRequiredService<ProgramService>();
        var conflicts = await MedianAsync(5, async () => (await program.ConflictsAsync(rootId)).Count);
        Console.WriteLine($"conflict check from the database (load 2,000 sessions + detect + name): median {conflicts.Median:F0} ms, {conflicts.Result} conflicts");

        var timetable = await MedianAsync(10, async () => (await program.TimetableAsync(rootId, forumId, day))!.Sessions.Count);
        Console.WriteLine($"timetable query, one forum and day (server-filtered): median {timetable.Median:F1} ms, {timetable.Result} sessions");

        var publisher = factory.Services.GetRequiredService<ProgramPublisher>();
        var publish = Stopwatch.StartNew();
        var result = await publisher.PublishAsync(BenchmarkApp.Admin, rootId, "bench", acknowledgeConflicts: true);
        publish.Stop();
        Console.WriteLine($"publish v{result.Version} (snapshot of 2,000 sessions, change log, JSON): {publish.ElapsedMilliseconds} ms");

        var html = "";
        var page = await MedianAsync(10, async () =>
        {
            html = await client.GetStringAsync(new Uri($"/events/{Slug}/program?day={day:yyyy-MM-dd}", UriKind.Relative));
            return html.Length;
        });
        var cards = html.Split("data-testid=\"public-session\"").Length - 1;
        Console.WriteLine($"public program page, prerendered HTML (one full day; a 41-forum event opens on its main forum): median {page.Median:F0} ms, {page.Result / 1024} KB, {cards} sessions");

        var sub = await MedianAsync(10, async () => (await client.GetStringAsync(new Uri($"/events/{Slug}-2/program?day={day:yyyy-MM-dd}", UriKind.Relative))).Length);
        Console.WriteLine($"public program page of one sub-forum: median {sub.Median:F0} ms, {sub.Result / 1024} KB");

        var ics = await MedianAsync(5, async () => (await client.GetStringAsync(new Uri($"/events/{Slug}/schedule.ics", UriKind.Relative))).Length);
        Console.WriteLine($"schedule.ics of the whole event: median {ics.Median:F0} ms, {ics.Result / 1024} KB");

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    private static async Task<(double Median, int Result)> MedianAsync(int runs, Func<Task<int>> work)
    {
        var result = await work(); // warm-up
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            result = await work();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], result);
    }

    internal static async Task<(int RootId, int ForumId, DateOnly Day)> LoadAsync(IDbContextFactory<EventsDbContext> factory)
    {
        var schedule = SyntheticProgram.Generate();
        await using var db = await factory.CreateDbContextAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var firstDay = DateOnly.FromDateTime(schedule.Windows[0].Start.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var lastDay = firstDay.AddDays(SyntheticProgram.Days - 1);
        var events = new Dictionary<int, Event>();
        foreach (var window in schedule.Windows)
        {
            var isRoot = window.EventId == SyntheticProgram.ParentEventId;
            events[window.EventId] = new Event
            {
                Slug = isRoot ? Slug : $"{Slug}-{window.EventId}",
                Title = isRoot ? "综合创新论坛（合成数据）" : $"分论坛 {window.EventId - 1}",
                Kind = isRoot ? EventKind.Forum : EventKind.SubForum,
                StartDate = firstDay,
                EndDate = lastDay,
                Status = EventStatus.Published,
            };
        }
        foreach (var (id, ev) in events.Where(e => e.Key != SyntheticProgram.ParentEventId)) ev.ParentEvent = events[SyntheticProgram.ParentEventId];
        db.Events.AddRange(events.Values);

        var people = Enumerable.Range(1, schedule.PersonCount).ToDictionary(i => i, i => new Person
        {
            Name = $"嘉宾{i:D4}",
            Positions = [new Position { Title = "研究员", Order = 0 }],
        });
        db.People.AddRange(people.Values);

        var rooms = schedule.Sessions.Where(s => s.RoomId is not null).GroupBy(s => s.RoomId!.Value)
            .ToDictionary(g => g.Key, g => new Room { Name = $"会场 {g.Key}", Order = g.Key, EventId = 0 });
        await db.SaveChangesAsync();
        foreach (var s in schedule.Sessions.Where(s => s.RoomId is not null)) rooms[s.RoomId!.Value].EventId = events[s.EventId].Id;
        db.Rooms.AddRange(rooms.Values);
        await db.SaveChangesAsync();

        foreach (var s in schedule.Sessions)
        {
            var session = new Session
            {
                EventId = events[s.EventId].Id,
                Kind = SessionKind.InvitedTalk,
                Title = $"场次 {s.Id}",
                Start = s.Start,
                End = s.End,
                RoomId = s.RoomId is { } r ? rooms[r].Id : null,
                Chairs = s.ChairIds.Distinct().Select((p, i) => new SessionChair { PersonId = people[p].Id, Order = i }).ToList(),
            };
            var perItem = Math.Max(1, s.ParticipantIds.Count);
            session.Items = s.ParticipantIds.Select((p, i) => new SessionItem
            {
                Title = $"报告 {s.Id}-{i + 1}",
                DurationMinutes = s.ItemMinutes / perItem,
                Order = i,
                Participants = [new ItemParticipant { PersonId = people[p].Id, Role = ItemRole.Speaker }],
            }).ToList();
            db.Sessions.Add(session);
        }
        await db.SaveChangesAsync();
        var firstForum = events.First(e => e.Key != SyntheticProgram.ParentEventId).Value.Id;
        return (events[SyntheticProgram.ParentEventId].Id, firstForum, firstDay);
    }
}
