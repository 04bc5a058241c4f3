using Microsoft.Playwright;

namespace Events.E2E;

/// <summary>
/// An organizer page loads its data once: the prerender's data is carried into the interactive render
/// ([PersistentState]) instead of being queried again when the circuit starts.
/// </summary>
[Collection(QueryCountCollection.Name)]
public sealed class PersistedStateTests(BrowserApp app)
{
    [Theory]
    [InlineData("reviewers", "FROM \"Reviewers\"", "")]
    // The timetable: the day's sessions and the conflicts.
    [InlineData("program", "FROM \"Sessions\"", "")]
    // The held batches; the mail list itself is a server-paged table that loads only once the page is live.
    [InlineData("outbox", "\"OutboxMessages\"", "GROUP BY")]
    public async Task An_organizer_page_queries_its_data_as_often_live_as_the_prerender_alone_does(string page, string table, string clause)
    {
        var browser = await app.NewPageAsync();
        await browser.SignInAsOrganizerAsync("/manage/events");
        var url = $"/manage/events/{app.SymposiumId}/{page}";

        // Each measurement tags its requests and its circuit with a cookie of its own (see QueryLog), so the counts
        // are this page's queries only, whatever other tests query meanwhile.
        // The prerender alone: a plain request with the same cookies, no circuit.
        var prerenderTag = await TagAsync(browser);
        var prerender = await browser.APIRequest.GetAsync(url);
        Assert.Equal(200, prerender.Status);
        var prerenderQueries = app.Queries.CountTagged(prerenderTag, table, clause);
        Assert.True(prerenderQueries > 0, $"the {page} page's prerender did not query {table}");
        // Every HTTP request, the circuit's negotiation and WebSocket included, checks the sign-in cookie against the
        // Identity tables; the page's own queries are the rest.
        var prerenderPageQueries = app.Queries.CountTaggedWithout(prerenderTag, "\"AspNet");

        // The page opened for real: prerender, then the live circuit.
        var liveTag = await TagAsync(browser);
        await browser.GotoInteractiveAsync(url);
        await browser.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await browser.WaitForTimeoutAsync(1000);
        var liveQueries = app.Queries.CountTagged(liveTag, table, clause);
        // The circuit's own queries carry the tag too (it checks the organizer's rights again, at least), or the
        // comparison below would only see the prerender's.
        var livePageQueries = app.Queries.CountTaggedWithout(liveTag, "\"AspNet");
        Assert.True(livePageQueries > prerenderPageQueries,
            $"none of the {page} page's circuit queries carried the tag: {livePageQueries} page queries live, {prerenderPageQueries} in the prerender alone");
        Assert.True(prerenderQueries == liveQueries,
            $"the {page} page queried {table} {liveQueries} times opened live, {prerenderQueries} times in its prerender alone");
    }

    /// <summary>A fresh tag cookie in the browser's context, sent from now on with its requests and its circuit's connection.</summary>
    private async Task<string> TagAsync(IPage browser)
    {
        var tag = Guid.NewGuid().ToString("N");
        await browser.Context.AddCookiesAsync([new Cookie { Name = QueryLog.TagCookie, Value = tag, Url = app.BaseUrl }]);
        return tag;
    }
}
