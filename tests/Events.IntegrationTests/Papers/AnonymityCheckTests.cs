using Events.Core.Common;
using Events.Core.Papers;
using Events.Core.Papers.Anonymity;
using Events.Infrastructure.Papers;
using Events.Infrastructure.Papers.Anonymity;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Papers;

/// <summary>The double-blind check at upload, through the real service: warn before saving, save on confirmation, keep the findings.</summary>
public sealed class AnonymityCheckTests(EventsAppFactory app) : IClassFixture<EventsAppFactory>
{
    private SubmissionService Service => app.Get<SubmissionService>();

    private static SubmissionInput Byline(int topicId) => PaperTestKit.Input(topicId,
        new AuthorInput { Name = "Wei Zhang", Affiliation = "四川大学", Email = "zhangwei@example.cn", IsCorresponding = true, IsPresenter = true },
        new AuthorInput { Name = "欧阳明远", Affiliation = "Tsinghua University" });

    private static byte[] NamingPdf() => HostileIdentity.Pdf();

    [Fact]
    public async Task A_double_blind_PDF_that_names_its_authors_is_held_back_with_what_was_found_where_and_nothing_is_stored()
    {
        var (eventId, slug, userId) = await CallAsync(ReviewMode.DoubleBlind);

        var result = await Service.SubmitAsync(slug, Byline(await PaperTestKit.TopicAsync(app, eventId)), new PaperUpload("p.pdf", new MemoryStream(NamingPdf())), userId);

        Assert.Equal(SaveOutcome.Invalid, result.Save.Outcome);
        Assert.Contains(new RuleViolationMatch(AnonymityCheck.Code), result.Save.Violations.Select(v => new RuleViolationMatch(v.Code)));
        Assert.Contains(new AnonymityFinding(IdentityKind.Name, "Wei Zhang", TextPlace.PageText, 1), result.Anonymity!);
        Assert.Contains(new AnonymityFinding(IdentityKind.Name, "欧阳明远", TextPlace.DocumentInfo, null, "Author"), result.Anonymity!);
        Assert.Contains(result.Anonymity!, f => f is { Kind: IdentityKind.Email, Place: TextPlace.Xmp });
        Assert.Contains(result.Anonymity!, f => f is { Kind: IdentityKind.Name, Place: TextPlace.AnnotationAuthor });
        await using var db = app.CreateDbContext();
        Assert.False(await db.Submissions.AnyAsync(s => s.EventId == eventId));
    }

    [Fact]
    public async Task The_author_may_submit_anyway_after_seeing_the_findings_and_organizers_get_them_with_the_file()
    {
        var (eventId, slug, userId) = await CallAsync(ReviewMode.DoubleBlind);
        var input = Byline(await PaperTestKit.TopicAsync(app, eventId));
        input.AnonymityAcknowledged = true;

        var result = await Service.SubmitAsync(slug, input, new PaperUpload("p.pdf", new MemoryStream(NamingPdf())), userId);

        Assert.Equal(SaveOutcome.Saved, result.Save.Outcome);
        var file = Assert.Single(await PaperTestKit.FilesAsync(app, result.Save.Id));
        Assert.Contains(new AnonymityFinding(IdentityKind.Name, "Wei Zhang", TextPlace.PageText, 1), AnonymityCheck.Deserialize(file.AnonymityFindings));
        var staff = await TestUsers.CreateAsync(app, $"staff-{Guid.NewGuid():N}@test.local", [], slug);
        using var page = await app.CreateRawClient().SendAsync(staff.Get($"/manage/events/{eventId}/papers/{result.Save.Id}/reviews"));
        var html = System.Net.WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("第1页正文出现作者姓名“Wei Zhang”", html, StringComparison.Ordinal);
        Assert.Contains("文档属性中的“Author”字段含有作者姓名“欧阳明远”", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_version_is_kept_and_its_findings_are_returned_and_stored()
    {
        var (eventId, slug, userId) = await CallAsync(ReviewMode.DoubleBlind);
        var id = await PaperTestKit.SubmitAsync(app, slug, userId, Byline(await PaperTestKit.TopicAsync(app, eventId)));

        var upload = await Service.UploadAsync(id, SubmissionFileKind.Submission, new PaperUpload("v2.pdf", new MemoryStream(NamingPdf())), userId);

        Assert.Equal(PaperUploadProblem.None, upload.Problem);
        Assert.NotEmpty(upload.Anonymity);
        var files = await PaperTestKit.FilesAsync(app, id);
        Assert.Null(files[0].AnonymityFindings);
        Assert.NotNull(files[1].AnonymityFindings);
    }

    [Fact]
    public async Task A_single_blind_call_does_not_look()
    {
        var (eventId, slug, userId) = await CallAsync(ReviewMode.SingleBlind);

        var result = await Service.SubmitAsync(slug, Byline(await PaperTestKit.TopicAsync(app, eventId)), new PaperUpload("p.pdf", new MemoryStream(NamingPdf())), userId);

        Assert.Equal(SaveOutcome.Saved, result.Save.Outcome);
        Assert.Null(Assert.Single(await PaperTestKit.FilesAsync(app, result.Save.Id)).AnonymityFindings);
    }

    private sealed record RuleViolationMatch(string Code);

    private async Task<(int EventId, string Slug, string UserId)> CallAsync(ReviewMode mode)
    {
        _ = app.Server;
        var (eventId, slug) = await PaperTestKit.CreateCallAsync(app);
        await using (var db = app.CreateDbContext())
        {
            var call = await db.CallsForPapers.SingleAsync(c => c.EventId == eventId);
            call.ReviewMode = mode;
            await db.SaveChangesAsync();
        }
        var user = await TestUsers.CreateAsync(app, $"author-{Guid.NewGuid():N}@test.local", []);
        return (eventId, slug, user.Id);
    }
}

/// <summary>A paper whose first page, document information, XMP and an annotation name its authors.</summary>
internal static class HostileIdentity
{
    public static byte[] Pdf()
    {
        var pdf = new Hostile.RawPdf();
        var (catalog, pages, page) = (pdf.Reserve(), pdf.Reserve(), pdf.Reserve());
        var font = pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var content = pdf.AddStream("", Hostile.RawPdf.Latin1("BT /F1 14 Tf 72 720 Td (Regional innovation, by WEI ZHANG) Tj ET BT /F1 10 Tf 72 400 Td (Lithium and sodium) Tj ET"));
        var xmp = pdf.AddStream("/Type /Metadata /Subtype /XML", System.Text.Encoding.UTF8.GetBytes(
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description><pdf:Keywords>ZhangWei@Example.cn</pdf:Keywords></rdf:Description></rdf:RDF></x:xmpmeta>"));
        pdf.Set(page, $"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R /Resources << /Font << /F1 {font} 0 R >> >>"
            + $" /Annots [<< /Type /Annot /Subtype /Text /Rect [0 0 10 10] /T {Hostile.RawPdf.Text("欧阳 明远")} /Contents (ok) >>] >>");
        pdf.Set(pages, $"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>");
        pdf.Set(catalog, $"<< /Type /Catalog /Pages {pages} 0 R /Metadata {xmp} 0 R >>");
        var info = pdf.Add($"<< /Author {Hostile.RawPdf.Text("欧阳明远")} /Title (Regional innovation) >>");
        return pdf.Build($"/Root {catalog} 0 R /Info {info} 0 R");
    }
}
