using System.Globalization;
using Events.Core.Attendees;
using Events.Core.Attendees.Dashboard;
using Events.Core.Attendees.Forms;
using Events.Infrastructure.Attendees;
using Events.Infrastructure.Data;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Attendees;

/// <summary>
/// The dashboard the database groups equals a brute-force count over the same data: 300 registrations in every state
/// with random 回执 answers (missing ones, stations typed with spaces, lodging with and without a check-in date or a
/// number of nights, protected rows, other events' rows), counted here one registration at a time in C#.
/// </summary>
public sealed class RegistrationDashboardBruteForceTests : IAsyncLifetime, IDisposable
{
    private readonly EventsAppFactory app = new();
    private int eventId;

    public async Task InitializeAsync()
    {
        _ = app.Server;
        int otherEventId;
        await using (var db = app.CreateDbContext())
        {
            eventId = await db.Events.Where(e => e.Slug == "regional-innovation-symposium-7").Select(e => e.Id).SingleAsync();
            otherEventId = await db.Events.Where(e => e.Slug == "pujiang-forum-2024").Select(e => e.Id).SingleAsync();
        }
        var form = new ReplyFormDefinition();
        foreach (var preset in new[] { ReplyFieldPresets.ArrivalPreset, ReplyFieldPresets.DeparturePreset, ReplyFieldPresets.LodgingPreset, ReplyFieldPresets.DietPreset })
        {
            form.Fields.AddRange(ReplyFieldPresets.Fields(preset));
        }
        form.Find(ReplyFieldKeys.Hotel)!.Options = [new ReplyOption { Key = "a", Label = "甲酒店" }, new ReplyOption { Key = "b", Label = "乙酒店" }];

        var ids = await RegistrantSeed.AddAsync(app, eventId, Enumerable.Range(1, 300).Select(i => new RegistrantSeed.Person($"代表{i}", "复旦大学")));
        var otherIds = await RegistrantSeed.AddAsync(app, otherEventId, Enumerable.Range(1, 20).Select(i => new RegistrantSeed.Person($"他人{i}", "同济大学")));
        var random = new Random(16);
        string[] stations = ["上海虹桥站", " 上海虹桥站", "上海　虹桥站", "上海  虹桥站", "浦东机场", "上海站"];
        string[] diets = [ReplyFieldKeys.DietNormal, ReplyFieldKeys.DietHalal, ReplyFieldKeys.DietVegetarian, ReplyFieldKeys.DietOther, "unknown-diet"];
        string[] hotels = ["a", "b", "c"];
        var states = Enum.GetValues<RegistrationState>();
        await using (var db = app.CreateDbContext())
        {
            var categories = Enumerable.Range(1, 3).Select(i => new RegistrationCategory { EventId = eventId, Name = $"类别{i}", SortOrder = 4 - i }).ToList();
            db.RegistrationCategories.AddRange(categories);
            db.ReplyForms.Add(new ReplyForm { EventId = eventId, Version = 1, DefinitionJson = form.ToJson(), UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();

            var regs = await db.Registrations.Where(r => ids.Contains(r.Id) || otherIds.Contains(r.Id)).ToListAsync();
            foreach (var r in regs)
            {
                r.State = states[random.Next(states.Length)];
                r.CategoryId = random.Next(4) is var c && c < 3 && r.EventId == eventId ? categories[c].Id : null;
                void Answer(string key, string? value, bool isProtected = false)
                {
                    if (value is not null) db.RegistrationAnswers.Add(new RegistrationAnswer { EventId = r.EventId, RegistrationId = r.Id, FieldKey = key, Value = value, IsProtected = isProtected });
                }
                string? Maybe(string value) => random.Next(5) == 0 ? null : value;
                var arrival = new DateTime(2030, 5, 9, 0, 0, 0).AddMinutes(random.Next(60 * 72));
                Answer(ReplyFieldKeys.ArrivalAt, Maybe(arrival.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)));
                Answer(ReplyFieldKeys.ArrivalStation, Maybe(stations[random.Next(stations.Length)]));
                Answer(ReplyFieldKeys.ArrivalPickup, Maybe(random.Next(2) == 0 ? "true" : "false"));
                var departure = arrival.AddHours(random.Next(12, 96));
                Answer(ReplyFieldKeys.DepartureAt, Maybe(departure.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)));
                Answer(ReplyFieldKeys.DepartureStation, Maybe(stations[random.Next(stations.Length)]));
                Answer(ReplyFieldKeys.DepartureDropoff, Maybe(random.Next(2) == 0 ? "true" : "false"));
                Answer(ReplyFieldKeys.Lodging, Maybe(random.Next(3) == 0 ? "false" : "true"));
                Answer(ReplyFieldKeys.Hotel, Maybe(hotels[random.Next(hotels.Length)]));
                Answer(ReplyFieldKeys.CheckIn, Maybe(DateOnly.FromDateTime(arrival).AddDays(random.Next(-1, 2)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                Answer(ReplyFieldKeys.Nights, Maybe(random.Next(0, 5).ToString(CultureInfo.InvariantCulture)));
                var diet = Maybe(diets[random.Next(diets.Length)]);
                Answer(ReplyFieldKeys.Diet, diet);
                if (diet == ReplyFieldKeys.DietOther) Answer(ReplyFieldKeys.DietDetail, Maybe($"忌口{random.Next(4)} "));
                // A protected answer is never read, even under a dashboard key.
                if (random.Next(10) == 0) Answer(ReplyFieldKeys.Mobile, "ciphertext", isProtected: true);
            }
            await db.SaveChangesAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Every_figure_equals_a_brute_force_count_over_the_same_rows()
    {
        var model = (await app.Get<RegistrationDashboardService>().LoadAsync(eventId))!;

        await using var db = app.CreateDbContext();
        var registrations = await db.Registrations.AsNoTracking().Where(r => r.EventId == eventId).Include(r => r.Answers).ToListAsync();
        Assert.Equal(300, registrations.Count);

        foreach (var c in model.Categories)
        {
            int Count(RegistrationState s) => registrations.Count(r => r.CategoryId == c.CategoryId && r.State == s);
            Assert.Equal((Count(RegistrationState.Active), Count(RegistrationState.PendingApproval), Count(RegistrationState.Waiting), Count(RegistrationState.Refused), Count(RegistrationState.Cancelled)),
                (c.Active, c.Pending, c.Waiting, c.Refused, c.Cancelled));
        }
        Assert.Equal(registrations.Count, model.Categories.Sum(c => c.Active + c.Pending + c.Waiting + c.Refused + c.Cancelled));

        var active = registrations.Where(r => r.State == RegistrationState.Active).Select(r => RegistrationAnswers.From(r.Answers)).ToList();
        Assert.Equal(active.Count, model.Confirmed);

        List<TravelRow> Travel(Func<RegistrationAnswers, DateTime?> at, Func<RegistrationAnswers, string?> station, Func<RegistrationAnswers, bool?> transfer) =>
            active.Where(a => at(a) is not null)
                .GroupBy(a => (Day: DateOnly.FromDateTime(at(a)!.Value), Station: RegistrationDashboardBuilder.Station(station(a)), at(a)!.Value.Hour))
                .Select(g => new TravelRow(g.Key.Day, g.Key.Station, g.Key.Hour, g.Count(), g.Count(a => transfer(a) == true)))
                .OrderBy(r => r.Day).ThenBy(r => r.Station is null).ThenBy(r => r.Station, StringComparer.Ordinal).ThenBy(r => r.Hour).ToList();
        var arrivals = Travel(a => a.ArrivalAt, a => a.ArrivalStation, a => a.ArrivalPickup);
        Assert.True(arrivals.Count > 20);
        Assert.Contains(arrivals, r => r.Station == "上海 虹桥站");
        Assert.Equal(arrivals, model.Arrivals);
        Assert.Equal(active.Count(a => a.ArrivalAt is null), model.ArrivalsUnanswered);
        Assert.Equal(Travel(a => a.DepartureAt, a => a.DepartureStation, a => a.DepartureDropoff), model.Departures);
        Assert.Equal(active.Count(a => a.DepartureAt is null), model.DeparturesUnanswered);

        var nights = active.SelectMany(a => a.RoomNights.Select(n => (a.Hotel!, n))).GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(nights.Count > 5);
        Assert.Equal(nights.OrderBy(kv => kv.Key.Item1, StringComparer.Ordinal).ThenBy(kv => kv.Key.n),
            model.RoomNights.Select(r => KeyValuePair.Create((r.HotelKey, r.Night), r.Guests)).OrderBy(kv => kv.Key.HotelKey, StringComparer.Ordinal).ThenBy(kv => kv.Key.Night));
        Assert.Equal(active.Count(a => a.RoomNights.Count > 0), model.LodgingGuests);

        var diets = active.GroupBy(a => a.Diet ?? "(none)").ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(diets.OrderBy(kv => kv.Key, StringComparer.Ordinal), model.Diets.ToDictionary(d => d.Key ?? "(none)", d => d.People).OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal("(none)", model.Diets[^1].Key ?? "(none)");
        Assert.Equal(active.Where(a => a.Diet == ReplyFieldKeys.DietOther && a.DietDetail is not null).Select(a => a.DietDetail!.Trim()).Order(StringComparer.Ordinal), model.OtherDiets);
    }
}

/// <summary>
/// The dashboard's queries on SQL Server: compiled by the SQL Server provider (no server here: opening is suppressed and
/// each command answers from a table in memory), and each command's text parses as T-SQL.
/// </summary>
public sealed class RegistrationDashboardSqlServerTests
{
    [Fact]
    public async Task Every_dashboard_query_translates_for_sql_server_and_parses_as_T_SQL()
    {
        var commands = new List<string>();
        var options = new DbContextOptionsBuilder<EventsDbContext>();
        DatabaseServiceCollectionExtensions.Configure(options, DatabaseProvider.SqlServer,
            "Server=localhost;Database=Events;Trusted_Connection=True;TrustServerCertificate=True", Path.GetTempPath());
        options.AddInterceptors(new NoServer(), new Answering(commands));
        var dashboards = new RegistrationDashboardService(new Factory(options.Options));

        var model = await dashboards.LoadAsync(1);

        Assert.NotNull(model);
        Assert.Equal(0, model.Confirmed);
        Assert.True(commands.Count >= 8, string.Join(Environment.NewLine, commands));
        Assert.Contains(commands, c => c.Contains("MAX(CASE", StringComparison.Ordinal) && c.Contains("SUBSTRING", StringComparison.Ordinal));
        var parser = new Microsoft.SqlServer.TransactSql.ScriptDom.TSql160Parser(initialQuotedIdentifiers: true);
        foreach (var sql in commands)
        {
            using var reader = new StringReader(sql);
            parser.Parse(reader, out var errors);
            Assert.True(errors.Count == 0, sql + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
        }
    }

    private sealed class Factory(DbContextOptions<EventsDbContext> options) : IDbContextFactory<EventsDbContext>
    {
        public EventsDbContext CreateDbContext() => new(options);
    }

    private sealed class NoServer : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
    {
        public override Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult ConnectionOpening(
            System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult result) =>
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult.Suppress();

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult> ConnectionOpeningAsync(
            System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult.Suppress());
    }

    /// <summary>The event's time zone for the first query, nothing for the others.</summary>
    private sealed class Answering(List<string> commands) : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            commands.Add(command.CommandText);
            var table = new System.Data.DataTable();
            if (command.CommandText.Contains("[TimeZoneId]", StringComparison.Ordinal))
            {
                table.Columns.Add("TimeZoneId", typeof(string));
                table.Rows.Add("Asia/Shanghai");
            }
            else
            {
                // No rows, and at least as many columns as any projection asks for.
                for (var i = 0; i < 16; i++) table.Columns.Add($"c{i}", typeof(object));
            }
            return ValueTask.FromResult(Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>.SuppressWithResult(table.CreateDataReader()));
        }
    }
}
