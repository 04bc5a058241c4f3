using System.Net;
using Events.Infrastructure.Program;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.PublicPages;

public sealed class PublicPageCacheTests(EventsAppFactory app) : IClassFixture<EventsAppFactory>
{
    private const string Slug = "regional-innovation-symposium-7";

    private async Task<HttpResponseMessage> GetAsync(string url, Action<HttpRequestMessage>? setup = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        setup?.Invoke(request);
        return await app.CreateRawClient().SendAsync(request);
    }

    private async Task<string> GetHtmlAsync(string url, Action<HttpRequestMessage>? setup = null)
    {
        using var response = await GetAsync(url, setup);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task RetitleInStoreAsync(string slug, string title)
    {
        await using var db = app.CreateDbContext();
        await db.Events.Where(e => e.Slug == slug).ExecuteUpdateAsync(s => s.SetProperty(e => e.Title, title));
    }

    [Fact]
    public async Task An_anonymous_reader_gets_the_cached_event_page_until_its_program_is_published()
    {
        var before = await GetHtmlAsync($"/events/{Slug}");
        Assert.Contains("第七届全国区域创新学术研讨会", before, StringComparison.Ordinal);

        // Changed behind the cache's back: the cached page still answers.
        await RetitleInStoreAsync(Slug, "缓存之后改过的标题");
        Assert.Equal(before, await GetHtmlAsync($"/events/{Slug}"));

        await using (var db = app.CreateDbContext())
        {
            var id = await db.Events.Where(e => e.Slug == Slug).Select(e => e.Id).SingleAsync();
            await app.Get<ProgramPublisher>().PublishAsync(TestActors.Admin, id, null, acknowledgeConflicts: true);
        }

        Assert.Contains("缓存之后改过的标题", await GetHtmlAsync($"/events/{Slug}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_one_event_leaves_another_events_cached_page_in_place()
    {
        var other = await GetHtmlAsync("/events/pujiang-forum-2024");
        await RetitleInStoreAsync("pujiang-forum-2024", "另一个活动的新标题");

        await using (var db = app.CreateDbContext())
        {
            var id = await db.Events.Where(e => e.Slug == Slug).Select(e => e.Id).SingleAsync();
            await app.Get<ProgramPublisher>().PublishAsync(TestActors.Admin, id, null, acknowledgeConflicts: true);
        }

        Assert.Equal(other, await GetHtmlAsync("/events/pujiang-forum-2024"));
    }

    [Theory]
    [InlineData($"/events/{Slug}/program")]
    [InlineData($"/events/{Slug}/schedule.xml")]
    public async Task A_conditional_request_with_the_pages_ETag_gets_304_without_a_body(string url)
    {
        using var first = await GetAsync(url);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var again = await GetAsync(url, r => r.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());

        using var stale = await GetAsync(url, r => r.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"stale\"")));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
    }

    [Fact]
    public async Task Each_language_has_its_own_cached_page()
    {
        Assert.Contains("<html lang=\"zh-CN\">", await GetHtmlAsync("/bulletins"), StringComparison.Ordinal);

        var english = await GetHtmlAsync("/bulletins", r => r.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den"));

        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_reader_gets_a_fresh_page_not_the_anonymous_cached_one()
    {
        const string Url = "/events/pujiang-forum-2024";
        await GetHtmlAsync(Url);
        var user = await TestUsers.CreateAsync(app, "cache-reader@test.local", []);

        var html = await GetHtmlAsync(Url, r => r.Headers.Add(TestAuthHandler.UserHeader, user.Id));

        Assert.Contains("/account/logout", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_public_page_sets_no_cookie()
    {
        using var response = await GetAsync($"/events/{Slug}/speakers");

        Assert.False(response.Headers.Contains("Set-Cookie"), string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
    }
}
