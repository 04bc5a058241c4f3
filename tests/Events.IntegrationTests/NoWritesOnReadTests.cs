using Events.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Events.IntegrationTests;

/// <summary>
/// Reading never writes: every page and endpoint of the authorization matrix, fetched with GET (for interactive pages
/// that is their prerender) by every role, leaves every row of every table as it was. A page that made a token, counted
/// a view or "fixed up" data while being read would change the fingerprint.
/// </summary>
public sealed class NoWritesOnReadTests(NoWritesOnReadTests.QuietFixture fx) : IClassFixture<NoWritesOnReadTests.QuietFixture>
{
    /// <summary>The matrix's app and users with the background mail sender off, whose retries would change the outbox on their own.</summary>
    public sealed class QuietFixture() : AuthorizationMatrixFixture(new NoSenderApp());

    private sealed class NoSenderApp : EventsAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Mail:SendInBackground", "false");
        }
    }

    [Fact]
    public async Task Every_page_read_by_every_role_leaves_the_database_unchanged()
    {
        var client = fx.App.CreateRawClient();
        // One read first, so whatever the app sets up once per process (not per read) is in place before the fingerprint.
        using (var warm = await client.GetAsync("/account/login")) warm.EnsureSuccessStatusCode();
        var before = await DatabaseFingerprint.TakeAsync(fx.App);

        var read = 0;
        // Every GET of the matrix, none left out (choosing a language, which stores a signed-in user's choice, is a POST).
        foreach (var (path, _) in AuthorizationMatrixTests.Matrix)
        {
            foreach (var user in fx.Users.Values)
            {
                using var request = user is null
                    ? new HttpRequestMessage(HttpMethod.Get, AuthorizationMatrixTests.Url(fx, path))
                    : user.Get(AuthorizationMatrixTests.Url(fx, path));
                using var response = await client.SendAsync(request);
                Assert.True((int)response.StatusCode < 500, $"{path} answered {(int)response.StatusCode}");
                read++;
            }
        }

        var after = await DatabaseFingerprint.TakeAsync(fx.App);
        // The one write a read must make: PIPL wants every export of full mobile and ID numbers logged (who, when, what).
        var changed = after.Where(t => !before.TryGetValue(t.Key, out var was) || was != t.Value).Select(t => t.Key)
            .Where(table => table != "PersonalDataAccessLog").ToList();
        Assert.True(changed.Count == 0, $"Reading {read} pages wrote to: {string.Join(", ", changed)}");
        Assert.True(read > 400, "the matrix was read by every role");
    }
}
