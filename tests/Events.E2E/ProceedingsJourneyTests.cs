using Events.Core.Events;
using Events.Core.Papers;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace Events.E2E;

/// <summary>
/// An organizer sets up a book of abstracts, reorders it, builds it with the progress on screen and publishes it; a
/// visitor downloads it from the event's proceedings page. The event and its accepted papers are set up directly.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProceedingsJourneyTests(BrowserApp app)
{
    private const string Slug = "proceedings-journey";
    private static readonly string[] Titles = ["成渝地区协同创新的空间格局", "科技智库服务地方决策的机制", "区域创新政策评估的指标体系"];

    [Fact]
    public async Task An_organizer_builds_and_publishes_a_book_of_abstracts_and_a_visitor_downloads_it()
    {
        var eventId = await SetUpAsync();

        var page = await app.NewPageAsync();
        await page.SignInAsOrganizerAsync($"/manage/events/{eventId}/proceedings");
        await page.Field("proceedings-title").FillAsync("区域创新青年学者论文摘要集");
        await page.SelectMudOptionAsync("proceedings-kind", "摘要集");
        await page.GetByTestId("proceedings-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("order-item")).ToHaveCountAsync(3);

        // The third paper moves up to second place.
        await Assertions.Expect(page.GetByTestId("order-item").Nth(2)).ToContainTextAsync(Titles[2]);
        await page.GetByTestId("order-item").Nth(2).GetByTestId("move-up").ClickAsync();
        await Assertions.Expect(page.GetByTestId("order-item").Nth(1)).ToContainTextAsync(Titles[2]);

        await page.GetByTestId("build-volume").ClickAsync();
        var build = page.GetByTestId("build-row").First;
        await Assertions.Expect(build).Not.ToHaveAttributeAsync("data-state", new System.Text.RegularExpressions.Regex("^(Queued|Running)$"), new() { Timeout = 90_000 });
        Assert.True(await build.GetAttributeAsync("data-state") == "Succeeded",
            $"The build ended as {await build.GetAttributeAsync("data-state")}: {await build.InnerTextAsync()}; server errors: {string.Join(" | ", app.ServerErrors.Since(0))}");
        await build.GetByTestId("publish-build").ClickAsync();
        await Assertions.Expect(build.GetByTestId("published-chip")).ToBeVisibleAsync();

        // A visitor, not signed in, finds the volume and its papers and downloads the PDF.
        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync($"/events/{Slug}/proceedings");
        await Assertions.Expect(visitor.GetByTestId("volume-paper")).ToHaveCountAsync(3);
        var href = await visitor.GetByTestId("download-volume").GetAttributeAsync("href");
        var response = await visitor.APIRequest.GetAsync(href!);
        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", response.Headers["content-type"]);

        using var pdf = PdfDocument.Open(await response.BodyAsync());
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains("区域创新青年学者论文摘要集", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf(Titles[2], StringComparison.Ordinal) < text.IndexOf(Titles[1], StringComparison.Ordinal),
            "the moved paper comes before the one it passed");
        Assert.Equal(3, pdf.TryGetBookmarks(out var bookmarks) ? bookmarks.GetNodes().Count(n => Titles.Contains(n.Title)) : 0);
    }

    /// <summary>A published event of its own, staffed by the organizer, with three accepted papers under one topic.</summary>
    private async Task<int> SetUpAsync()
    {
        var author = await app.CreateUserAsync("proceedings.author@e2e.local", "Journey#2026", "作者一");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        var organizer = await db.Users.SingleAsync(u => u.Email == BrowserApp.OrganizerEmail);
        var ev = new Event
        {
            Slug = Slug, Title = "区域创新青年学者论坛", Kind = EventKind.Symposium, Status = EventStatus.Published,
            StartDate = new DateOnly(2026, 12, 5), EndDate = new DateOnly(2026, 12, 5),
        };
        db.Events.Add(ev);
        await db.SaveChangesAsync();
        db.EventStaff.Add(new EventStaff { EventId = ev.Id, UserId = organizer.Id });
        var call = new CallForPapers { EventId = ev.Id, Topics = [new PaperTopic { Name = "区域创新路径研究", Order = 1 }] };
        db.CallsForPapers.Add(call);
        await db.SaveChangesAsync();
        for (var i = 0; i < Titles.Length; i++)
        {
            db.Submissions.Add(new Submission
            {
                EventId = ev.Id, Number = i + 1, Title = Titles[i], TopicId = call.Topics[0].Id, Decision = Decision.AcceptOral,
                Abstract = $"围绕{Titles[i]}，结合调研资料提出分析框架。", Keywords = "区域创新", SubmitterUserId = author,
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                Authors = [new Author { Order = 1, Name = $"作者{i + 1}", Affiliation = "西南财经大学" }],
            });
        }
        await db.SaveChangesAsync();
        return ev.Id;
    }
}
