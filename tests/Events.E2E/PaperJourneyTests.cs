using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Events.E2E;

[Collection(BrowserCollection.Name)]
public sealed partial class PaperJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task An_organizer_reopens_the_call_and_an_author_submits_a_paper_with_a_co_author_and_a_Chinese_named_PDF()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsOrganizerAsync($"/manage/events/{app.SymposiumId}/call");

        // The seeded call closed in 2023; move its dates into the future.
        foreach (var (field, day) in new[] { ("deadline-submission-day", "2099-06-15"), ("deadline-review-day", "2099-07-05"), ("deadline-notification-day", "2099-07-10"), ("deadline-camera-day", "2099-07-20") })
        {
            await page.Field(field).FillAsync(day);
            await page.Field(field).PressAsync("Tab");
        }
        await page.GetByTestId("call-save").ClickAsync();
        await Assertions.Expect(page.GetByText("已保存")).ToBeVisibleAsync();

        await page.GotoAsync("/events/regional-innovation-symposium-7/call");
        await Assertions.Expect(page.GetByTestId("call-state")).ToHaveTextAsync("征文进行中");
        await page.GetByTestId("call-submit").ClickAsync();
        await page.WaitForURLAsync("**/events/regional-innovation-symposium-7/submit");
        await page.WaitForInteractiveAsync();

        await page.Field("paper-title").FillAsync("成渝地区双城经济圈协同创新的路径研究");
        await page.Locator("textarea[data-testid=paper-abstract], [data-testid=paper-abstract] textarea").First.FillAsync("本文讨论成渝地区协同创新的路径。");
        await page.Field("paper-keywords").FillAsync("协同创新；成渝地区");
        await page.SelectMudOptionAsync("paper-topic", "区域创新路径研究");
        // The signed-in author is already on the byline; they add their affiliation and a co-author.
        await Assertions.Expect(page.GetByTestId("author-row")).ToHaveCountAsync(1);
        await page.Locator("[data-testid=author-row]").Nth(0).Locator("input[data-testid=author-affiliation], [data-testid=author-affiliation] input").First.FillAsync("四川省科学技术发展战略研究院");
        await page.GetByTestId("author-add").ClickAsync();
        var second = page.Locator("[data-testid=author-row]").Nth(1);
        await second.Locator("input[data-testid=author-name], [data-testid=author-name] input").First.FillAsync("李梅");
        await second.GetByTestId("author-same-affiliation").ClickAsync();
        await Assertions.Expect(second.Locator("input[data-testid=author-affiliation], [data-testid=author-affiliation] input").First).ToHaveValueAsync("四川省科学技术发展战略研究院");

        await page.Locator("input[type=file]").First.SetInputFilesAsync(new FilePayload { Name = "区域创新论文.pdf", MimeType = "application/pdf", Buffer = SamplePdf.OnePage("A paper") });
        await Assertions.Expect(page.GetByTestId("paper-file-name")).ToContainTextAsync("区域创新论文.pdf");
        await page.GetByTestId("paper-submit").ClickAsync();

        await page.WaitForURLAsync(PaperUrl());
        await Assertions.Expect(page.GetByTestId("submitted-alert")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("paper-state")).ToHaveTextAsync("已提交");
        await Assertions.Expect(page.GetByTestId("paper-authors")).ToContainTextAsync("李梅");
        await Assertions.Expect(page.GetByTestId("paper-file-link")).ToHaveTextAsync("区域创新论文.pdf");

        await page.GotoAsync("/papers");
        await Assertions.Expect(page.GetByTestId("my-paper-link").Filter(new() { HasText = "成渝地区双城经济圈协同创新的路径研究" })).ToBeVisibleAsync();
    }


    [GeneratedRegex(@"/papers/\d+\?submitted=1$")]
    private static partial Regex PaperUrl();
}
