using Microsoft.Playwright;

namespace Events.E2E;

[Collection(BrowserCollection.Name)]
public sealed class RegistrationJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task An_organizer_opens_registration_registers_stars_a_session_on_the_attendee_page_and_cancels_freeing_the_seat()
    {
        // An upcoming event of its own: the crawl's attendee is registered on the seeded symposium, and the counts below are exact.
        var (eventId, slug) = await PublishedEvents.SeedAsync(app, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60), BrowserApp.OrganizerEmail);
        var page = await app.NewPageAsync();
        await page.SignInAsOrganizerAsync($"/manage/events/{eventId}/registrations");

        // Open registration with a single seat.
        await page.Field("settings-open").CheckAsync(new() { Force = true });
        await page.Field("settings-capacity").FillAsync("1");
        await page.Locator("h1").ClickAsync();
        await page.GetByTestId("settings-save").ClickAsync();
        // The saved capacity shows.
        await Assertions.Expect(page.GetByTestId("attendee-counts")).ToContainTextAsync("名额 1");

        // Register from the public page; the form is prefilled with the account's name and address.
        await page.GotoAsync($"/events/{slug}");
        await page.GetByTestId("register-button").ClickAsync();
        await page.WaitForURLAsync($"**/events/{slug}/register");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Field("reg-email")).ToHaveValueAsync(BrowserApp.OrganizerEmail);
        await page.GetByTestId("reg-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-errors")).ToBeVisibleAsync();
        await page.Field("reg-organization").FillAsync("四川省科学技术发展战略研究院");
        await page.Field("reg-title").FillAsync("研究员");
        await page.Locator("h1").ClickAsync();
        await page.GetByTestId("reg-submit").ClickAsync();

        await page.WaitForURLAsync($"**/events/{slug}/me?registered=1");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("registered-alert")).ToContainTextAsync(BrowserApp.OrganizerEmail);
        await Assertions.Expect(page.GetByTestId("downloads")).ToContainTextAsync("会议日程日历");

        // Star the first session: it shows up in the personal agenda.
        await Assertions.Expect(page.GetByTestId("agenda-empty")).ToBeVisibleAsync();
        var first = page.GetByTestId("attendee-session").First;
        await first.GetByTestId("star").ClickAsync();
        await Assertions.Expect(page.GetByTestId("agenda-session")).ToHaveCountAsync(1);

        // Cancel: the seat is free again and the organizer's list shows the cancellation.
        await page.GetByTestId("cancel-registration").ClickAsync();
        await page.GetByTestId("cancel-yes").ClickAsync();
        await page.WaitForURLAsync($"**/events/{slug}/register?cancelled=1");
        await Assertions.Expect(page.GetByTestId("registration-cancelled")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("seats-left")).ToContainTextAsync("剩余名额 1");

        await page.GotoInteractiveAsync($"/manage/events/{eventId}/registrations");
        await Assertions.Expect(page.GetByTestId("attendee-counts")).ToContainTextAsync("已报名 0 / 名额 1");
        await Assertions.Expect(page.GetByTestId("attendee-counts")).ToContainTextAsync("已取消 1");
    }
}
