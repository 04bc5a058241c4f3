using System.Net;
using Events.Core.Access;
using Events.Infrastructure.Identity;
using Events.Infrastructure.Program;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Attendees;

/// <summary>Small things a visitor meets: the site icon, the star's label, and the private calendar's name, copy button and webcal link.</summary>
public sealed class AgendaFeedAndIconTests : IDisposable
{
    private const string Symposium = "regional-innovation-symposium-7";
    private readonly EventsAppFactory app = new();

    public AgendaFeedAndIconTests() => _ = app.Server;

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task The_site_has_an_icon_as_ico_and_svg_and_every_page_links_it()
    {
        var client = app.CreateRawClient();

        var ico = await client.GetAsync("/favicon.ico");
        var svg = await client.GetAsync("/favicon.svg");

        Assert.Equal(HttpStatusCode.OK, ico.StatusCode);
        var bytes = await ico.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]);
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Contains("<svg", await svg.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/events"));
        Assert.Matches("<link rel=\"icon\" href=\"[^\"]*favicon[^\"]*\\.svg\"", page);
        // Served with its own type, so browsers take it without a type attribute (which Razor would entity-encode).
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Matches("<link rel=\"icon\" href=\"favicon\\.ico\"", page);
    }

    [Fact]
    public async Task A_starred_sessions_button_says_it_removes_and_the_private_feed_has_its_own_name_a_copy_button_and_a_webcal_link()
    {
        var user = await TestUsers.CreateAsync(app, "agenda@test.local", [Roles.Attendee]);
        var published = (await app.Get<PublishedPrograms>().GetAsync(Symposium))!;
        var starred = published.Sessions.OrderBy(s => s.Start).First();
        await app.Get<AgendaService>().ToggleAsync(user.Id, starred.Id);
        var token = await app.Get<AgendaService>().FeedTokenAsync(user.Id);

        using var response = await app.CreateRawClient().SendAsync(user.Get($"/events/{Symposium}/program"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("aria-label=\"移出我的日程\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"加入我的日程\"", html, StringComparison.Ordinal);
        Assert.Matches($"data-copy=\"http://localhost/events/{Symposium}/agenda/{token}\\.ics\"", html);
        Assert.Contains($"href=\"webcal://localhost/events/{Symposium}/agenda/{token}.ics\"", html, StringComparison.Ordinal);

        var feed = await app.CreateRawClient().GetStringAsync($"/events/{Symposium}/agenda/{token}.ics");
        var calendar = Ical.Net.Calendar.Load(feed)!;
        Assert.Equal($"我的日程 – {published.Snapshot.EventTitle}", (string?)calendar.Properties["X-WR-CALNAME"]!.Value);
        var publicName = Ical.Net.Calendar.Load(await app.CreateRawClient().GetStringAsync($"/events/{Symposium}/schedule.ics"))!.Properties["X-WR-CALNAME"]!.Value as string;
        Assert.NotEqual(publicName, (string?)calendar.Properties["X-WR-CALNAME"]!.Value);
    }

    [Fact]
    public async Task The_private_feed_is_named_in_the_language_its_owner_chose()
    {
        var user = await TestUsers.CreateAsync(app, "agenda-en@test.local", [Roles.Attendee]);
        await using (var db = app.CreateDbContext())
        {
            var account = await db.Users.SingleAsync(u => u.Id == user.Id);
            account.PreferredCulture = "en";
            await db.SaveChangesAsync();
        }
        var token = await app.Get<AgendaService>().FeedTokenAsync(user.Id);

        var calendar = Ical.Net.Calendar.Load(await app.CreateRawClient().GetStringAsync($"/events/{Symposium}/agenda/{token}.ics"))!;

        Assert.StartsWith("My agenda – ", (string)calendar.Properties["X-WR-CALNAME"]!.Value!, StringComparison.Ordinal);
    }
}
