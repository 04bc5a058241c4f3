using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Events.E2E;

[Collection(BrowserCollection.Name)]
public sealed class RegistrationJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task An_organizer_opens_registration_registers_stars_a_session_on_the_attendee_page_and_cancels_freeing_the_seat()
    {
        // The seeded symposium is over and the service refuses registrations for ended events: for this journey its last
        // day is moved a month ahead (its program stays), and put back afterwards for the other tests of the collection.
        DateOnly originalEnd;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
            originalEnd = await db.Events.Where(e => e.Id == app.SymposiumId).Select(e => e.EndDate).SingleAsync();
            var ahead = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30));
            await db.Events.Where(e => e.Id == app.SymposiumId).ExecuteUpdateAsync(s => s.SetProperty(e => e.EndDate, ahead));
        }
        try
        {
            await JourneyAsync();
        }
        finally
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
            await db.Events.Where(e => e.Id == app.SymposiumId).ExecuteUpdateAsync(s => s.SetProperty(e => e.EndDate, originalEnd));
        }
    }

    private async Task JourneyAsync()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsOrganizerAsync($"/manage/events/{app.SymposiumId}/registrations");

        // Open registration with a single seat.
        await page.Field("settings-open").CheckAsync(new() { Force = true });
        await page.Field("settings-capacity").FillAsync("1");
        await page.Locator("h1").ClickAsync();
        await page.GetByTestId("settings-save").ClickAsync();
        // The saved capacity shows.
        await Assertions.Expect(page.GetByTestId("attendee-counts")).ToContainTextAsync("名额 1");

        // Register from the public page; the form is prefilled with the account's name and address.
        await page.GotoAsync("/events/regional-innovation-symposium-7");
        await page.GetByTestId("register-button").ClickAsync();
        await page.WaitForURLAsync("**/events/regional-innovation-symposium-7/register");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Field("reg-email")).ToHaveValueAsync(BrowserApp.OrganizerEmail);
        await page.GetByTestId("reg-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-errors")).ToBeVisibleAsync();
        await page.Field("reg-organization").FillAsync("四川省科学技术发展战略研究院");
        await page.Field("reg-title").FillAsync("研究员");
        await page.Locator("h1").ClickAsync();
        await page.GetByTestId("reg-submit").ClickAsync();

        await page.WaitForURLAsync("**/events/regional-innovation-symposium-7/me?registered=1");
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
        await page.WaitForURLAsync("**/events/regional-innovation-symposium-7/register?cancelled=1");
        await Assertions.Expect(page.GetByTestId("registration-cancelled")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("seats-left")).ToContainTextAsync("剩余名额 1");

        await page.GotoInteractiveAsync($"/manage/events/{app.SymposiumId}/registrations");
        await Assertions.Expect(page.GetByTestId("attendee-counts")).ToContainTextAsync("已报名 0 / 名额 1");
        await Assertions.Expect(page.GetByTestId("attendee-counts")).ToContainTextAsync("已取消 1");
    }
}
