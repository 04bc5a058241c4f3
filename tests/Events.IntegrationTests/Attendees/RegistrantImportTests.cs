using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.Attendees.Imports;
using Events.Infrastructure.Imports;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Attendees;

/// <summary>
/// Importing registrants from Excel: a 2,000-row sheet from an office (title row merged above the header, mobiles stored
/// as numbers or typed in full-width digits, spaces inside names) with 20 bad rows and 10 duplicates writes nothing
/// until confirmed, then exactly the good rows, and names every refused row with its reason.
/// </summary>
public sealed class RegistrantImportTests : IAsyncLifetime, IDisposable
{
    private const string Symposium = "regional-innovation-symposium-7";
    private readonly EventsAppFactory app = new();
    private int eventId;

    public async Task InitializeAsync()
    {
        _ = app.Server;
        await using var db = app.CreateDbContext();
        eventId = await db.Events.Where(e => e.Slug == Symposium).Select(e => e.Id).SingleAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => app.Dispose();

    private RegistrantImportService Import => app.Get<RegistrantImportService>();

    private static readonly string[] Headers = ["序号", "姓 名", "工作单位", "职务/职称", "手机号码（必填）", "电子邮箱", "分组"];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"];

    /// <summary>Row i (0-based) of the good data: every tenth mobile a number cell, every seventh in full-width digits, names spaced.</summary>
    private static object?[] Good(int i)
    {
        var mobile = $"139{i:D8}";
        object? mobileCell = i % 10 == 0 ? (double)long.Parse(mobile, System.Globalization.CultureInfo.InvariantCulture)
            : i % 7 == 0 ? string.Concat(mobile.Select(c => (char)(c + 0xFEE0)))
            : mobile;
        var name = i % 5 == 0 ? $"{Surnames[i % 10]} 明{i}" : $"{Surnames[i % 10]}明{i}";
        return [(double)(i + 1), name, $"测试大学{i % 40}", "研究员", mobileCell, $"p{i}@import.test", i % 3 == 0 ? $"第{i % 4 + 1}组" : null];
    }

    /// <summary>2,000 data rows: 1,970 good, 20 bad (four kinds), 10 repeating a good row's email or mobile.</summary>
    private static (byte[] Sheet, int Good) BigSheet()
    {
        var rows = new List<object?[]>();
        var good = 0;
        for (var i = 0; rows.Count < 2000; i++)
        {
            if (rows.Count % 100 == 50 && rows.Count < 2000)
            {
                var bad = rows.Count / 100; // 20 bad rows, at 50, 150, … 1950
                rows.Add((bad % 4) switch
                {
                    0 => [null, "", "测试大学", "", $"134{bad:D8}", $"bad{bad}@import.test", null],
                    1 => [null, "缺邮箱", "测试大学", "", $"137{bad:D8}", "", null],
                    2 => [null, "坏手机", "测试大学", "", "1234567", $"bad{bad}@import.test", null],
                    _ => [null, "坏邮箱", "测试大学", "", $"136{bad:D8}", $"not-an-address-{bad}", null],
                });
                continue;
            }
            if (rows.Count % 200 == 99)
            {
                // A duplicate of an earlier good row: same email (upper case) or same mobile with another address.
                var of = rows.Count / 200 * 150;
                rows.Add(rows.Count % 400 == 99
                    ? [null, "重复者", "测试大学", "", $"135{rows.Count:D8}", $"P{of}@IMPORT.TEST", null]
                    : [null, "重复者", "测试大学", "", $"139{of:D8}", $"dup{rows.Count}@import.test", null]);
                continue;
            }
            rows.Add(Good(good++));
        }
        return (TestSheets.Write("2026年区域创新研讨会参会回执汇总表", Headers, rows), good);
    }

    [Fact]
    public async Task A_2000_row_sheet_writes_nothing_until_confirmed_then_exactly_the_good_rows()
    {
        var (sheet, goodCount) = BigSheet();
        Assert.Equal(1970, goodCount);
        var before = await DatabaseFingerprint.TakeAsync(app);
        var progress = new List<int>();

        var read = await Import.PreviewAsync(eventId, new MemoryStream(sheet), sheet.Length, new SyncProgress(progress.Add));
        var preview = Assert.IsType<ImportPreview>(read.Preview);

        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(app));
        Assert.Equal(2, preview.HeaderRowNumber);
        Assert.Equal([ImportField.Ignore, ImportField.Name, ImportField.Organization, ImportField.Title, ImportField.Mobile, ImportField.Email, ImportField.Group], preview.Mapping);
        Assert.Equal(2000, preview.Rows.Count);
        Assert.Equal(1970, preview.ValidCount);
        var refused = preview.Refused.ToList();
        Assert.Equal(20, refused.Count(r => !r.Problems.Contains(ImportProblem.DuplicateInSheet)));
        Assert.Equal(10, refused.Count(r => r.Problems.SequenceEqual([ImportProblem.DuplicateInSheet])));
        Assert.All(refused, r => Assert.NotEmpty(r.Problems));
        // Sheet row numbers: title row 1, header row 2, so data row 51 (index 50) is sheet row 53.
        Assert.Equal([ImportProblem.NameMissing], refused.Single(r => r.RowNumber == 53).Problems);
        Assert.Equal([ImportProblem.EmailMissing], refused.Single(r => r.RowNumber == 153).Problems);
        Assert.Equal([ImportProblem.MobileInvalid], refused.Single(r => r.RowNumber == 253).Problems);
        Assert.Equal([ImportProblem.EmailInvalid], refused.Single(r => r.RowNumber == 353).Problems);
        Assert.Equal(3, refused.Single(r => r.RowNumber == 102).DuplicateOf);
        Assert.Contains(100, progress);

        // What offices send, cleaned: number cells, full-width digits and spaced names.
        var rows = preview.Rows.Where(r => r.IsValid).ToList();
        Assert.Equal(("王明0", "13900000000"), (rows[0].Name, rows[0].Mobile));
        Assert.Equal("13900000007", rows[7].Mobile);
        Assert.Equal("第1组", rows[0].Group);

        var written = new List<int>();
        var outcome = await Import.ConfirmAsync(TestActors.Admin, preview, new SyncProgress(written.Add));
        Assert.Equal(1970, outcome.Written);
        Assert.Equal(30, outcome.Refused.Count);
        Assert.Equal(100, written[^1]);

        await using var db = app.CreateDbContext();
        var saved = await db.Registrations.Where(r => r.EventId == eventId).Select(r => new { r.Name, r.Email, r.State }).ToListAsync();
        Assert.Equal(1970, saved.Count);
        Assert.All(saved, r => Assert.Equal(RegistrationState.Active, r.State));
        Assert.Equal(1970, saved.Select(r => r.Email).Distinct().Count());
        Assert.Contains(saved, r => r.Name == "王明0");
        Assert.Equal(1970, await db.RegistrationSettings.Where(s => s.EventId == eventId).Select(s => s.SeatsTaken).SingleAsync());
        Assert.Equal(1970 / 3 + 1, await db.DelegateGroups.CountAsync(g => g.EventId == eventId));

        // The same sheet again: every row is now already registered, and nothing more is written.
        var again = (await Import.PreviewAsync(eventId, new MemoryStream(sheet), sheet.Length)).Preview!;
        Assert.Equal(0, again.ValidCount);
        // The 1,970 written and the 10 that repeated them.
        Assert.Equal(1980, again.Rows.Count(r => r.Problems.Contains(ImportProblem.AlreadyRegistered)));
        Assert.Equal(0, (await Import.ConfirmAsync(TestActors.Admin, again)).Written);
    }

