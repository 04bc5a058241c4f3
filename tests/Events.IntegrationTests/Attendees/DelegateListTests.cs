using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Events.Core.Access;
using Events.Core.Attendees.Delegates;
using Events.Core.Common;
using Events.Infrastructure.Attendees;
using Events.IntegrationTests.Infrastructure;
using Events.IntegrationTests.Pdf;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Attendees;

/// <summary>The delegate list: stroke, pinyin and protocol order, groups, search and paging, and the xlsx and PDF downloads.</summary>
public sealed class DelegateListTests : IAsyncLifetime, IDisposable
{
    private const string Symposium = "regional-innovation-symposium-7";
    private readonly EventsAppFactory app = new();
    private int eventId;
    private TestUser organizer = default!;
    private TestUser otherOrganizer = default!;
    private IReadOnlyList<int> ids = [];

    private static readonly RegistrantSeed.Person[] People =
    [
        new("王 小明", "复旦大学"),
        new("马三", "科学技术部战略规划司"),
        new("丁一", "上海市科学技术委员会"),
        new("于四", "北京市科学技术委员会"),
        new("卜五", "科学技术部"),
        new("万六", "浙江大学", "教授"),
    ];

    public async Task InitializeAsync()
    {
        _ = app.Server;
        organizer = await TestUsers.CreateAsync(app, "org@test.local", [Roles.Organizer], Symposium);
        otherOrganizer = await TestUsers.CreateAsync(app, "other@test.local", [Roles.Organizer], "pujiang-forum-2024");
        await using (var db = app.CreateDbContext()) eventId = await db.Events.Where(e => e.Slug == Symposium).Select(e => e.Id).SingleAsync();
        ids = await RegistrantSeed.AddAsync(app, eventId, People);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => app.Dispose();

    private DelegateListService Service => app.Get<DelegateListService>();

    private async Task<IReadOnlyList<string>> NamesAsync(DelegateOrder order, bool grouped = false, string? term = null) =>
        (await Service.SearchAsync(eventId, new DelegateListQuery(new PageRequest(0, 50, term), order, grouped))).Items.Select(l => l.Delegate.Name).ToList();

    [Fact]
    public async Task The_list_is_ordered_by_surname_strokes_by_pinyin_or_by_the_saved_protocol_order()
    {
        Assert.Equal(["丁一", "卜五", "于四", "万六", "马三", "王 小明"], await NamesAsync(DelegateOrder.Stroke));
        Assert.Equal(["卜五", "丁一", "马三", "万六", "王 小明", "于四"], await NamesAsync(DelegateOrder.Pinyin));

        var settings = await Service.LoadSettingsAsync(eventId);
        settings.ProtocolOrder = "科学技术部\n北京市\n上海市";
        Assert.Equal(SaveOutcome.Saved, (await Service.SaveSettingsAsync(TestActors.Admin, eventId, settings)).Outcome);
        // 科学技术部 ranks both its delegates (卜 before 马 by strokes), then 北京市, then 上海市, then the rest by strokes.
        Assert.Equal(["卜五", "马三", "于四", "丁一", "万六", "王 小明"], await NamesAsync(DelegateOrder.Protocol));
    }

    [Fact]
    public async Task A_stale_settings_form_is_refused_and_writes_nothing()
    {
        var first = await Service.LoadSettingsAsync(eventId);
        var second = await Service.LoadSettingsAsync(eventId);
        first.ProtocolOrder = "北京市";
        Assert.Equal(SaveOutcome.Saved, (await Service.SaveSettingsAsync(TestActors.Admin, eventId, first)).Outcome);
        second.ProtocolOrder = "上海市";
        Assert.Equal(SaveOutcome.Conflict, (await Service.SaveSettingsAsync(TestActors.Admin, eventId, second)).Outcome);
        Assert.Equal("北京市", (await Service.LoadSettingsAsync(eventId)).ProtocolOrder);

        var tooLong = await Service.LoadSettingsAsync(eventId);
        tooLong.Heading = new string('名', DelegateListSettings.MaxHeadingLength + 1);
        Assert.Equal(SaveOutcome.Invalid, (await Service.SaveSettingsAsync(TestActors.Admin, eventId, tooLong)).Outcome);
    }

    [Fact]
    public async Task Groups_order_the_list_and_search_keeps_each_delegates_number()
    {
        var staff = TestActors.AdminAs("admin-groups");
        Assert.True(await Service.SetGroupAsync(staff, eventId, ids[0], "第十组"));
        Assert.True(await Service.SetGroupAsync(staff, eventId, ids[1], " 第二组 "));
        Assert.True(await Service.SetGroupAsync(staff, eventId, ids[5], "第二组"));
        Assert.False(await Service.SetGroupAsync(staff, eventId, 999_999, "第二组"));
        Assert.False(await Service.SetGroupAsync(staff, eventId, ids[2], new string('组', DelegateGroup.MaxNameLength + 1)));

        Assert.Equal(["万六", "马三", "王 小明", "丁一", "卜五", "于四"], await NamesAsync(DelegateOrder.Stroke, grouped: true));
        Assert.Equal(["第二组", "第十组"], await Service.GroupNamesAsync(eventId));

        var found = await Service.SearchAsync(eventId, new DelegateListQuery(new PageRequest(0, 50, "第二组"), DelegateOrder.Stroke, true));
        Assert.Equal([(1, "万六"), (2, "马三")], found.Items.Select(l => (l.Number, l.Delegate.Name)));
        // "王小明" finds "王 小明": spaces inside names do not count.
        Assert.Equal(["王 小明"], await NamesAsync(DelegateOrder.Stroke, term: "王小明"));

        Assert.True(await Service.SetGroupAsync(staff, eventId, ids[0], "  "));
        Assert.Equal(["第二组"], await Service.GroupNamesAsync(eventId));
    }

    [Fact]
    public async Task Pages_are_cut_on_the_server_after_sorting()
    {
        var page = await Service.SearchAsync(eventId, new DelegateListQuery(new PageRequest(1, 4), DelegateOrder.Stroke));
        Assert.Equal(6, page.Total);
        Assert.Equal([(5, "马三"), (6, "王 小明")], page.Items.Select(l => (l.Number, l.Delegate.Name)));
    }

    [Fact]
    public async Task The_xlsx_download_is_valid_and_in_the_chosen_order()
    {
        using var response = await app.CreateRawClient().SendAsync(organizer.Get($"/manage/events/{eventId}/delegates.xlsx?order=Pinyin"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        var sheet = Assert.Single(doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>());
        Assert.Equal("代表名单", sheet.Name!.Value);
        var rows = ((WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!.Value!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.Text?.Text ?? "").ToList()).ToList();
        Assert.Equal(["序号", "分组", "姓名", "单位", "职务/职称"], rows[0]);
        Assert.Equal(["1", "", "卜五", "科学技术部", "研究员"], rows[1]);
        Assert.Equal(["卜五", "丁一", "马三", "万六", "王 小明", "于四"], rows.Skip(1).Select(r => r[2]));
    }

    [Fact]
    public async Task The_pdf_embeds_its_fonts_and_reads_back_in_stroke_order_with_groups()
    {
        await Service.SetGroupAsync(TestActors.Admin, eventId, ids[5], "第一组");
        using var response = await app.CreateRawClient().SendAsync(organizer.Get($"/manage/events/{eventId}/delegates.pdf?order=Stroke&grouped=true"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        PdfQuality.AssertSound(pdf);
        PdfQuality.AssertContainsText(pdf, "代表名单", "（按姓氏笔画排序）", "第一组", "未分组", "浙江大学", "科学技术部战略规划司");
        var text = PdfQuality.CompactText(pdf);
        var order = new[] { "第一组", "万六", "未分组", "丁一", "卜五", "于四", "马三", "王小明" }.Select(s => text.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public async Task The_downloads_are_for_the_events_staff_only()
    {
        var client = app.CreateRawClient();
        foreach (var ext in new[] { "xlsx", "pdf" })
        {
            using var other = await client.SendAsync(otherOrganizer.Get($"/manage/events/{eventId}/delegates.{ext}"));
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
            using var anonymous = await client.GetAsync($"/manage/events/{eventId}/delegates.{ext}");
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        }
    }
}
