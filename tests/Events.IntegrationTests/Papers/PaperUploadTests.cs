using System.Security.Cryptography;
using Events.Core.Papers;
using Events.Infrastructure.Papers;
using Events.IntegrationTests.Infrastructure;

namespace Events.IntegrationTests.Papers;

/// <summary>Uploads checked on the server: what is kept, how it is stored, and every kind of bad file, each leaving the earlier version in place.</summary>
public sealed class PaperUploadTests(EventsAppFactory app) : IClassFixture<EventsAppFactory>
{
    private SubmissionService Service => app.Get<SubmissionService>();

    private async Task<(int Id, string UserId)> SubmittedPaperAsync(int maxFileSizeMb = 2, int maxPages = 5)
    {
        _ = app.Server;
        var (_, slug) = await PaperTestKit.CreateCallAsync(app, maxFileSizeMb: maxFileSizeMb, maxPages: maxPages);
        var user = await TestUsers.CreateAsync(app, $"author-{Guid.NewGuid():N}@test.local", []);
        return (await PaperTestKit.SubmitAsync(app, slug, user.Id), user.Id);
    }

    [Fact]
    public async Task A_valid_PDF_is_kept_as_version_1_under_an_app_chosen_name_outside_the_web_root_with_its_hash_and_page_count()
    {
        _ = app.Server;
        var (_, slug) = await PaperTestKit.CreateCallAsync(app);
        var user = await TestUsers.CreateAsync(app, $"author-{Guid.NewGuid():N}@test.local", []);
        var pdf = TestPdfs.Valid(pages: 3);

        var id = await PaperTestKit.SubmitAsync(app, slug, user.Id, pdf: pdf, fileName: "my paper.pdf");

        var file = Assert.Single(await PaperTestKit.FilesAsync(app, id));
        Assert.Equal((SubmissionFileKind.Submission, 1, 3, pdf.LongLength), (file.Kind, file.Version, file.PageCount, file.SizeBytes));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), file.Sha256);
        Assert.Matches("^[0-9a-f]{32}\\.pdf$", file.StoredName);
        var stored = Path.Combine(app.DataPath, "files", SubmissionService.FileFolder, file.StoredName);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(stored));
        Assert.DoesNotContain("wwwroot", stored, StringComparison.Ordinal);
        Assert.Equal("my paper.pdf", file.OriginalFileName);
    }

    [Fact]
    public async Task Each_new_upload_is_kept_as_the_next_version_and_the_earlier_ones_stay()
    {
        var (id, userId) = await SubmittedPaperAsync();

        var second = await Service.UploadAsync(id, SubmissionFileKind.Submission, new PaperUpload("v2.pdf", new MemoryStream(TestPdfs.Valid(2))), userId);
        var third = await Service.UploadAsync(id, SubmissionFileKind.Submission, new PaperUpload("v3.pdf", new MemoryStream(TestPdfs.Valid(3))), userId);

        Assert.Equal((PaperUploadProblem.None, 2), (second.Problem, second.Version));
        Assert.Equal((PaperUploadProblem.None, 3), (third.Problem, third.Version));
        var files = await PaperTestKit.FilesAsync(app, id);
        Assert.Equal([1, 2, 3], files.Select(f => f.Version));
        Assert.Equal(3, files.Select(f => f.StoredName).Distinct().Count());
        Assert.All(files, f => Assert.True(File.Exists(Path.Combine(app.DataPath, "files", SubmissionService.FileFolder, f.StoredName))));
    }

    public static TheoryData<string, PaperUploadProblem> BadFiles() => new()
    {
        { "text", PaperUploadProblem.NotPdf },
        { "exe", PaperUploadProblem.NotPdf },
        { "empty", PaperUploadProblem.Empty },
        { "truncated", PaperUploadProblem.Damaged },
        { "encrypted", PaperUploadProblem.Encrypted },
        { "encrypted-no-user-password", PaperUploadProblem.Encrypted },
        { "too-many-pages", PaperUploadProblem.TooManyPages },
        { "oversized", PaperUploadProblem.TooLarge },
        { "pdf-header-then-garbage", PaperUploadProblem.Damaged },
    };

    private static byte[] Bad(string kind) => kind switch
    {
        "text" => TestPdfs.NotPdf(),
        "exe" => TestPdfs.RenamedExe(),
        "empty" => [],
        "truncated" => TestPdfs.Truncated(),
        "encrypted" => TestPdfs.Encrypted(),
        "encrypted-no-user-password" => TestPdfs.Encrypted(userPassword: ""),
        "too-many-pages" => TestPdfs.Valid(pages: 6),
        "oversized" => TestPdfs.Oversized(2 * 1024 * 1024),
        "pdf-header-then-garbage" => [.. "%PDF-1.7\n"u8.ToArray(), .. new byte[5000], .. "\n%%EOF\n"u8.ToArray()],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_upload_is_refused_with_its_reason_and_the_earlier_version_stays(string kind, PaperUploadProblem expected)
    {
        var (id, userId) = await SubmittedPaperAsync(maxFileSizeMb: 2, maxPages: 5);
        var before = Assert.Single(await PaperTestKit.FilesAsync(app, id));
        var incoming = Directory.Exists(Service.IncomingFolder) ? Directory.GetFiles(Service.IncomingFolder).Length : 0;

        var result = await Service.UploadAsync(id, SubmissionFileKind.Submission, new PaperUpload($"{kind}.pdf", new MemoryStream(Bad(kind))), userId);

        Assert.Equal(expected, result.Problem);
        var after = Assert.Single(await PaperTestKit.FilesAsync(app, id));
        Assert.Equal((before.Id, before.StoredName, before.Sha256), (after.Id, after.StoredName, after.Sha256));
        Assert.True(File.Exists(Path.Combine(app.DataPath, "files", SubmissionService.FileFolder, before.StoredName)));
        // The temporary copy is gone too.
        Assert.True(Directory.GetFiles(Service.IncomingFolder).Length <= incoming);
    }

    [Fact]
    public async Task A_bad_first_upload_refuses_the_whole_submission_and_stores_nothing()
    {
        _ = app.Server;
        var (eventId, slug) = await PaperTestKit.CreateCallAsync(app);
        var user = await TestUsers.CreateAsync(app, $"author-{Guid.NewGuid():N}@test.local", []);
        var input = PaperTestKit.Input(await PaperTestKit.TopicAsync(app, eventId));

        var result = await Service.SubmitAsync(slug, input, new PaperUpload("x.pdf", new MemoryStream(TestPdfs.Encrypted())), user.Id);

        Assert.Equal(PaperUploadProblem.Encrypted, result.Upload);
        await using var db = app.CreateDbContext();
        Assert.False(db.Submissions.Any(s => s.EventId == eventId));
    }

    [Fact]
    public async Task A_Chinese_file_name_is_accepted_and_shown_and_downloaded_under_that_name()
    {
        _ = app.Server;
        var (_, slug) = await PaperTestKit.CreateCallAsync(app);
        var user = await TestUsers.CreateAsync(app, $"author-{Guid.NewGuid():N}@test.local", []);
        const string name = "区域创新论文（投稿稿）.pdf";

        var id = await PaperTestKit.SubmitAsync(app, slug, user.Id, fileName: name);

        var file = Assert.Single(await PaperTestKit.FilesAsync(app, id));
        Assert.Equal(name, file.OriginalFileName);
        Assert.Matches("^[0-9a-f]{32}\\.pdf$", file.StoredName);

        var client = app.CreateRawClient();
        using var page = await client.SendAsync(user.Get($"/papers/{id}"));
        Assert.Contains(name, System.Net.WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var download = await client.SendAsync(user.Get($"/papers/{id}/files/{file.Id}"));
        Assert.Equal(System.Net.HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(name, download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("../../../../etc/passwd", "passwd.pdf")]
    [InlineData("..\\..\\events.db", "events.db.pdf")]
    [InlineData("/tmp/../../papers/0123456789abcdef0123456789abcdef.pdf", "0123456789abcdef0123456789abcdef.pdf")]
    public async Task A_path_traversal_file_name_is_only_a_cleaned_display_name_and_the_file_is_stored_under_the_apps_name(string uploaded, string shown)
    {
        _ = app.Server;
        var (_, slug) = await PaperTestKit.CreateCallAsync(app);
        var user = await TestUsers.CreateAsync(app, $"author-{Guid.NewGuid():N}@test.local", []);
        var before = Directory.GetFiles(app.DataPath, "*", SearchOption.AllDirectories).ToHashSet();

        var id = await PaperTestKit.SubmitAsync(app, slug, user.Id, fileName: uploaded);

        var file = Assert.Single(await PaperTestKit.FilesAsync(app, id));
        Assert.Equal(shown, file.OriginalFileName);
        Assert.Matches("^[0-9a-f]{32}\\.pdf$", file.StoredName);
        var papers = Path.Combine(app.DataPath, "files", SubmissionService.FileFolder);
        var added = Directory.GetFiles(app.DataPath, "*", SearchOption.AllDirectories).Where(f => !before.Contains(f) && !f.Contains("events.db", StringComparison.Ordinal)).ToList();
        Assert.Equal(Path.Combine(papers, file.StoredName), Assert.Single(added));
    }

    [Fact]
    public async Task Two_authors_submitting_at_once_get_distinct_numbers_in_sequence()
    {
        _ = app.Server;
        var (eventId, slug) = await PaperTestKit.CreateCallAsync(app);
        var topic = await PaperTestKit.TopicAsync(app, eventId);
        var users = new List<TestUser>();
        for (var i = 0; i < 6; i++) users.Add(await TestUsers.CreateAsync(app, $"author-{Guid.NewGuid():N}@test.local", []));

        var ids = await Task.WhenAll(users.Select(u => PaperTestKit.SubmitAsync(app, slug, u.Id, PaperTestKit.Input(topic))));

        await using var db = app.CreateDbContext();
        var numbers = db.Submissions.Where(s => ids.Contains(s.Id)).Select(s => s.Number).AsEnumerable().Order().ToList();
        Assert.Equal([1, 2, 3, 4, 5, 6], numbers);
    }
}
