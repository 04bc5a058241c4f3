using Microsoft.Playwright;

namespace Events.E2E;

/// <summary>
/// axe-core on the main organizer pages: no serious or critical violation. In the journeys' lane, apart from the public
/// pages' check, so the two browser lanes take about as long as each other.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OrganizerAccessibilityTests(BrowserApp app)
{
    /// <summary>The pages an organizer spends the day on.</summary>
    private static readonly string[] OrganizerPages =
    [
        "/manage/events", "/manage/events/new", "/manage/events/{eventId}/edit", "/manage/events/{eventId}/program",
        "/manage/events/{eventId}/registrations", "/manage/events/{eventId}/call", "/manage/events/{eventId}/reviewers",
        "/manage/events/{eventId}/decisions", "/manage/events/{eventId}/outbox", "/manage/events/{eventId}/proceedings",
        "/manage/people", "/manage/organizations", "/manage/bulletins",
        // Registration as Chinese organizers run it: categories, the 回执 builder, the dashboard, notices, invitations, certificates.
        "/manage/events/{eventId}/registrations/categories", "/manage/events/{eventId}/registrations/form", "/manage/events/{eventId}/dashboard",
        "/manage/events/{eventId}/notices", "/manage/events/{eventId}/notices/new", "/manage/events/{eventId}/invitations",
        "/manage/events/{eventId}/certificates",
    ];

    [Fact]
    public async Task The_main_organizer_pages_have_no_serious_or_critical_accessibility_violations()
    {
        var roles = await CrawlScenario.ForAsync(app);
        var organizer = roles.Single(r => r.Name == "organizer");
        var urls = OrganizerPages.Select(t => { organizer.Parameters.TryFill(t, out var url, out _); return ("zh-CN", url); });
        var found = await AccessibilityTests.CheckAllAsync(app, urls, signIn: (BrowserApp.OrganizerEmail, BrowserApp.OrganizerPassword));
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }
}
