using System.Diagnostics;
using System.Globalization;
using Events.Core.Attendees.Delegates;
using Events.Core.Common;
using Events.Infrastructure.Attendees;
using Events.Infrastructure.Data;
using Events.Infrastructure.Exports;
using Events.Infrastructure.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Benchmarks;

/// <summary>
/// An event with 5,000 registrants (imported through the Excel import itself) in the real app on SQLite, timed on the
/// server: the attendee list page, the delegate list page (stroke, protocol and grouped order), both xlsx exports,
/// and the validated preview of a further 2,000-row sheet.
/// </summary>
public static class RegistrantsAtScale
{
    private static readonly string[] Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".Select(c => c.ToString()).ToArray();
    private const string Given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰";

    public static async Task RunAsync()
    {
        using var factory = BenchmarkApp.Create("registrants", out var data);
        _ = factory.Server;
        var db = factory.Services.GetRequiredService<IDbContextFactory<EventsDbContext>>();
        int eventId;
        await using (var ctx = await db.CreateDbContextAsync()) eventId = await ctx.Events.Where(e => e.Slug == "regional-innovation-symposium-7").Select(e => e.Id).SingleAsync();
        var import = factory.Services.GetRequiredService<RegistrantImportService>();

        var sheet = Sheet(0, 5000);
        var load = Stopwatch.StartNew();
        var preview = (await import.PreviewAsync(eventId, new MemoryStream(sheet), sheet.Length)).Preview!;
        var outcome = await import.ConfirmAsync(BenchmarkApp.Admin, preview);
        load.Stop();
        Console.WriteLine($"imported {outcome.Written} registrants (5,000-row sheet, preview + confirm): {load.Elapsed.TotalSeconds:F1} s");

        var delegates = factory.Services.GetRequiredService<DelegateListService>();
        var settings = await delegates.LoadSettingsAsync(eventId);
        settings.ProtocolOrder = "测试大学7\n测试大学3\n测试大学12";
        await delegates.SaveSettingsAsync(BenchmarkApp.Admin, eventId, settings);

        var attendees = factory.Services.GetRequiredService<AttendeeList>();
        await Report("attendee list page (pinyin, 20 rows, database-sorted)", 10, async () =>
            (await attendees.SearchAsync(eventId, new AttendeeQuery(new PageRequest(3, 20)))).Items.Count);
        foreach (var (order, grouped) in new[] { (DelegateOrder.Stroke, false), (DelegateOrder.Protocol, false), (DelegateOrder.Stroke, true) })
        {
            await Report($"delegate list page ({order}{(grouped ? ", grouped" : "")}, 50 rows)", 10, async () =>
                (await delegates.SearchAsync(eventId, new DelegateListQuery(new PageRequest(10, 50), order, grouped))).Items.Count);
        }
        await Report("delegate list search ('明', stroke order)", 10, async () =>
            (await delegates.SearchAsync(eventId, new DelegateListQuery(new PageRequest(0, 50, "明"), DelegateOrder.Stroke))).Total);
        await Report("attendee xlsx export (5,000 rows)", 5, async () =>
            AttendeeWorkbook.Write(await attendees.ActiveAsync(eventId), "Asia/Shanghai").Length);
        await Report("delegate list xlsx export (5,000 rows, stroke order)", 5, async () =>
            DelegateWorkbook.Write(await delegates.OrderedAsync(eventId, DelegateOrder.Stroke, false)).Length);

        var more = Sheet(5000, 2000);
        await Report("2,000-row sheet, validated preview (read, clean, duplicates against 5,000)", 5, async () =>
            (await import.PreviewAsync(eventId, new MemoryStream(more), more.Length)).Preview!.ValidCount);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    private static byte[] Sheet(int from, int count) => SheetWorkbook.Write("回执汇总", ["姓名", "工作单位", "职务", "手机", "电子邮箱", "分组"], [14, 30, 10, 14, 24, 8],
        Enumerable.Range(from, count).Select(i => (IReadOnlyList<string>)
        [
            Surnames[i % Surnames.Length] + Given[i % Given.Length] + Given[i / Given.Length % Given.Length],
            $"测试大学{i % 60}", "研究员", $"139{i:D8}", $"p{i}@bench.test", $"第{i % 12 + 1}组",
        ]));

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
