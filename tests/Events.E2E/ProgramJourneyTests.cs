using Microsoft.Playwright;

namespace Events.E2E;

[Collection(BrowserCollection.Name)]
public sealed class ProgramJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task An_organizer_double_books_a_speaker_sees_the_warning_fixes_it_publishes_and_the_public_program_shows_the_session()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsOrganizerAsync($"/manage/events/{app.SymposiumId}/program");
        await Assertions.Expect(page.GetByTestId("no-conflicts")).ToBeVisibleAsync();

        // A third keynote at 10:00, by 孙海鹰, who already speaks 09:30–10:20.
        await page.GetByTestId("new-session").ClickAsync();
        await page.Field("session-title").FillAsync("特邀报告（三）");
        await page.Field("session-start").FillAsync("10:00");
        await page.Field("session-end").FillAsync("10:30");
        // Commit the field by clicking away, not Tab: Tab would focus the chair search and open its list.
        await page.Locator("h1").ClickAsync();
        await page.GetByTestId("add-item").ClickAsync();
        await page.Field("item-title").FillAsync("区域创新的新问题");
        await page.Field("speaker-picker-0").FillAsync("孙海鹰");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "孙海鹰" }).First.ClickAsync();
        // The pick adds a participant row; saving before the server has drawn it would save the item without its speaker.
        await Assertions.Expect(page.Locator("p.mud-typography").GetByText("孙海鹰", new() { Exact = true })).ToBeVisibleAsync();
        await page.GetByTestId("session-save").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=timetable-session]").Filter(new() { HasText = "特邀报告（三）" })).ToBeVisibleAsync();

        var warning = page.Locator("[data-testid=conflict][data-kind=PersonDoubleBooked]").Filter(new() { HasText = "孙海鹰" });
        await Assertions.Expect(warning).ToContainTextAsync("特邀报告（三）");

        // Fix: move the new session to the afternoon, after the salon.
        await page.Locator("[data-testid=timetable-session]").Filter(new() { HasText = "特邀报告（三）" }).ClickAsync();
        await Assertions.Expect(page.Field("session-title")).ToHaveValueAsync("特邀报告（三）");
        await page.Field("session-start").FillAsync("16:00");
        await page.Field("session-end").FillAsync("16:30");
        await page.Locator("h1").ClickAsync();
        await page.GetByTestId("session-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("no-conflicts")).ToBeVisibleAsync();

        await page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("publish-panel")).ToContainTextAsync("v2");

        await page.GotoAsync("/events/regional-innovation-symposium-7/program");
        var session = page.GetByTestId("public-session").Filter(new() { HasText = "特邀报告（三）" });
        await Assertions.Expect(session).ToContainTextAsync("16:00–16:30");
        await Assertions.Expect(session).ToContainTextAsync("区域创新的新问题 — 孙海鹰");
    }
}
