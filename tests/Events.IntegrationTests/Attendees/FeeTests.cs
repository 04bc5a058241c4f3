using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Events.Core.Access;
using Events.Core.Attendees.Fees;
using Events.Core.Common;
using Events.Infrastructure.Attendees;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Attendees;

/// <summary>Fees recorded singly and in bulk, invoice requests checked as GB 32100 codes, and the fee platform export.</summary>
public sealed class FeeTests : IAsyncLifetime, IDisposable
{
    private const string Symposium = "regional-innovation-symposium-7";
    private readonly EventsAppFactory app = new();
    private int eventId;
    private int otherEventId;
    private TestUser organizer = default!;
    private IReadOnlyList<int> ids = [];
    private IReadOnlyList<int> otherIds = [];

    public async Task InitializeAsync()
    {
        _ = app.Server;
        organizer = await TestUsers.CreateAsync(app, "org@test.local", [Roles.Organizer], Symposium);
        await using (var db = app.CreateDbContext())
        {
            eventId = await db.Events.Where(e => e.Slug == Symposium).Select(e => e.Id).SingleAsync();
            otherEventId = await db.Events.Where(e => e.Slug == "pujiang-forum-2024").Select(e => e.Id).SingleAsync();
        }
        ids = await RegistrantSeed.AddAsync(app, eventId, [new("张三", "复旦大学"), new("李四", "浙江大学"), new("王五", "南京大学")]);
        otherIds = await RegistrantSeed.AddAsync(app, otherEventId, [new("赵六", "同济大学")]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => app.Dispose();

    private FeeService Fees => app.Get<FeeService>();

    [Fact]
    public async Task Organizers_record_fees_in_bulk_and_registrations_of_other_events_are_skipped()
    {
        var (updated, errors) = await Fees.SetAsync(TestActors.Admin, eventId, [ids[0], ids[1], otherIds[0]],
            new FeeUpdate { State = PaymentState.Paid, Amount = 800m, Method = PaymentMethod.BankTransfer, Reference = " 2026031500012 " });
        Assert.Empty(errors);
        Assert.Equal(2, updated);
        await Fees.SetAsync(TestActors.Admin, eventId, [ids[2]], new FeeUpdate { State = PaymentState.Waived });

        var counts = await Fees.CountsAsync(eventId);
        Assert.Equal((0, 2, 1, 0, 1600m), (counts.Unpaid, counts.Paid, counts.Waived, counts.Refunded, counts.PaidTotal));
        var paid = await Fees.SearchAsync(eventId, new FeeQuery(new PageRequest(0, 20), PaymentState.Paid));
        Assert.Equal(["李四", "张三"], paid.Items.Select(l => l.Name));
        Assert.All(paid.Items, l => Assert.Equal(("2026031500012", PaymentMethod.BankTransfer), (l.Reference, l.Method!.Value)));
        await using var db = app.CreateDbContext();
        Assert.False(await db.FeeRecords.AnyAsync(f => f.RegistrationId == otherIds[0]));

        // Refunding keeps the amount, method and reference already recorded.
        await Fees.SetAsync(TestActors.Admin, eventId, [ids[0]], new FeeUpdate { State = PaymentState.Refunded });
        var zhang = (await Fees.SearchAsync(eventId, new FeeQuery(new PageRequest(0, 20, "张三")))).Items.Single();
        Assert.Equal((PaymentState.Refunded, (decimal?)800m, "2026031500012"), (zhang.State, zhang.Amount, zhang.Reference));
    }

    [Fact]
    public async Task A_bad_fee_update_is_refused_with_its_reasons_and_writes_nothing()
    {
        var before = await DatabaseFingerprint.TakeAsync(app);
        var (updated, errors) = await Fees.SetAsync(TestActors.Admin, eventId, [ids[0]],
            new FeeUpdate { State = PaymentState.Paid, Amount = -1m, Reference = new string('x', FeeRecord.MaxReferenceLength + 1) });
        Assert.Equal(0, updated);
        Assert.Equal(["Amount", "Reference"], errors.Select(e => e.Field));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(app));
    }

    [Theory]
    [InlineData("91110108551385082Q", null)]
    [InlineData("91110108551385082q", null)]
    [InlineData("９１１１０１０８５５１３８５０８２Ｑ", null)]
    [InlineData("91110108551385082R", "TaxIdCheckDigit")]
    [InlineData("9111010855138508", "TaxIdFormat")]
    [InlineData("", "Required")]
    public async Task Invoice_requests_check_the_taxpayer_number_as_a_unified_social_credit_code(string taxId, string? error)
    {
        string userId;
        await using (var db = app.CreateDbContext()) userId = await db.Registrations.Where(r => r.Id == ids[1]).Select(r => r.UserId).SingleAsync();
        var input = new InvoiceRequestInput { Title = "浙江大学", TaxId = taxId, Email = "finance@zju.example.cn", Kind = InvoiceKind.Special };
        var result = await Fees.SaveInvoiceAsync(eventId, userId, input);
        if (error is null)
        {
            Assert.Equal(SaveOutcome.Saved, result.Outcome);
            var saved = (await Fees.LoadInvoiceAsync(eventId, userId))!;
            Assert.Equal(("91110108551385082Q", InvoiceKind.Special), (saved.TaxId, saved.Kind));
        }
        else
        {
            Assert.Equal(SaveOutcome.Invalid, result.Outcome);
            Assert.Equal(("TaxId", error), (result.Violations.Single().Field, result.Violations.Single().Code));
        }
    }

    [Fact]
    public async Task Someone_without_a_registration_cannot_save_an_invoice_request()
    {
        var input = new InvoiceRequestInput { Title = "某单位", TaxId = "91110108551385082Q", Email = "a@b.cn" };
        Assert.Equal(SaveOutcome.NotFound, (await Fees.SaveInvoiceAsync(eventId, organizer.Id, input)).Outcome);
        Assert.Null(await Fees.LoadInvoiceAsync(eventId, organizer.Id));
    }

    [Fact]
    public async Task The_fee_export_has_the_platform_columns_and_text_cells()
    {
        await Fees.SetAsync(TestActors.Admin, eventId, [ids[0]], new FeeUpdate { State = PaymentState.Paid, Amount = 800m, Method = PaymentMethod.FeePlatform, Reference = "0012" });
        string userId;
        await using (var db = app.CreateDbContext()) userId = await db.Registrations.Where(r => r.Id == ids[0]).Select(r => r.UserId).SingleAsync();
        await Fees.SaveInvoiceAsync(eventId, userId, new InvoiceRequestInput { Title = "复旦大学", TaxId = "12100000400000624D", Email = "cw@fudan.example.cn" });

        using var response = await app.CreateRawClient().SendAsync(organizer.Get($"/manage/events/{eventId}/fees.xlsx"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        var sheet = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single();
        var rows = ((WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!.Value!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.Text?.Text ?? "").ToList()).ToList();
        Assert.Equal(FeeWorkbook.Headers, rows[0]);
        var zhang = rows.Single(r => r[1] == "张三");
        Assert.Equal(["复旦大学", "", "800.00", "已缴", "缴费平台", "0012", "普票", "复旦大学", "12100000400000624D", "cw@fudan.example.cn"], zhang.Skip(2).Where((_, i) => i != 1 && i != 2).ToList());
        Assert.Equal("未缴", rows.Single(r => r[1] == "李四")[7]);
    }
}
