using System.Diagnostics;
using System.Globalization;
using Events.Core.Attendees;
using Events.Core.Attendees.Forms;
using Events.Infrastructure.Attendees;
using Events.Infrastructure.Data;
using Events.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Benchmarks;

/// <summary>
/// "dashboard [registrants]": the organizer dashboard of an event with 5,000 registrants (three categories, every state,
/// and a full 回执 of arrival, departure, lodging and diet for most), in the real app on SQLite, timed on the server, plus
/// each table's xlsx.
/// </summary>
public static class DashboardAtScale
{
    private static readonly string[] Stations = ["上海虹桥站", "上海站", "浦东国际机场", "虹桥国际机场", "上海南站"];
    private static readonly string[] Diets = [ReplyFieldKeys.DietNormal, ReplyFieldKeys.DietNormal, ReplyFieldKeys.DietNormal, ReplyFieldKeys.DietHalal, ReplyFieldKeys.DietVegetarian, ReplyFieldKeys.DietOther];

    public static async Task RunAsync(int registrants)
    {
        using var factory = BenchmarkApp.Create("dashboard", out var data);
        _ = factory.Server;
        var dbs = factory.Services.GetRequiredService<IDbContextFactory<EventsDbContext>>();
        int eventId;
        var seed = Stopwatch.StartNew();
        await using (var db = await dbs.CreateDbContextAsync())
        {
            eventId = await db.Events.Where(e => e.Slug == "regional-innovation-symposium-7").Select(e => e.Id).SingleAsync();
            var form = new ReplyFormDefinition();
            foreach (var preset in new[] { ReplyFieldPresets.ArrivalPreset, ReplyFieldPresets.DeparturePreset, ReplyFieldPresets.LodgingPreset, ReplyFieldPresets.DietPreset })
            {
                form.Fields.AddRange(ReplyFieldPresets.Fields(preset));
            }
            form.Find(ReplyFieldKeys.Hotel)!.Options = Enumerable.Range(1, 4).Select(i => new ReplyOption { Key = $"h{i}", Label = $"协议酒店{i}" }).ToList();
            db.ReplyForms.Add(new ReplyForm { EventId = eventId, Version = 1, DefinitionJson = form.ToJson(), UpdatedAt = DateTimeOffset.UtcNow });
            var categories = Enumerable.Range(1, 3).Select(i => new RegistrationCategory { EventId = eventId, Name = $"类别{i}", SortOrder = i }).ToList();
            db.RegistrationCategories.AddRange(categories);
            await db.SaveChangesAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var states = new[] { RegistrationState.Active, RegistrationState.Active, RegistrationState.Active, RegistrationState.Active, RegistrationState.Active, RegistrationState.Active, RegistrationState.PendingApproval, RegistrationState.Waiting, RegistrationState.Cancelled, RegistrationState.Refused };
            for (var i = 0; i < registrants; i++)
            {
                var id = $"dash{i:D5}";
                var email = $"{id}@bench.test";
                db.Users.Add(new AppUser { Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true });
                var r = new Registration
                {
                    EventId = eventId, UserId = id, Name = $"代表{i}", Organization = $"测试大学{i % 60}", Title = "研究员", Email = email,
                    RegisteredAt = DateTimeOffset.UtcNow, State = states[i % states.Length], CategoryId = categories[i % 3].Id,
                };
                if (i % 11 != 0)
                {
                    var arrival = new DateTime(2030, 5, 9, 6, 0, 0).AddMinutes(i * 37 % (60 * 40));
                    Add(r, eventId, ReplyFieldKeys.ArrivalAt, arrival.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
                    Add(r, eventId, ReplyFieldKeys.ArrivalStation, Stations[i % Stations.Length]);
                    Add(r, eventId, ReplyFieldKeys.ArrivalPickup, i % 2 == 0 ? "true" : "false");
                    Add(r, eventId, ReplyFieldKeys.DepartureAt, arrival.AddDays(2).AddHours(i % 9).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
                    Add(r, eventId, ReplyFieldKeys.DepartureStation, Stations[(i + 2) % Stations.Length]);
                    Add(r, eventId, ReplyFieldKeys.Lodging, i % 4 == 0 ? "false" : "true");
                    Add(r, eventId, ReplyFieldKeys.Hotel, $"h{i % 4 + 1}");
                    Add(r, eventId, ReplyFieldKeys.CheckIn, DateOnly.FromDateTime(arrival).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    Add(r, eventId, ReplyFieldKeys.Nights, (i % 3 + 1).ToString(CultureInfo.InvariantCulture));
                    Add(r, eventId, ReplyFieldKeys.Diet, Diets[i % Diets.Length]);
                    if (Diets[i % Diets.Length] == ReplyFieldKeys.DietOther) Add(r, eventId, ReplyFieldKeys.DietDetail, $"忌口{i % 7}");
                }
                db.Registrations.Add(r);
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }
        Console.WriteLine($"seeded {registrants} registrants with their 回执 answers: {seed.Elapsed.TotalSeconds:F1} s");

        var dashboards = factory.Services.GetRequiredService<RegistrationDashboardService>();
        await Report($"dashboard ({registrants} registrants: counts, arrivals, departures, room nights, diets)", 10, async () =>
            (await dashboards.LoadAsync(eventId))!.Confirmed);
        var model = (await dashboards.LoadAsync(eventId))!;
        foreach (var table in Enum.GetValues<DashboardTable>())
        {
            await Report($"dashboard xlsx: {table}", 5, () => Task.FromResult(DashboardWorkbook.Write(model, table).Length));
        }
        Console.WriteLine($"rows: {model.Arrivals.Count} arrival buckets, {model.Departures.Count} departure buckets, {model.RoomNights.Count} hotel nights, {model.Diets.Count} diets");

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    private static void Add(Registration r, int eventId, string key, string value) =>
        r.Answers.Add(new RegistrationAnswer { EventId = eventId, FieldKey = key, Value = value });

    private static async Task Report(string what, int runs, Func<Task<int>> work)
    {
        var result = await work();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            result = await work();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: median {times[times.Count / 2]:F0} ms, max {times[^1]:F0} ms (result {result})"));
    }
}
