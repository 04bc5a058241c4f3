using System.Net;
using Events.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Events.IntegrationTests;

/// <summary>The headers every response carries, read over HTTP.</summary>
public sealed class SecurityHeaderTests(EventsAppFactory app) : IClassFixture<EventsAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/events")]
    [InlineData("/account/login")]
    [InlineData("/healthz")]
    [InlineData("/no-such-page")]
    [InlineData("/manage/events")]
    public async Task Every_response_is_nosniff_with_a_policy_that_allows_only_our_own_scripts(string path)
    {
        using var response = await app.CreateRawClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9_-]+';", policy);
        foreach (var directive in new[] { "default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", "img-src 'self' data:", "connect-src 'self'" })
        {
            Assert.Contains(directive, policy, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_import_map_carries_the_nonce_its_policy_names()
    {
        // The sign-in page is never output-cached, so each response renders afresh.
        using var response = await app.CreateRawClient().GetAsync(new Uri("/account/login", UriKind.Relative));
        var nonce = NonceOf(response);

        Assert.Equal(nonce, await ImportMapNonceAsync(response));
        // A fresh nonce per response.
        using var again = await app.CreateRawClient().GetAsync(new Uri("/account/login", UriKind.Relative));
        Assert.NotEqual(nonce, NonceOf(again));
    }

    [Fact]
    public async Task A_cached_public_page_is_replayed_with_the_policy_its_import_map_matches_and_a_304_sends_no_policy()
    {
        const string path = "/events/regional-innovation-symposium-7/program";
        using var first = await app.CreateRawClient().GetAsync(new Uri(path, UriKind.Relative));
        using var cached = await app.CreateRawClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(NonceOf(first), await ImportMapNonceAsync(first));
        Assert.Equal(NonceOf(cached), await ImportMapNonceAsync(cached));

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", cached.Headers.ETag!.Tag);
        using var notModified = await app.CreateRawClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.False(notModified.Headers.Contains("Content-Security-Policy"));
    }

    private static string NonceOf(HttpResponseMessage response) =>
        System.Text.RegularExpressions.Regex.Match(response.Headers.GetValues("Content-Security-Policy").Single(), "'nonce-([^']+)'").Groups[1].Value;

    private static async Task<string> ImportMapNonceAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var attribute = System.Text.RegularExpressions.Regex.Match(html, "<script type=\"importmap\" nonce=\"([^\"]+)\"").Groups[1].Value;
        return WebUtility.HtmlDecode(attribute);
    }

    [Fact]
    public async Task Cookies_set_over_https_are_secure()
    {
        var client = app.CreateRawClient();
        client.BaseAddress = new Uri("https://localhost/");

        using var response = await client.PostAsync(new Uri("/culture/en", UriKind.Relative), PublicPageTests.ChooseLanguage("/"));

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>Outside Development: HTTPS is required (HSTS, redirect), and behind a named proxy its X-Forwarded-Proto counts.</summary>
public sealed class ProductionTransportTests : IClassFixture<ProductionTransportTests.ProxiedApp>
{
    private readonly ProxiedApp app;

    public ProductionTransportTests(ProxiedApp app) => this.app = app;

    public sealed class ProxiedApp : EventsAppFactory
    {
        protected override string EnvironmentName => "Production";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("https_port", "443");
            builder.UseSetting("App:ForwardedHeaders:Enabled", "true");
            // The test server's requests come from no address; treat "any" as the proxy network.
            builder.UseSetting("App:ForwardedHeaders:KnownNetworks:0", "0.0.0.0/0");
        }
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https()
    {
        using var response = await app.CreateRawClient().GetAsync(new Uri("/events", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https", response.Headers.Location?.Scheme);
    }

    [Fact]
    public async Task A_request_the_proxy_received_over_https_is_served_with_hsts_and_secure_cookies()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/culture/en") { Content = PublicPageTests.ChooseLanguage("/") };
        // HSTS is never sent to localhost, so the request names the public host, as a proxy passes it on.
        request.Headers.Host = "events.example.org";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await app.CreateRawClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.Contains("; secure", response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
    }
}
