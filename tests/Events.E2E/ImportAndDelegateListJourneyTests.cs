using Events.Core.Events;
using Events.Infrastructure.Data;
using Events.Infrastructure.Exports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Events.E2E;

/// <summary>
/// An organizer imports an office's sheet (a refused row named with its reason, nothing written before confirming),
/// confirms, and reads the delegates in 姓氏笔画 order. Runs on an event of its own so the shared app's counts stay put;
/// screenshots of both pages at phone and laptop width, in Chinese and English, go to TestResults/shots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportAndDelegateListJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task An_organizer_previews_an_import_confirms_it_and_reads_the_delegate_list_in_stroke_order()
    {
        var eventId = await CreateEventAsync();
        var sheet = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(sheet, SheetWorkbook.Write("回执", ["姓 名", "工作单位", "职务", "手机号码", "电子邮箱"], [12, 20, 10, 14, 24],
        [
            ["王 小明", "复旦大学", "教授", "13900000001", "wxm@e2e.test"],
            ["丁一", "浙江大学", "研究员", "１３９０００００００２", "dy@e2e.test"],
            ["马三", "南京大学", "", "12345", "ms@e2e.test"],
            ["卜五", "同济大学", "副教授", "13900000005", "bw@e2e.test"],
        ]));
        var page = await app.NewPageAsync();
        await page.SignInAsOrganizerAsync($"/manage/events/{eventId}/registrations/import");

        await page.Locator("input[type=file]").SetInputFilesAsync(sheet);
        await Assertions.Expect(page.GetByTestId("import-summary")).ToContainTextAsync("共 4 行：可导入 3 行，不能导入 1 行。");
        await Assertions.Expect(page.GetByTestId("import-reason")).ToHaveTextAsync("手机号码不正确");
        await ShootAsync(page, "import-preview");

        await page.GetByTestId("import-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-done")).ToContainTextAsync("已导入 3 行");

        await page.GotoInteractiveAsync($"/manage/events/{eventId}/delegates");
        await Assertions.Expect(page.GetByTestId("delegate-name")).ToHaveTextAsync(["丁一", "卜五", "王小明"]);
        await ShootAsync(page, "delegate-list");

        // English, as the language switch (a form post) would set it: the culture cookie.
        await page.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = ".AspNetCore.Culture", Value = "c=en|uic=en", Url = app.BaseUrl }]);
        await page.GotoInteractiveAsync($"/manage/events/{eventId}/delegates");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Delegate list");
        await ShootAsync(page, "delegate-list", "en");
        await page.GotoInteractiveAsync($"/manage/events/{eventId}/registrations/import");
        await ShootAsync(page, "import", "en");
        File.Delete(sheet);
    }

    private async Task<int> CreateEventAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        var organizer = db.Users.Single(u => u.Email == BrowserApp.OrganizerEmail).Id;
        var start = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(60));
        var ev = new Event { Title = "导入测试研讨会", Slug = $"import-journey-{Guid.NewGuid():N}"[..30], StartDate = start, EndDate = start, Kind = EventKind.Symposium };
        db.Events.Add(ev);
        await db.SaveChangesAsync();
        db.EventStaff.Add(new EventStaff { EventId = ev.Id, UserId = organizer });
        await db.SaveChangesAsync();
        return ev.Id;
    }

    /// <summary>The page as it is, at a phone's and a laptop's width.</summary>
    private static async Task ShootAsync(IPage page, string name, string lang = "zh")
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "shots");
        Directory.CreateDirectory(folder);
        foreach (var (w, h) in new[] { (390, 844), (1366, 900) })
        {
            await page.SetViewportSizeAsync(w, h);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{lang}-{w}.png"), FullPage = true });
        }
    }
}
