using System.Net;
using Events.Core.Events;
using Events.IntegrationTests.Infrastructure;

namespace Events.IntegrationTests.PublicPages;

public sealed class PublicPageEncodingTests(EventsAppFactory app) : IClassFixture<EventsAppFactory>
{
    private async Task<string> GetRawHtmlAsync(string url)
    {
        using var response = await app.CreateRawClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Chinese_text_goes_out_as_UTF8_not_as_numeric_entities()
    {
        var html = await GetRawHtmlAsync("/events/regional-innovation-symposium-7");

        Assert.Contains("指导单位", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_in_an_event_title_is_still_escaped()
    {
        const string Title = "会<script>alert(\"x\")</script> & 'q'";
        await using (var db = app.CreateDbContext())
        {
            db.Events.Add(new Event
            {
                Slug = "escaped-title", Title = Title, Kind = EventKind.Workshop, Status = EventStatus.Published,
                StartDate = new DateOnly(2027, 5, 1), EndDate = new DateOnly(2027, 5, 1),
            });
            await db.SaveChangesAsync();
        }

        var html = await GetRawHtmlAsync("/events/escaped-title");

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("'q'", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"x\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("</script> &", html, StringComparison.Ordinal);
        Assert.Contains("会&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;q&#x27;", html, StringComparison.Ordinal);
    }
}
