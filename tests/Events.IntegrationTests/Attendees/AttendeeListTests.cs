using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.Common;
using Events.Infrastructure.Attendees;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Attendees;

/// <summary>The organizer's list: search, pinyin and date order, counts, and the xlsx export over HTTP.</summary>
public sealed class AttendeeListTests : IAsyncLifetime, IDisposable
{
    private const string Symposium = "future-symposium";
    private readonly EventsAppFactory app = new();
    private int eventId;
    private TestUser organizer = default!;
    private TestUser otherOrganizer = default!;

    // Registered in this order, a minute apart; pinyin order is 艾 (ai), 李 (li), 王 (wang), 张 (zhang).
    private static readonly (string Name, string Organization, string Email)[] People =
    [
        ("张三", "复旦大学", "zhangsan@fudan.example.cn"),
        ("王五", "四川省科学技术发展战略研究院", "Wangwu@Example.cn"),
        ("艾明", "上海市科学学研究所", "aiming@example.cn"),
        ("李四", "华东师范大学", "lisi@example.cn"),
    ];

    public async Task InitializeAsync()
    {
        _ = app.Server;
        // The seeded events are over and take no registrations: the list is of an event weeks ahead.
        await TestEvents.CreateFutureAsync(app, Symposium, "第七届全国区域创新学术研讨会");
        organizer = await TestUsers.CreateAsync(app, "org@test.local", [Roles.Organizer], Symposium);
        otherOrganizer = await TestUsers.CreateAsync(app, "other@test.local", [Roles.Organizer], "pujiang-forum-2024");
        await using (var db = app.CreateDbContext()) eventId = await db.Events.Where(e => e.Slug == Symposium).Select(e => e.Id).SingleAsync();
        var settings = (await app.Get<RegistrationSettingsEditor>().LoadAsync(eventId))!.Input;
        settings.IsOpen = true;
        settings.Capacity = 10;
        await app.Get<RegistrationSettingsEditor>().SaveAsync(TestActors.Admin, eventId, settings);

        for (var i = 0; i < People.Length; i++)
        {
            var user = await TestUsers.CreateAsync(app, $"a{i}@test.local", [Roles.Attendee]);
            var p = People[i];
            var result = await app.Get<RegistrationService>().RegisterAsync(eventId, user.Id,
                new RegistrationInput { Name = p.Name, Organization = p.Organization, Title = "研究员", Email = p.Email });
            Assert.Equal(RegistrationOutcome.Registered, result.Outcome);
            // Distinct registration times, so date order is defined.
            await using var db = app.CreateDbContext();
            await db.Registrations.Where(r => r.Id == result.RegistrationId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.RegisteredAt, new DateTimeOffset(2023, 7, 1, 1, i, 0, TimeSpan.Zero)));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => app.Dispose();

    private Task<PagedResult<AttendeeListItem>> SearchAsync(string? term, AttendeeSort sort = AttendeeSort.Pinyin, int page = 0, int size = 20, bool cancelled = false) =>
        app.Get<AttendeeList>().SearchAsync(eventId, new AttendeeQuery(new PageRequest(page, size, term), sort, cancelled));

    [Fact]
    public async Task The_list_sorts_by_pinyin_or_by_registration_time()
    {
        Assert.Equal(["艾明", "李四", "王五", "张三"], (await SearchAsync(null)).Items.Select(a => a.Name));
        Assert.Equal(["李四", "艾明", "王五", "张三"], (await SearchAsync(null, AttendeeSort.Newest)).Items.Select(a => a.Name));
        Assert.Equal(["张三", "王五", "艾明", "李四"], (await SearchAsync(null, AttendeeSort.Oldest)).Items.Select(a => a.Name));
    }

    [Theory]
    [InlineData("科学", new[] { "艾明", "王五" })]
    [InlineData("四", new[] { "李四", "王五" })]
    [InlineData("wangwu@example", new[] { "王五" })]
    [InlineData("FUDAN", new[] { "张三" })]
    [InlineData("北京", new string[0])]
    public async Task Search_finds_substrings_of_name_organization_and_email(string term, string[] expected)
    {
        var result = await SearchAsync(term);
        Assert.Equal(expected, result.Items.Select(a => a.Name));
        Assert.Equal(expected.Length, result.Total);
    }

    [Fact]
    public async Task Pages_are_cut_on_the_server_and_the_total_counts_all_matches()
    {
        var second = await SearchAsync(null, page: 1, size: 3);
        Assert.Equal(["张三"], second.Items.Select(a => a.Name));
        Assert.Equal(4, second.Total);
    }

    [Fact]
    public async Task Cancelled_registrations_leave_the_list_and_the_counts_unless_asked_for()
    {
        var wang = (await SearchAsync("王五")).Items.Single();
        Assert.True(await app.Get<RegistrationService>().CancelForAttendeeAsync(TestActors.Admin, eventId, wang.Id));

        Assert.Equal(3, (await SearchAsync(null)).Total);
        var all = await SearchAsync(null, cancelled: true);
        Assert.Equal(RegistrationState.Cancelled, all.Items.Single(a => a.Name == "王五").State);
        var counts = await app.Get<AttendeeList>().CountsAsync(eventId);
        Assert.Equal((3, 1, (int?)10, (int?)7, true), (counts.Registered, counts.Cancelled, counts.Capacity, counts.SeatsLeft, counts.IsOpen));
    }

    [Fact]
    public async Task The_xlsx_export_validates_and_lists_the_attendees_in_pinyin_order_with_local_times()
    {
        using var response = await app.CreateRawClient().SendAsync(organizer.Get($"/manage/events/{eventId}/registrations.xlsx"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith($"{Symposium}-registrations-", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(doc).ToList();
        Assert.True(errors.Count == 0, "xlsx validation errors:\n" + string.Join("\n", errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));

        var sheet = Assert.Single(doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>());
        Assert.Equal("报名名单", sheet.Name!.Value);
        var rows = ((WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!.Value!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.Text?.Text ?? "").ToList()).ToList();
        Assert.Equal(["序号", "姓名", "单位", "职务/职称", "电子邮箱", "电话", "报名时间"], rows[0]);
        Assert.Equal(["艾明", "李四", "王五", "张三"], rows.Skip(1).Select(r => r[1]));
        // 01:02 UTC is 09:02 in Asia/Shanghai.
        Assert.Equal(["1", "艾明", "上海市科学学研究所", "研究员", "aiming@example.cn", "", "2023-07-01 09:02"], rows[1]);
    }

    [Fact]
    public void The_xlsx_validation_is_not_vacuous()
    {
        var bytes = AttendeeWorkbook.Write([], "Asia/Shanghai");
        using var stream = new MemoryStream();
        stream.Write(bytes);
        using var doc = SpreadsheetDocument.Open(stream, true);
        Assert.Empty(new OpenXmlValidator().Validate(doc));

        // Sheet data holds rows only: a stray text element must be reported.
        doc.WorkbookPart!.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!.Append(new Text("stray"));
        Assert.NotEmpty(new OpenXmlValidator().Validate(doc));
    }

    [Fact]
    public async Task The_export_is_for_the_events_staff_only()
    {
        var client = app.CreateRawClient();
        using var other = await client.SendAsync(otherOrganizer.Get($"/manage/events/{eventId}/registrations.xlsx"));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        using var anonymous = await client.GetAsync($"/manage/events/{eventId}/registrations.xlsx");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }
}
