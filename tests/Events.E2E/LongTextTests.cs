using Microsoft.Playwright;

namespace Events.E2E;

/// <summary>Long fields at their stated limit, through the real circuit (SignalR message sizes included).</summary>
[Collection(BrowserCollection.Name)]
public sealed class LongTextTests(BrowserApp app)
{
    [Fact]
    public async Task A_bulletin_body_of_60000_chinese_characters_saves_and_reads_back_exactly()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsOrganizerAsync("/manage/bulletins");
        await page.GetByRole(AriaRole.Link, new() { Name = "浦江创新观察" }).ClickAsync();
        await page.WaitForURLAsync("**/manage/bulletins/series/*");
        await page.WaitForInteractiveAsync();
        await page.SelectMudOptionAsync("draft-event", "区域创新发展论坛");
        await page.GetByTestId("draft-from-event").ClickAsync();
        await page.WaitForURLAsync("**/manage/bulletins/issues/*");
        await page.WaitForInteractiveAsync();

        // 60,000 characters (the form's stated limit), about 180 KB as UTF-8: over five times SignalR's 32 KB default.
        var body = LongChineseText(Events.Core.Bulletins.BulletinLimits.Body);
        var field = page.Locator("textarea[data-testid=bulletin-body], [data-testid=bulletin-body] textarea").First;
        // Filling 180 KB of text can be slow on a loaded machine; the bound is generous, the check exact.
        await field.FillAsync(body, new() { Timeout = 60_000 });
        await field.BlurAsync();
        await page.GetByTestId("bulletin-save").ClickAsync();
        await Assertions.Expect(page.GetByText("已保存。")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        var reloaded = page.Locator("textarea[data-testid=bulletin-body], [data-testid=bulletin-body] textarea").First;
        Assert.Equal(body, await reloaded.InputValueAsync());
    }

    /// <summary>Lines of varied common characters, so a truncation or a dropped chunk shows as a difference.</summary>
    private static string LongChineseText(int length)
    {
        const string Line = "区域创新发展论坛围绕科技成果转化、产业协同与人才流动展开深入讨论，与会专家提出了具体建议。\n";
        var text = new System.Text.StringBuilder(length);
        for (var i = 0; text.Length < length; i++)
        {
            text.Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('、').Append(Line);
        }
        text.Length = length;
        // The last character must not be whitespace the save would trim.
        text[length - 1] = '。';
        return text.ToString();
    }
}