    [Fact]
    public async Task Confirming_rechecks_against_registrations_made_since_the_preview()
    {
        var sheet = TestSheets.Write(null, ["姓名", "单位", "邮箱"], [["甲一", "某大学", "a1@import.test"], ["乙二", "某大学", "b2@import.test"]]);
        var preview = (await Import.PreviewAsync(eventId, new MemoryStream(sheet), sheet.Length)).Preview!;
        Assert.Equal(2, preview.ValidCount);
        await RegistrantSeed.AddAsync(app, eventId, [new RegistrantSeed.Person("乙二", "某大学")]);
        await using (var db = app.CreateDbContext())
        {
            await db.Registrations.Where(r => r.Name == "乙二").ExecuteUpdateAsync(s => s.SetProperty(r => r.Email, "b2@import.test"));
        }

        var outcome = await Import.ConfirmAsync(TestActors.Admin, preview);

        Assert.Equal(1, outcome.Written);
        Assert.Equal([ImportProblem.AlreadyRegistered], Assert.Single(outcome.Refused).Problems);
    }

    [Fact]
    public async Task Columns_can_be_mapped_by_hand_and_a_sheet_without_the_required_columns_writes_nothing()
    {
        var sheet = TestSheets.Write(null, ["A", "B", "C"], [["甲一", "某大学", "a1@import.test"]]);
        var preview = (await Import.PreviewAsync(eventId, new MemoryStream(sheet), sheet.Length)).Preview!;
        Assert.Equal([ImportField.Name, ImportField.Organization, ImportField.Email], preview.MissingFields);
        var before = await DatabaseFingerprint.TakeAsync(app);
        Assert.Equal(0, (await Import.ConfirmAsync(TestActors.Admin, preview)).Written);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(app));

        var mapped = await Import.RemapAsync(preview, [ImportField.Name, ImportField.Organization, ImportField.Email]);
        Assert.Empty(mapped.MissingFields);
        Assert.Equal(1, mapped.ValidCount);
    }

    [Theory]
    [InlineData(SheetProblem.NotXlsx)]
    [InlineData(SheetProblem.TooLarge)]
    public async Task Files_that_are_not_workbooks_or_too_large_are_refused(SheetProblem expected)
    {
        var bytes = expected == SheetProblem.TooLarge ? new byte[SheetReader.MaxBytes + 1] : "姓名,单位\n张三,某大学"u8.ToArray();
        var read = await Import.PreviewAsync(eventId, new MemoryStream(bytes), bytes.Length);
        Assert.Null(read.Preview);
        Assert.Equal(expected, read.Problem);
    }

    /// <summary>Reports on the caller's thread, so the test sees every value before the call returns.</summary>
    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
