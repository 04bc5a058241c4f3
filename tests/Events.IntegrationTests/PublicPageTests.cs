using System.Net;
using Events.IntegrationTests.Infrastructure;

namespace Events.IntegrationTests;

public sealed class PublicPageTests(EventsAppFactory app) : IClassFixture<EventsAppFactory>
{
    private async Task<string> GetHtmlAsync(string url, string? cookie = null)
    {
        var client = app.CreateRawClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_parent_event_page_shows_its_sub_forum_with_the_sub_forums_guests()
    {
        var html = await GetHtmlAsync("/events/pujiang-forum-2024");
        Assert.Contains("区域创新发展论坛", html, StringComparison.Ordinal);
        Assert.Contains("科创中心引擎区域高质量发展", html, StringComparison.Ordinal);
        Assert.Contains("Gary Hack", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_event_page_prints_units_by_role_and_dates_in_Chinese_by_default()
    {
        var html = await GetHtmlAsync("/events/regional-innovation-symposium-7");
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("指导单位：", html, StringComparison.Ordinal);
        Assert.Contains("2023年7月29日—30日", html, StringComparison.Ordinal);
        Assert.Contains("第7届", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_English_sets_a_cookie_that_switches_the_interface()
    {
        var client = app.CreateRawClient();
        var response = await client.PostAsync("/culture/en", ChooseLanguage("/events"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/events", response.Headers.Location?.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal)).Split(';')[0];

        var html = await GetHtmlAsync("/events/regional-innovation-symposium-7", cookie);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Guided by:", html, StringComparison.Ordinal);
        Assert.Contains("29 Jul 2023 – 30 Jul 2023", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example/phish")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task The_language_switch_never_redirects_off_site(string returnUrl)
    {
        var response = await app.CreateRawClient().PostAsync("/culture/en", ChooseLanguage(returnUrl));
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_language_switch_is_a_form_post_a_GET_changes_nothing()
    {
        var response = await app.CreateRawClient().GetAsync("/culture/en?returnUrl=%2Fevents");
        // No GET route: the app's not-found page answers.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));

        // Every page carries the switch as a form, without a per-visitor token (the public pages are cached for all).
        var html = await GetHtmlAsync("/events");
        Assert.Contains("<form action=\"/culture/en\" method=\"post\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"returnUrl\" value=\"/events\"", html, StringComparison.Ordinal);
    }

    /// <summary>The language switch's form: the page to come back to.</summary>
    internal static FormUrlEncodedContent ChooseLanguage(string returnUrl) =>
        new(new Dictionary<string, string> { ["returnUrl"] = returnUrl });

    [Fact]
    public async Task A_person_page_lists_their_published_events_and_roles()
    {
        await using var db = app.CreateDbContext();
        var id = db.People.Single(p => p.Name == "穆荣平").Id;
        var html = await GetHtmlAsync($"/people/{id}");
        Assert.Contains("第七届全国区域创新学术研讨会", html, StringComparison.Ordinal);
        Assert.Contains("致辞", html, StringComparison.Ordinal);
        Assert.Contains("特邀报告", html, StringComparison.Ordinal);
    }
}
