using System.Net;
using Events.Core.Access;
using Events.IntegrationTests.Infrastructure;
using Events.IntegrationTests.Pdf;

namespace Events.IntegrationTests.Bulletins;

/// <summary>The public PDF with its caching headers, the public list, and who may open an issue's editor and preview.</summary>
[Collection(PdfCollection.Name)]
public sealed class BulletinHttpTests(PdfAppFixture fx)
{
    [Fact]
    public async Task The_published_pdf_is_served_once_printed_with_an_etag_and_last_modified_and_answers_304_when_unchanged()
    {
        var id = await BulletinTestData.SeededIssueIdAsync(fx.App);
        var client = fx.App.CreateRawClient();

        using var first = await client.GetAsync($"/bulletins/{id}.pdf");
        var bytes = await first.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/pdf", first.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(first.Headers.ETag);
        Assert.Equal(new DateTimeOffset(2024, 9, 9, 0, 0, 0, TimeSpan.Zero), first.Content.Headers.LastModified);
        Assert.Contains("2024-13", first.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        PdfQuality.AssertSound(bytes);

        // The stored copy is served again, byte for byte.
        using var second = await client.GetAsync($"/bulletins/{id}.pdf");
        Assert.Equal(bytes, await second.Content.ReadAsByteArrayAsync());

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/bulletins/{id}.pdf");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/bulletins/{id}.pdf"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(bytes.Length, head.Content.Headers.ContentLength);
        Assert.Equal(first.Headers.ETag, head.Headers.ETag);
    }

    [Fact]
    public async Task Drafts_and_unknown_issues_have_no_public_pdf()
    {
        var series = await BulletinTestData.NewSeriesAsync(fx.App);
        var draft = await BulletinTestData.NewIssueAsync(fx.App, series, "不公开的草稿", "正文");
        var client = fx.App.CreateRawClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/bulletins/{draft}.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/bulletins/987654.pdf")).StatusCode);
    }

    [Fact]
    public async Task The_public_list_shows_published_issues_and_links_their_pdfs_but_not_drafts()
    {
        var series = await BulletinTestData.NewSeriesAsync(fx.App);
        await BulletinTestData.NewIssueAsync(fx.App, series, "列表中不应出现的草稿", "正文");
        var id = await BulletinTestData.SeededIssueIdAsync(fx.App);

        // Blazor writes non-ASCII text as character references.
        var html = WebUtility.HtmlDecode(await fx.App.CreateRawClient().GetStringAsync("/bulletins"));

        Assert.Contains($"/bulletins/{id}.pdf", html, StringComparison.Ordinal);
        Assert.Contains("以区域科创中心建设带动区域协同创新", html, StringComparison.Ordinal);
        Assert.DoesNotContain("列表中不应出现的草稿", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_of_the_linked_forum_may_edit_and_preview_the_issue_and_staff_of_another_event_may_not()
    {
        var id = await BulletinTestData.SeededIssueIdAsync(fx.App);
        // Neither has the Organizer role: only the staff list decides.
        var staff = await TestUsers.CreateAsync(fx.App, $"bulletin-staff-{Guid.NewGuid():N}@test.local", [Roles.Attendee], "pujiang-forum-2024");
        var stranger = await TestUsers.CreateAsync(fx.App, $"bulletin-other-{Guid.NewGuid():N}@test.local", [Roles.Attendee], "regional-innovation-symposium-7");
        var client = fx.App.CreateRawClient();

        foreach (var path in new[] { $"/manage/bulletins/issues/{id}", $"/manage/bulletins/issues/{id}/preview.html" })
        {
            using var allowed = await client.SendAsync(staff.Get(path));
            using var denied = await client.SendAsync(stranger.Get(path));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
        // Series pages belong to organizers.
        using var series = await client.SendAsync(staff.Get("/manage/bulletins"));
        Assert.Equal(HttpStatusCode.Forbidden, series.StatusCode);
    }

    [Fact]
    public async Task The_preview_is_the_documents_own_html_with_a_policy_that_forbids_scripts()
    {
        var id = await BulletinTestData.SeededIssueIdAsync(fx.App);
        var admin = await TestUsers.CreateAsync(fx.App, $"bulletin-admin-{Guid.NewGuid():N}@test.local", [Roles.Administrator]);

        using var response = await fx.App.CreateRawClient().SendAsync(admin.Get($"/manage/bulletins/issues/{id}/preview.html"));
        var raw = await response.Content.ReadAsStringAsync();
        var html = WebUtility.HtmlDecode(raw);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("浦江创新观察", html, StringComparison.Ordinal);
        Assert.Contains("fonts/noto-serif-sc/fonts.css", html, StringComparison.Ordinal);
        // The masthead colour is a style element allowed by this response's nonce, not a style attribute the policy drops.
        var nonce = System.Text.RegularExpressions.Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"<style nonce=\"{nonce}\">@page", raw, StringComparison.Ordinal);
        Assert.Contains(".bulletin { --masthead: #C00000;", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("style=\"", raw, StringComparison.Ordinal);
        // Otherwise the same HTML that is printed.
        Assert.Equal(await fx.App.Get<Events.Web.Components.Documents.BulletinDocuments>().HtmlAsync(id), raw.Replace($" nonce=\"{nonce}\"", "", StringComparison.Ordinal));
    }
}
