using Microsoft.Playwright;

namespace Events.E2E;

[Collection(BrowserCollection.Name)]
public sealed class BulletinJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task An_organizer_drafts_an_issue_from_the_sub_forum_reviews_and_publishes_it_and_the_public_list_links_its_pdf()
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
        await Assertions.Expect(page.GetByTestId("bulletin-status")).ToContainTextAsync("草稿");
        await Assertions.Expect(page.Field("bulletin-title")).ToHaveValueAsync("区域创新发展论坛综述");
        await Assertions.Expect(page.Locator("textarea[data-testid=bulletin-body], [data-testid=bulletin-body] textarea").First)
            .ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"\*\*刘冬梅\*\*（中国科学技术发展战略研究院党委书记）"));
        // The preview is the printed document's own HTML, with the draft mark.
        var preview = page.FrameLocator("iframe.document-preview");
        await Assertions.Expect(preview.Locator(".series-name")).ToHaveTextAsync("浦江创新观察");
        await Assertions.Expect(preview.Locator(".draft-mark")).ToBeVisibleAsync();

        await page.GetByTestId("bulletin-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("bulletin-status")).ToContainTextAsync("审核中");
        await page.GetByTestId("bulletin-publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("bulletin-status")).ToContainTextAsync("已发布", new() { Timeout = 60_000 });
        // The seeded issue was 总第13期, so this one is the 14th.
        await Assertions.Expect(page.GetByTestId("bulletin-numbers")).ToContainTextAsync("总第14期");
        await Assertions.Expect(page.GetByTestId("bulletin-save")).ToHaveCountAsync(0);

        await page.GotoAsync("/bulletins");
        var link = page.GetByTestId("bulletin-pdf-link").Filter(new() { HasText = "区域创新发展论坛综述" });
        await Assertions.Expect(link).ToBeVisibleAsync();
        var href = await link.GetAttributeAsync("href");
        var pdf = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
    }
}
