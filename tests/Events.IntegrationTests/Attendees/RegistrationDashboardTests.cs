using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.Attendees.Dashboard;
using Events.Core.Attendees.Forms;
using Events.Infrastructure.Attendees;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Attendees;

/// <summary>
/// The organizer dashboard on a small known set: counts by category and state, arrivals and departures by day, station
/// and hour (across midnight, with missing answers), room nights by hotel and night, diets, and the xlsx downloads.
/// </summary>
public sealed class RegistrationDashboardTests : IAsyncLifetime, IDisposable
{
    private const string Symposium = "regional-innovation-symposium-7";
    private readonly EventsAppFactory app = new();
    private int eventId;
    private TestUser organizer = default!;
    private TestUser otherOrganizer = default!;
    private RegistrationDashboard model = default!;

    public async Task InitializeAsync()
    {
        _ = app.Server;
        organizer = await TestUsers.CreateAsync(app, "dash@test.local", [Roles.Organizer], Symposium);
        otherOrganizer = await TestUsers.CreateAsync(app, "dash-other@test.local", [Roles.Organizer], "pujiang-forum-2024");
        await using (var db = app.CreateDbContext()) eventId = await db.Events.Where(e => e.Slug == Symposium).Select(e => e.Id).SingleAsync();

        var form = new ReplyFormDefinition();
        foreach (var preset in new[] { ReplyFieldPresets.ArrivalPreset, ReplyFieldPresets.DeparturePreset, ReplyFieldPresets.LodgingPreset, ReplyFieldPresets.DietPreset })
        {
            form.Fields.AddRange(ReplyFieldPresets.Fields(preset));
        }
        form.Find(ReplyFieldKeys.Hotel)!.Options =
        [
            new ReplyOption { Key = "jinjiang", Label = "锦江饭店", LabelEn = "Jinjiang Hotel" },
            new ReplyOption { Key = "hengshan", Label = "衡山宾馆", LabelEn = "Hengshan Hotel" },
        ];

        var ids = await RegistrantSeed.AddAsync(app, eventId, Enumerable.Range(1, 8).Select(i => new RegistrantSeed.Person($"代表{i}", "复旦大学")));
        await using (var db = app.CreateDbContext())
        {
            var student = new RegistrationCategory { EventId = eventId, Name = "学生", NameEn = "Student", SortOrder = 2 };
            var regular = new RegistrationCategory { EventId = eventId, Name = "正式代表", NameEn = "Delegate", SortOrder = 1 };
            db.RegistrationCategories.AddRange(student, regular);
            db.ReplyForms.Add(new ReplyForm { EventId = eventId, Version = 1, DefinitionJson = form.ToJson(), UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();

            var regs = await db.Registrations.Where(r => ids.Contains(r.Id)).OrderBy(r => r.Id).ToListAsync();
            // 1–4 正式代表 active; 5 学生 active; 6 学生 pending; 7 学生 cancelled; 8 without a category, waiting.
            for (var i = 0; i < 4; i++) regs[i].CategoryId = regular.Id;
            regs[4].CategoryId = student.Id;
            regs[5].CategoryId = student.Id;
            regs[5].State = RegistrationState.PendingApproval;
            regs[6].CategoryId = student.Id;
            regs[6].State = RegistrationState.Cancelled;
            regs[7].State = RegistrationState.Waiting;

            void Answer(int i, string key, string value) =>
                db.RegistrationAnswers.Add(new RegistrationAnswer { EventId = eventId, RegistrationId = regs[i].Id, FieldKey = key, Value = value });

            // Arrivals: two at Hongqiao on the 9th in the 23:00 hour, one just after midnight (the 10th, 00:00 hour),
            // one on the 10th at 08:15 without a station.
            Answer(0, ReplyFieldKeys.ArrivalAt, "2030-05-09T23:10");
            Answer(0, ReplyFieldKeys.ArrivalStation, "上海虹桥站");
            Answer(0, ReplyFieldKeys.ArrivalPickup, "true");
            Answer(1, ReplyFieldKeys.ArrivalAt, "2030-05-09T23:59");
            Answer(1, ReplyFieldKeys.ArrivalStation, " 上海虹桥站 ");
            Answer(1, ReplyFieldKeys.ArrivalPickup, "false");
            Answer(2, ReplyFieldKeys.ArrivalAt, "2030-05-10T00:05");
            Answer(2, ReplyFieldKeys.ArrivalStation, "上海虹桥站");
            Answer(2, ReplyFieldKeys.ArrivalPickup, "true");
            Answer(3, ReplyFieldKeys.ArrivalAt, "2030-05-10T08:15");
            // 3 has no station; 4 (active) gave no arrival at all.

            Answer(0, ReplyFieldKeys.DepartureAt, "2030-05-11T17:30");
            Answer(0, ReplyFieldKeys.DepartureStation, "浦东机场");
            Answer(0, ReplyFieldKeys.DepartureDropoff, "true");
            Answer(1, ReplyFieldKeys.DepartureAt, "2030-05-11T17:00");
            Answer(1, ReplyFieldKeys.DepartureStation, "浦东机场");

            // Lodging: 0 at Jinjiang from the 9th for 2 nights; 1 at Jinjiang, no check-in date, from arrival day to departure (9th, 10th);
            // 2 at Hengshan from the 10th for 1 night; 3 wants no lodging but named a hotel (ignored).
            Answer(0, ReplyFieldKeys.Lodging, "true");
            Answer(0, ReplyFieldKeys.Hotel, "jinjiang");
            Answer(0, ReplyFieldKeys.CheckIn, "2030-05-09");
            Answer(0, ReplyFieldKeys.Nights, "2");
            Answer(1, ReplyFieldKeys.Lodging, "true");
            Answer(1, ReplyFieldKeys.Hotel, "jinjiang");
            Answer(2, ReplyFieldKeys.Lodging, "true");
            Answer(2, ReplyFieldKeys.Hotel, "hengshan");
            Answer(2, ReplyFieldKeys.CheckIn, "2030-05-10");
            Answer(2, ReplyFieldKeys.Nights, "1");
            Answer(3, ReplyFieldKeys.Lodging, "false");
            Answer(3, ReplyFieldKeys.Hotel, "hengshan");

            Answer(0, ReplyFieldKeys.Diet, ReplyFieldKeys.DietHalal);
            Answer(1, ReplyFieldKeys.Diet, ReplyFieldKeys.DietNormal);
            Answer(2, ReplyFieldKeys.Diet, ReplyFieldKeys.DietOther);
            Answer(2, ReplyFieldKeys.DietDetail, "不吃辣");
            Answer(3, ReplyFieldKeys.Diet, ReplyFieldKeys.DietHalal);

            // The pending registration's answers are not counted in the logistics.
            Answer(5, ReplyFieldKeys.ArrivalAt, "2030-05-09T10:00");
            Answer(5, ReplyFieldKeys.Diet, ReplyFieldKeys.DietVegetarian);
            await db.SaveChangesAsync();
        }
        model = (await app.Get<RegistrationDashboardService>().LoadAsync(eventId))!;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => app.Dispose();

    [Fact]
    public void Counts_by_category_and_state_in_category_order_with_the_uncategorised_last()
    {
        Assert.Equal(["正式代表", "学生", null], model.Categories.Select(c => c.Name));
        Assert.Equal(new CategoryStateRow(model.Categories[0].CategoryId, "正式代表", "Delegate", 4, 0, 0, 0, 0), model.Categories[0]);
        Assert.Equal((1, 1, 0, 0, 1), (model.Categories[1].Active, model.Categories[1].Pending, model.Categories[1].Waiting, model.Categories[1].Refused, model.Categories[1].Cancelled));
        Assert.Equal((0, 1), (model.Categories[2].Active, model.Categories[2].Waiting));
        Assert.Equal(5, model.Confirmed);
    }

    [Fact]
    public void Arrivals_are_bucketed_by_day_station_and_hour_across_midnight_with_the_missing_counted()
    {
        Assert.Equal(
        [
            new TravelRow(new DateOnly(2030, 5, 9), "上海虹桥站", 23, 2, 1),
            new TravelRow(new DateOnly(2030, 5, 10), "上海虹桥站", 0, 1, 1),
            new TravelRow(new DateOnly(2030, 5, 10), null, 8, 1, 0),
        ], model.Arrivals);
        Assert.Equal(1, model.ArrivalsUnanswered);
        Assert.Equal([new TravelRow(new DateOnly(2030, 5, 11), "浦东机场", 17, 2, 1)], model.Departures);
        Assert.Equal(3, model.DeparturesUnanswered);
    }

    [Fact]
    public void Room_nights_are_counted_by_hotel_in_form_order_and_night()
    {
        Assert.Equal(
        [
            new RoomNightRow("jinjiang", "锦江饭店", "Jinjiang Hotel", new DateOnly(2030, 5, 9), 2),
            new RoomNightRow("jinjiang", "锦江饭店", "Jinjiang Hotel", new DateOnly(2030, 5, 10), 2),
            new RoomNightRow("hengshan", "衡山宾馆", "Hengshan Hotel", new DateOnly(2030, 5, 10), 1),
        ], model.RoomNights);
        Assert.Equal(3, model.LodgingGuests);
        Assert.Equal(5, model.TotalRoomNights);
    }

    [Fact]
    public void Diets_follow_the_form_options_with_the_unanswered_last()
    {
        Assert.Equal([(ReplyFieldKeys.DietNormal, 1), (ReplyFieldKeys.DietHalal, 2), (ReplyFieldKeys.DietOther, 1), ((string?)null, 1)],
            model.Diets.Select(d => (d.Key, d.People)));
        Assert.Equal(["不吃辣"], model.OtherDiets);
    }

    [Fact]
    public async Task Each_table_downloads_as_xlsx_for_the_events_staff_only()
    {
        var client = app.CreateRawClient();
        using var response = await client.SendAsync(organizer.Get($"/manage/events/{eventId}/dashboard/arrivals.xlsx"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using (var doc = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false))
        {
            var rows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
                .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
            Assert.Equal(["日期", "车站/机场", "时段", "人数", "接站"], rows[0]);
            Assert.Equal(["2030-05-09", "上海虹桥站", "23:00–00:00", "2", "1"], rows[1]);
            Assert.Equal(["未填写", "", "", "1", ""], rows[^1]);
        }
        foreach (var table in new[] { "categories", "departures", "roomnights", "diets" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(organizer.Get($"/manage/events/{eventId}/dashboard/{table}.xlsx"))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(organizer.Get($"/manage/events/{eventId}/dashboard/nothing.xlsx"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(organizer.Get($"/manage/events/{eventId}/dashboard/1.xlsx"))).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(otherOrganizer.Get($"/manage/events/{eventId}/dashboard/arrivals.xlsx"))).StatusCode);
    }
}
