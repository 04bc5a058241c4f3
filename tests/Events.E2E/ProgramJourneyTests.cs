using Events.Core.Access;
using Events.Core.Events;
using Events.Core.Program;
using Events.Infrastructure.Program;
using Microsoft.Extensions.DependencyInjection;
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
        await page.GetByTestId("publish-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("publish-panel")).ToContainTextAsync("v2");

        await page.GotoAsync("/events/regional-innovation-symposium-7/program");
        var session = page.GetByTestId("public-session").Filter(new() { HasText = "特邀报告（三）" });
        await Assertions.Expect(session).ToContainTextAsync("16:00–16:30");
        await Assertions.Expect(session).ToContainTextAsync("区域创新的新问题 — 孙海鹰");
    }

    [Fact]
    public async Task An_anonymous_visitor_reads_the_program_and_switches_days_without_opening_a_WebSocket()
    {
        var page = await app.NewPageAsync();
        var sockets = 0;
        page.WebSocket += (_, _) => sockets++;

        await page.GotoAsync("/events/regional-innovation-symposium-7/program", new() { WaitUntil = WaitUntilState.NetworkIdle });
        var days = page.GetByTestId("public-day");
        await Assertions.Expect(days).ToHaveCountAsync(2);
        await Assertions.Expect(days.First).ToHaveAttributeAsync("aria-current", "page");
        var firstDay = await page.GetByTestId("public-session").AllInnerTextsAsync();

        await days.Nth(1).ClickAsync();
        await page.WaitForURLAsync("**/program?day=2023-07-30*");
        await Assertions.Expect(page.GetByTestId("public-day").Nth(1)).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(page.GetByTestId("public-session").First).Not.ToHaveTextAsync(firstDay[0]);
        await Assertions.Expect(page.GetByTestId("star")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "嘉宾名单", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/speakers");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(0, sockets);
    }

    [Fact]
    public async Task An_anonymous_visitor_switches_days_and_forums_of_a_published_multi_forum_event_without_opening_a_WebSocket()
    {
        var (_, slug) = await PublishedEvents.SeedAsync(app, new DateOnly(2026, 5, 12));
        var page = await app.NewPageAsync();
        var sockets = new List<string>();
        page.WebSocket += (_, socket) => sockets.Add(socket.Url);
        var sessions = page.GetByTestId("public-session");

        await page.GotoAsync($"/events/{slug}/program", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.GetByTestId("public-day")).ToHaveCountAsync(2);
        await Assertions.Expect(sessions).ToHaveCountAsync(3);

        // The second day, then one forum of it, then all forums again: links and a plain GET form.
        await page.GetByTestId("public-day").Nth(1).ClickAsync();
        await page.WaitForURLAsync("**/program?day=2026-05-13*");
        await Assertions.Expect(sessions).ToHaveCountAsync(3);
        await Assertions.Expect(sessions.First).ToContainTextAsync("第二天主会场报告");

        await page.GetByTestId("forum-select").SelectOptionAsync(new SelectOptionValue { Label = "青年学者分论坛" });
        await page.GetByTestId("forum-show").ClickAsync();
        await page.WaitForURLAsync("**forum=*");
        await Assertions.Expect(sessions).ToHaveCountAsync(1);
        await Assertions.Expect(sessions).ToContainTextAsync("第二天青年论坛报告");

        await page.GetByTestId("public-day").First.ClickAsync();
        await page.WaitForURLAsync("**/program?day=2026-05-12*");
        await Assertions.Expect(sessions).ToHaveCountAsync(1);
        await Assertions.Expect(sessions).ToContainTextAsync("第一天青年论坛报告");

        await page.GetByTestId("forum-select").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await page.GetByTestId("forum-show").ClickAsync();
        await Assertions.Expect(sessions).ToHaveCountAsync(3);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(sockets.Count == 0, "WebSockets opened: " + string.Join(", ", sockets));
    }

    [Fact]
    public async Task A_signed_in_reader_stars_a_session_on_the_static_program_page_and_sees_it_under_my_agenda_only()
    {
        await app.CreateUserAsync("star@e2e.local", "Star#E2e2026", "收藏者");
        var page = await app.NewPageAsync();
        await page.SignInAsync("star@e2e.local", "Star#E2e2026", "/papers");

        await page.GotoAsync("/events/regional-innovation-symposium-7/program?day=2023-07-30");
        var session = page.GetByTestId("public-session").Nth(1);
        var title = await session.Locator("h2").InnerTextAsync();
        await session.GetByTestId("star").ClickAsync();

        // The form posts and comes back to the same day, with the star set.
        await page.WaitForURLAsync("**/program?day=2023-07-30*");
        await Assertions.Expect(page.GetByTestId("public-session").Filter(new() { HasText = title }).GetByTestId("star")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.GetByTestId("only-mine").ClickAsync();
        await page.WaitForURLAsync("**mine=1");
        await Assertions.Expect(page.GetByTestId("public-session")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("public-session")).ToContainTextAsync(title);

        // The private feed link is made only when asked for.
        await Assertions.Expect(page.GetByTestId("agenda-feed")).ToHaveCountAsync(0);
        await page.GetByTestId("make-agenda-feed").ClickAsync();
        await Assertions.Expect(page.GetByTestId("agenda-feed")).ToContainTextAsync("/events/regional-innovation-symposium-7/agenda/");
    }
}
