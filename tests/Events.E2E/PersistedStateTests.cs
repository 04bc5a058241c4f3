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

        // Up to three tries: the counter is the whole app's, and a query another test makes in the same second adds to it.
        // A page that loads twice does so on every try, so it still fails; noise rarely strikes three times running.
        var tries = new List<(int Prerender, int Live)>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            // The prerender alone: a plain request with the same cookies, no circuit.
            var before = app.Queries.Count(table, clause);
            var prerender = await browser.APIRequest.GetAsync(url);
            Assert.Equal(200, prerender.Status);
            var prerenderQueries = app.Queries.Count(table, clause) - before;
            Assert.True(prerenderQueries > 0, $"the {page} page's prerender did not query {table}");

            // The page opened for real: prerender, then the live circuit.
            before = app.Queries.Count(table, clause);
            await browser.GotoInteractiveAsync(url);
            await browser.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await browser.WaitForTimeoutAsync(1000);
            tries.Add((prerenderQueries, app.Queries.Count(table, clause) - before));
            if (tries[^1].Prerender == tries[^1].Live) return;
        }
        Assert.Fail($"the {page} page queried {table} more often live than its prerender alone, on every try (prerender, live): {string.Join(", ", tries)}");
    }
}
