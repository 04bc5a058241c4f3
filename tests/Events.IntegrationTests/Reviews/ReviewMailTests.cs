using System.Net;
using Events.Core.Common;
using Events.Core.Mail;
using Events.Core.Papers;
using Events.Infrastructure.Files;
using Events.Infrastructure.Mail;
using Events.Infrastructure.Reviews;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace Events.IntegrationTests.Reviews;

/// <summary>
/// Double-blind review end to end: every page a reviewer opens, the PDF they download and the mail they receive over real
/// SMTP hold no trace of the authors; and the decision mail goes to all authors as a held batch.
/// </summary>
public sealed class ReviewMailTests : IAsyncLifetime, IDisposable
{
    private readonly MailServer server = new();
    private MailAppFactory app = default!;
    private ReviewScenario s = default!;

    public async Task InitializeAsync()
    {
        await server.StartAsync();
        app = new MailAppFactory(server);
        _ = app.Server;
        s = await ReviewScenario.CreateAsync(app);
    }

    public async Task DisposeAsync()
    {
        app.Dispose();
        await server.DisposeAsync();
    }

    public void Dispose() => app?.Dispose();

    private async Task SendAllAsync()
    {
        while (await app.Get<OutboxSender>().RunOnceAsync() > 0)
        {
        }
    }

