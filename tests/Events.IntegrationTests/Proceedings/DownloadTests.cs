using System.Net;
using System.Net.Http.Headers;
using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.Events;
using Events.Core.Proceedings;
using Events.Infrastructure.Files;
using Events.Infrastructure.Proceedings;
using Events.IntegrationTests.Infrastructure;
using Events.IntegrationTests.Pdf;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Proceedings;

/// <summary>The published volume and single papers over HTTP: access modes, range requests and caching headers.</summary>
[Collection(PdfCollection.Name)]
public sealed class DownloadTests(PdfAppFixture fx)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Published? shared;

    private sealed record Published(VolumeTestData Data, ProceedingsBuild Build, byte[] Pdf);

    /// <summary>One published public volume for the tests that only read it (building one per test would cost a build each).</summary>
    private async Task<Published> PublishedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return shared ??= await PublishNewAsync(ProceedingsAccess.Public);
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<Published> PublishNewAsync(ProceedingsAccess access)
    {
        var data = await VolumeTestData.CreateAsync(fx.App, access: access);
        var build = await VolumeBuilds.BuildAsync(fx.App, data.EventId);
        var volumes = fx.App.Get<ProceedingsService>();
        var stamp = (await volumes.GetAsync(data.EventId))!.ConcurrencyStamp;
        Assert.Equal(PublishOutcome.Published, await volumes.PublishAsync(TestActors.Admin, data.EventId, build.Id, stamp));
        return new Published(data, build, VolumeBuilds.Read(fx.App, build));
    }

    [Fact]
    public async Task A_volume_is_not_served_before_it_is_published()
    {
        var data = await VolumeTestData.CreateAsync(fx.App);
        var client = fx.App.CreateRawClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/events/{data.Slug}/proceedings.pdf", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/events/{data.Slug}/papers/{data.Accepted[0].SubmissionId}.pdf", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/events/{data.Slug}/proceedings", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_published_volume_is_served_whole_with_an_ETag_from_its_hash_and_revalidates_to_304()
    {
        var published = await PublishedAsync();
        var client = fx.App.CreateRawClient();

        using var response = await client.GetAsync(new Uri($"/events/{published.Data.Slug}/proceedings.pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(published.Pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal($"\"{published.Build.Sha256}\"", response.Headers.ETag?.Tag);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Contains("bytes", response.Headers.AcceptRanges);
        Assert.True(response.Headers.CacheControl is { Public: true, NoCache: true }, response.Headers.CacheControl?.ToString());

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/events/{published.Data.Slug}/proceedings.pdf");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var revalidated = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task A_HEAD_request_gets_the_size_type_and_ETag_of_the_volume()
    {
        var published = await PublishedAsync();
        var client = fx.App.CreateRawClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/events/{published.Data.Slug}/proceedings.pdf"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(published.Pdf.Length, response.Content.Headers.ContentLength);
        Assert.Equal($"\"{published.Build.Sha256}\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task A_range_request_gets_206_with_exactly_the_asked_bytes()
    {
        var published = await PublishedAsync();
        var client = fx.App.CreateRawClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/events/{published.Data.Slug}/proceedings.pdf");
        request.Headers.Range = new RangeHeaderValue(1000, 1999);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(published.Pdf.AsSpan(1000, 1000).ToArray(), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(1000, response.Content.Headers.ContentRange?.From);
        Assert.Equal(1999, response.Content.Headers.ContentRange?.To);
        Assert.Equal(published.Pdf.Length, response.Content.Headers.ContentRange?.Length);
    }

    [Fact]
    public async Task A_single_paper_is_its_camera_ready_file_and_only_accepted_papers_of_this_event_are_served()
    {
        var published = await PublishedAsync();
        var client = fx.App.CreateRawClient();
        var paper = published.Data.Accepted[1];
        await using var db = fx.App.CreateDbContext();
        var file = await db.SubmissionFiles.SingleAsync(f => f.SubmissionId == paper.SubmissionId);
        var rejectedId = await db.Submissions.Where(s => s.EventId == published.Data.EventId && s.Title == published.Data.RejectedTitle).Select(s => s.Id).SingleAsync();
        var otherEventPaper = await db.Submissions.Where(s => s.EventId != published.Data.EventId).Select(s => s.Id).FirstOrDefaultAsync();

        using var response = await client.GetAsync(new Uri($"/events/{published.Data.Slug}/papers/{paper.SubmissionId}.pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(file.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        Assert.Equal($"\"{file.Sha256}\"", response.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/events/{published.Data.Slug}/papers/{rejectedId}.pdf", UriKind.Relative))).StatusCode);
        if (otherEventPaper != 0)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/events/{published.Data.Slug}/papers/{otherEventPaper}.pdf", UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task The_attendee_page_lists_the_papers_with_download_links()
    {
        var published = await PublishedAsync();
        var client = fx.App.CreateRawClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/events/{published.Data.Slug}/proceedings", UriKind.Relative)));

        Assert.Contains($"/events/{published.Data.Slug}/proceedings.pdf", html, StringComparison.Ordinal);
        foreach (var paper in published.Data.Accepted)
        {
            Assert.Contains(paper.Title, html, StringComparison.Ordinal);
            Assert.Contains($"/events/{published.Data.Slug}/papers/{paper.SubmissionId}.pdf", html, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(published.Data.RejectedTitle, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_attendees_only_volume_is_refused_to_anonymous_and_unregistered_users_and_served_to_attendees_and_organizers()
    {
        var published = await PublishNewAsync(ProceedingsAccess.AttendeesOnly);
        var slug = published.Data.Slug;
        var stranger = await TestUsers.CreateAsync(fx.App, $"stranger-{Guid.NewGuid():N}@test.local", [Roles.Attendee]);
        var attendee = await TestUsers.CreateAsync(fx.App, $"attendee-{Guid.NewGuid():N}@test.local", [Roles.Attendee]);
        var organizer = await TestUsers.CreateAsync(fx.App, $"organizer-{Guid.NewGuid():N}@test.local", [Roles.Organizer], slug);
        var admin = await TestUsers.CreateAsync(fx.App, $"admin-{Guid.NewGuid():N}@test.local", [Roles.Administrator]);
        await using (var db = fx.App.CreateDbContext())
        {
            db.Registrations.Add(new Registration
            {
                EventId = published.Data.EventId,
                UserId = attendee.Id,
                Name = "参会者",
                Organization = "某大学",
                Title = "教授",
                Email = "attendee@test.local",
                RegisteredAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        var client = fx.App.CreateRawClient();
        string[] urls = [$"/events/{slug}/proceedings.pdf", $"/events/{slug}/papers/{published.Data.Accepted[0].SubmissionId}.pdf"];

        foreach (var url in urls)
        {
            using var anonymous = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("/account/login", anonymous.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(stranger.Get(url))).StatusCode);
            foreach (var allowed in new[] { attendee, organizer, admin })
            {
                using var response = await client.SendAsync(allowed.Get(url));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.True(response.Headers.CacheControl is { Private: true, NoCache: true }, response.Headers.CacheControl?.ToString());
            }
        }

        var page = await client.GetStringAsync(new Uri($"/events/{slug}/proceedings", UriKind.Relative));
        Assert.Contains("sign-in-to-download", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/events/{slug}/proceedings.pdf", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Organizers_download_any_finished_build_of_their_event_and_others_cannot()
    {
        var published = await PublishedAsync();
        var organizer = await TestUsers.CreateAsync(fx.App, $"org-{Guid.NewGuid():N}@test.local", [Roles.Organizer], published.Data.Slug);
        var other = await TestUsers.CreateAsync(fx.App, $"other-{Guid.NewGuid():N}@test.local", [Roles.Organizer], "pujiang-forum-2024");
        var client = fx.App.CreateRawClient();
        var url = $"/manage/events/{published.Data.EventId}/proceedings/builds/{published.Build.Id}.pdf";

        using var allowed = await client.SendAsync(organizer.Get(url));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(published.Pdf, await allowed.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(other.Get(url))).StatusCode);
        // A build id of another event through this event's URL is not found.
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(organizer.Get($"/manage/events/{published.Data.EventId}/proceedings/builds/{published.Build.Id + 100000}.pdf"))).StatusCode);
    }

    [Fact]
    public async Task An_unpublished_event_hides_its_volume_even_when_a_build_is_published()
    {
        var published = await PublishNewAsync(ProceedingsAccess.Public);
        await using (var db = fx.App.CreateDbContext())
        {
            await db.Events.Where(e => e.Id == published.Data.EventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EventStatus.Draft));
        }

        var response = await fx.App.CreateRawClient().GetAsync(new Uri($"/events/{published.Data.Slug}/proceedings.pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var kept = fx.App.Get<FileStore>().OpenRead(ProceedingsFiles.VolumeFolder, published.Build.StoredName!);
        Assert.NotNull(kept);
    }
}
