using Microsoft.Playwright;

namespace Events.E2E;

[Collection(BrowserCollection.Name)]
public sealed class OrganizerJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task An_organizer_logs_in_creates_an_event_with_a_sub_forum_and_sees_it_on_the_public_list()
    {
        var page = await app.NewPageAsync();

        await page.SignInAsOrganizerAsync("/manage/events");

        await page.GetByTestId("new-event").ClickAsync();
        await page.WaitForURLAsync("**/manage/events/new");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("新建活动");
        await page.Field("event-title").FillAsync("第八届全国区域创新学术研讨会");
        await page.Field("event-slug").FillAsync("regional-innovation-symposium-8");
        await page.Field("event-start").FillAsync("2027-07-10");
        await page.Field("event-start").PressAsync("Tab");
        await page.Field("event-end").FillAsync("2027-07-11");
        await page.Field("event-end").PressAsync("Tab");
        await page.Field("event-city").FillAsync("重庆");
        await page.SelectMudOptionAsync("event-status", "已发布");
        await page.GetByTestId("event-save").ClickAsync();

        await page.GetByTestId("created-alert").WaitForAsync();
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("add-subforum").ClickAsync();
        await page.WaitForURLAsync("**/manage/events/new?parent=*");
        // The edit page's form is still on screen until the new page renders; wait for the new heading.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("新建活动");
        await Assertions.Expect(page.Field("event-slug")).ToHaveValueAsync("regional-innovation-symposium-8-");
        await page.Field("event-title").FillAsync("青年学者论坛");
        await page.Field("event-slug").FillAsync("regional-innovation-symposium-8-young");
        await page.SelectMudOptionAsync("event-status", "已发布");
        await page.GetByTestId("event-save").ClickAsync();
        await page.GetByTestId("created-alert").WaitForAsync();

        await page.GotoAsync("/events");
        var card = page.GetByTestId("event-card").Filter(new() { HasText = "第八届全国区域创新学术研讨会" });
        await Assertions.Expect(card).ToContainTextAsync("1 个分论坛");
        await card.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync("**/events/regional-innovation-symposium-8");
        await Assertions.Expect(page.GetByTestId("subforum")).ToContainTextAsync("青年学者论坛");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("第八届全国区域创新学术研讨会");
    }

    [Fact]
    public async Task Switching_to_English_and_back_changes_the_interface_and_is_remembered()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/events");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("会议与活动");

        await page.GetByTestId("lang-switch").ClickAsync();
        await page.WaitForURLAsync("**/events");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Events");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.GotoAsync("/events/regional-innovation-symposium-7");
        await Assertions.Expect(page.GetByText("Guided by:")).ToBeVisibleAsync();

        await page.GetByTestId("lang-switch").ClickAsync();
        await Assertions.Expect(page.GetByText("指导单位：")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
    }
}