    private async Task<string> HtmlAsync(TestUser user, string url)
    {
        using var request = user.Get(url);
        using var response = await app.CreateRawClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Compare text, whatever the renderer chose to escape.
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static void AssertNoAuthorIdentity(string text, string where)
    {
        foreach (var secret in ReviewScenario.AuthorIdentity)
        {
            Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{where} reveals “{secret}”.");
        }
    }

    private async Task SubmitAsync(TestUser reviewer, int score, string comments)
    {
        var reviews = app.Get<ReviewService>();
        var view = await reviews.LoadAsync(s.PaperId, reviewer.Id);
        Assert.NotNull(view);
        Assert.Equal(SaveOutcome.Saved, (await reviews.SaveAsync(s.PaperId, reviewer.Id, ReviewScenario.CompleteReview(view, score, comments), submit: true)).Outcome);
    }

    [Fact]
    public async Task In_a_double_blind_call_no_reviewer_page_pdf_or_mail_names_an_author()
    {
        await SubmitAsync(s.SecondReviewer, 4, ReviewScenario.SecondReviewerComment);

        var before = await HtmlAsync(s.Reviewer, $"/reviewing/papers/{s.PaperId}");
        Assert.DoesNotContain(ReviewScenario.SecondReviewerComment, before, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"others-hidden\"", before, StringComparison.Ordinal);
        AssertNoAuthorIdentity(before, "the review page before submitting");

        await SubmitAsync(s.Reviewer, 5, "选题重要，论证清楚。");

        var home = await HtmlAsync(s.Reviewer, "/reviewing");
        AssertNoAuthorIdentity(home, "the reviewer's home");
        Assert.Contains("第七届全国区域创新学术研讨会", home, StringComparison.Ordinal);

        var eventPage = await HtmlAsync(s.Reviewer, $"/reviewing/events/{s.EventId}");
        AssertNoAuthorIdentity(eventPage, "the event's reviewing page");
        Assert.Contains(ReviewScenario.PaperTitle, eventPage, StringComparison.Ordinal);
        Assert.Contains(ReviewScenario.OtherPaperTitle, eventPage, StringComparison.Ordinal);
        Assert.DoesNotContain("上官文静", eventPage, StringComparison.Ordinal);
        Assert.DoesNotContain("成都理工大学", eventPage, StringComparison.Ordinal);

        var paperPage = await HtmlAsync(s.Reviewer, $"/reviewing/papers/{s.PaperId}");
        AssertNoAuthorIdentity(paperPage, "the review page with the other reviews");
        Assert.Contains(ReviewScenario.SecondReviewerComment, paperPage, StringComparison.Ordinal);
        Assert.Contains("以成渝地区为例", paperPage, StringComparison.Ordinal);
        Assert.DoesNotContain("慕容知远", paperPage, StringComparison.Ordinal);

        // The served copy: named by number, metadata gone; the stored original still carries the names (the test's own control).
        using var request = s.Reviewer.Get($"/reviewing/papers/{s.PaperId}/paper.pdf");
        using var response = await app.CreateRawClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("paper-1.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var served = await response.Content.ReadAsByteArrayAsync();

        byte[] original;
        await using (var db = app.CreateDbContext())
        {
            var stored = await db.SubmissionFiles.Where(f => f.Id == s.FileId).Select(f => f.StoredName).SingleAsync();
            await using var file = app.Get<FileStore>().OpenRead(ReviewService.PaperFolder, stored)!;
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy);
            original = copy.ToArray();
        }
        Assert.Contains(ReviewScenario.AuthorName, PdfMetadataText(original), StringComparison.Ordinal);
        Assert.Contains(ReviewScenario.AuthorAffiliation, PdfMetadataText(original), StringComparison.Ordinal);

        var servedMetadata = PdfMetadataText(served);
        AssertNoAuthorIdentity(servedMetadata, "the served PDF's metadata");
        // PDFsharp writes a fresh XMP packet of its own on save (tool name and dates); the authors' packets and their tool are gone.
        Assert.DoesNotContain("dc:rights", servedMetadata, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft Word", servedMetadata, StringComparison.Ordinal);
        using (var pdf = PigDocument.Open(served))
        {
            Assert.Equal(2, pdf.NumberOfPages);
            Assert.True(string.IsNullOrEmpty(pdf.Information.Author));
            Assert.True(string.IsNullOrEmpty(pdf.Information.Title));
            Assert.True(string.IsNullOrEmpty(pdf.Information.Subject));
            Assert.True(string.IsNullOrEmpty(pdf.Information.Keywords));
            Assert.False(pdf.Information.DocumentInformationDictionary?.Data.ContainsKey("Company") ?? false);
            Assert.False(pdf.GetPage(1).Dictionary.ContainsKey(UglyToad.PdfPig.Tokens.NameToken.Metadata));
        }
        Assert.DoesNotContain(ReviewScenario.AuthorEmail, System.Text.Encoding.Latin1.GetString(served), StringComparison.OrdinalIgnoreCase);

        // Mail the reviewer received: the invitation and the assignment.
        await SendAllAsync();
        var mine = (await server.MessagesAsync()).Where(m => m.To.Any(t => t.Address == "reviewer@test.local")).ToList();
        Assert.Equal(2, mine.Count);
        var bodies = "";
        foreach (var mail in mine)
        {
            var mime = await server.SourceAsync(mail.Id);
            var text = mime.Subject + "\n" + mime.TextBody + "\n" + WebUtility.HtmlDecode(mime.HtmlBody ?? "");
            AssertNoAuthorIdentity(text, $"the mail “{mime.Subject}”");
            bodies += text;
        }
        Assert.Contains($"#1 {ReviewScenario.PaperTitle}", bodies, StringComparison.Ordinal);
        Assert.Contains($"/reviewing/invitations/", bodies, StringComparison.Ordinal);
    }

    /// <summary>Everything a PDF says about itself: the information dictionary, custom entries included, and every XMP packet.</summary>
    private static string PdfMetadataText(byte[] bytes)
    {
        using var pdf = PigDocument.Open(bytes);
        var text = string.Join("\n", (pdf.Information.DocumentInformationDictionary?.Data ?? new Dictionary<string, UglyToad.PdfPig.Tokens.IToken>()).Select(kv => $"{kv.Key}={TokenText(kv.Value)}"));
        if (pdf.TryGetXmpMetadata(out var xmp)) text += "\n" + System.Text.Encoding.UTF8.GetString(xmp.GetXmlBytes().ToArray());
        for (var i = 1; i <= pdf.NumberOfPages; i++)
        {
            if (pdf.GetPage(i).Dictionary.TryGet(UglyToad.PdfPig.Tokens.NameToken.Metadata, out var token) && token is UglyToad.PdfPig.Tokens.IndirectReferenceToken reference
                && pdf.Structure.GetObject(reference.Data).Data is UglyToad.PdfPig.Tokens.StreamToken stream)
            {
                text += "\n" + System.Text.Encoding.UTF8.GetString(stream.Data.ToArray());
            }
        }
        return text;
    }

    private static string TokenText(UglyToad.PdfPig.Tokens.IToken token) => token switch
    {
        UglyToad.PdfPig.Tokens.StringToken s => s.Data,
        UglyToad.PdfPig.Tokens.HexToken h => h.Data,
        _ => token.ToString() ?? "",
    };

    [Fact]
    public async Task Decision_mail_is_a_held_batch_that_reaches_all_authors_with_the_comments_once_released()
    {
        await SubmitAsync(s.Reviewer, 5, "选题重要，论证清楚。");
        await SubmitAsync(s.SecondReviewer, 4, ReviewScenario.SecondReviewerComment);
        await SendAllAsync();
        await server.ClearAsync();

        var decisions = app.Get<DecisionService>();
        var row = (await decisions.TableAsync(s.EventId)).Rows.Single(r => r.SubmissionId == s.PaperId);
        Assert.Equal(SaveOutcome.Saved, (await decisions.DecideAsync(TestActors.Admin, s.EventId, s.PaperId, Decision.AcceptOral, row.ConcurrencyStamp)).Outcome);
        var result = await decisions.NotifyAsync(TestActors.Admin, s.EventId);
        Assert.Equal(1, result.Queued);

        await using (var db = app.CreateDbContext())
        {
            var message = await db.OutboxMessages.Include(m => m.Recipients).SingleAsync(m => m.BatchId == result.BatchId);
            Assert.Equal(OutboxState.Held, message.State);
            Assert.Equal(MailTemplateKeys.DecisionNotification, message.TemplateKey);
            Assert.Equal([ReviewScenario.AuthorEmail, ReviewScenario.CoAuthorEmail], message.Recipients.Select(r => r.Address));
            Assert.NotNull((await db.Submissions.SingleAsync(x => x.Id == s.PaperId)).DecisionNotifiedAt);
        }
        Assert.Equal(0, await app.Get<OutboxSender>().RunOnceAsync());
        Assert.Empty(await server.MessagesAsync());
        Assert.Equal(0, (await decisions.NotifyAsync(TestActors.Admin, s.EventId)).Queued);

        Assert.Equal(1, await app.Get<OutboxAdmin>().ReleaseBatchAsync(TestActors.Admin, s.EventId, result.BatchId));
        await SendAllAsync();

        var received = Assert.Single(await server.MessagesAsync());
        Assert.Equal([ReviewScenario.AuthorEmail, ReviewScenario.CoAuthorEmail], received.To.Select(t => t.Address).Order(StringComparer.Ordinal));
        var mime = await server.SourceAsync(received.Id);
        Assert.NotNull(mime.TextBody);
        Assert.Contains("录用（口头报告）", mime.TextBody, StringComparison.Ordinal);
        Assert.Contains(ReviewScenario.PaperTitle, mime.TextBody, StringComparison.Ordinal);
        Assert.Contains(ReviewScenario.SecondReviewerComment, mime.TextBody, StringComparison.Ordinal);
        Assert.Contains("选题重要，论证清楚。", mime.TextBody, StringComparison.Ordinal);
        // Authors never learn who reviewed, and never read the committee's confidential notes.
        Assert.DoesNotContain("钟离守正", mime.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("慕容知远", mime.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("仅供组委会参考", mime.TextBody, StringComparison.Ordinal);
    }
}
