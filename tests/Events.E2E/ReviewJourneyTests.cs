using System.Text.RegularExpressions;
using Events.Core.Reviews;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Events.E2E;

/// <summary>
/// One paper from upload to the program, each role in its own browser context. Opening the call and inviting the
/// reviewer have their own tests; here they are set up directly so the journey starts at the upload.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ReviewJourneyTests(BrowserApp app)
{
    private const string Title = "城市群绿色技术扩散的空间效应研究";
    private const string AuthorName = "邓晓岚";
    private const string ReviewerName = "韩立川";
    private const string Password = "Journey#2026";

    [Fact]
    public async Task An_author_submits_the_organizer_auto_assigns_a_reviewer_reviews_the_organizer_accepts_and_places_the_paper_in_a_session()
    {
        var (authorEmail, reviewerEmail) = await SetUpAsync();

        // The author submits.
        var author = await app.NewPageAsync();
        await author.SignInAsync(authorEmail, Password, "/events/regional-innovation-symposium-7/submit");
        await author.Field("paper-title").FillAsync(Title);
        await author.Locator("textarea[data-testid=paper-abstract], [data-testid=paper-abstract] textarea").First.FillAsync("以长江中游城市群为例，考察绿色技术扩散的空间溢出。");
        await author.Field("paper-keywords").FillAsync("绿色创新；技术扩散；城市群");
        await author.SelectMudOptionAsync("paper-topic", "绿色创新");
        await author.Locator("[data-testid=author-row]").Nth(0).Locator("input[data-testid=author-affiliation], [data-testid=author-affiliation] input").First.FillAsync("武汉大学经济与管理学院");
        await author.Locator("input[type=file]").First.SetInputFilesAsync(new FilePayload { Name = "绿色技术扩散.pdf", MimeType = "application/pdf", Buffer = SamplePdf.OnePage("Green technology diffusion") });
        await Assertions.Expect(author.GetByTestId("paper-file-name")).ToContainTextAsync("绿色技术扩散.pdf");
        await author.GetByTestId("paper-submit").ClickAsync();
        await author.WaitForURLAsync(PaperUrl());
        var paperId = int.Parse(PaperUrl().Match(author.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        // The organizer previews the automatic assignment, sees why the reviewer gets the paper, and commits it.
        var organizer = await app.NewPageAsync();
        await organizer.SignInAsOrganizerAsync($"/manage/events/{app.SymposiumId}/assignments/auto");
        await organizer.GetByTestId("auto-preview").ClickAsync();
        var proposed = organizer.Locator("[data-testid=auto-proposal] tr").Filter(new() { HasText = Title });
        await Assertions.Expect(proposed).ToContainTextAsync(ReviewerName);
        await Assertions.Expect(proposed).ToContainTextAsync("主题相符");
        await organizer.GetByTestId("auto-commit").ClickAsync();
        await organizer.WaitForURLAsync($"**/manage/events/{app.SymposiumId}/assignments");
        await Assertions.Expect(organizer.GetByTestId("assignment-table")).ToContainTextAsync(ReviewerName);

        // The reviewer finds the paper, without its authors (the call is double-blind), and submits a review.
        var reviewer = await app.NewPageAsync();
        await reviewer.SignInAsync(reviewerEmail, Password, $"/reviewing/events/{app.SymposiumId}");
        await reviewer.GetByTestId("assigned-link").Filter(new() { HasText = Title }).ClickAsync();
        await reviewer.WaitForURLAsync($"**/reviewing/papers/{paperId}");
        await reviewer.WaitForInteractiveAsync();
        await Assertions.Expect(reviewer.Locator("main")).Not.ToContainTextAsync(AuthorName);
        var scores = reviewer.GetByTestId("score-select");
        await Assertions.Expect(scores).ToHaveCountAsync(4); // the seeded call's four criteria
        for (var i = 0; i < 4; i++)
        {
            await scores.Nth(i).PickMudOptionAsync(o => o.GetByText("4", new() { Exact = true }));
        }
        await reviewer.GetByTestId("recommendation-select").PickMudOptionAsync(o => o.Last);
        await reviewer.GetByTestId("confidence-select").PickMudOptionAsync(o => o.Nth(2));
        await reviewer.Locator("textarea[data-testid=comments-authors], [data-testid=comments-authors] textarea").First.FillAsync("空间计量部分扎实，建议补充稳健性检验。");
        await reviewer.GetByTestId("review-submit").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("review-submit")).ToHaveTextAsync("更新评审意见");

        // The organizer sees the review in the ranked table and accepts the paper for an oral talk.
        await organizer.GotoInteractiveAsync($"/manage/events/{app.SymposiumId}/decisions");
        var row = organizer.Locator("[data-testid=decision-table] tr").Filter(new() { HasText = Title });
        await Assertions.Expect(row.GetByTestId("weighted-score")).ToHaveTextAsync("75.0"); // every criterion 4 of 5, on the 0–100 scale
        await row.GetByTestId("decision-select").PickMudOptionAsync(o => o.GetByText("录用（口头报告）"));
        await Assertions.Expect(row).ToContainTextAsync("录用（口头报告）");

        // Then places it in the young scholars' paper session, its author presenting and a discussant picked.
        await row.GetByTestId("decision-paper-link").ClickAsync();
        await organizer.WaitForURLAsync($"**/manage/events/{app.SymposiumId}/papers/{paperId}/reviews");
        await organizer.WaitForInteractiveAsync();
        await organizer.GetByTestId("placement-session").PickMudOptionAsync(o => o.Filter(new() { HasText = "青年学者论文报告" }));
        await Assertions.Expect(organizer.GetByTestId("placement-form")).ToContainTextAsync(AuthorName); // the presenter
        await organizer.Field("placement-minutes").FillAsync("10");
        await organizer.Field("discussant-picker").FillAsync("郭");
        await organizer.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        // The pick shows as a chip and the list closes, so it covers nothing below it.
        await Assertions.Expect(organizer.GetByTestId("placement-form").Locator(".mud-chip")).ToHaveCountAsync(1);
        await Assertions.Expect(organizer.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await organizer.GetByTestId("placement-save").ClickAsync();
        await Assertions.Expect(organizer.GetByTestId("placed-in")).ToContainTextAsync("青年学者论文报告");

        // The program editor shows the talk, with its presenter, in the session on the second day.
        await organizer.GotoInteractiveAsync($"/manage/events/{app.SymposiumId}/program");
        await organizer.GetByTestId("day-button").Filter(new() { HasText = "7月30日" }).ClickAsync();
        await organizer.Locator("[data-testid=timetable-session]").Filter(new() { HasText = "青年学者论文报告" }).ClickAsync();
        await organizer.WaitForFunctionAsync("t => [...document.querySelectorAll('input')].some(i => i.value === t)", Title);
        await Assertions.Expect(organizer.Locator("main")).ToContainTextAsync(AuthorName);
        // Ten minutes, like the other talks, fills the session to its end without overrunning it.
        await Assertions.Expect(organizer.GetByTestId("no-conflicts")).ToBeVisibleAsync();
    }

    /// <summary>An open call, an author account, and a reviewer who accepted with 绿色创新 as expertise.</summary>
    private async Task<(string Author, string Reviewer)> SetUpAsync()
    {
        const string authorEmail = "deng.xiaolan@e2e.local", reviewerEmail = "han.lichuan@e2e.local";
        await app.CreateUserAsync(authorEmail, Password, AuthorName);
        var reviewerUser = await app.CreateUserAsync(reviewerEmail, Password, ReviewerName);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        var call = await db.CallsForPapers.Include(c => c.Topics).SingleAsync(c => c.EventId == app.SymposiumId);
        var future = new DateTimeOffset(2099, 6, 1, 0, 0, 0, TimeSpan.Zero);
        (call.SubmissionDeadline, call.ReviewDeadline, call.NotificationDate, call.CameraReadyDeadline) =
            (future, future.AddDays(20), future.AddDays(25), future.AddDays(35));
        var reviewer = new Reviewer
        {
            EventId = app.SymposiumId, UserId = reviewerUser, Email = reviewerEmail, Name = ReviewerName,
            Affiliation = "中国科学院科技战略咨询研究院", State = ReviewerState.Accepted, InvitationToken = Guid.NewGuid().ToString("N"),
            InvitedAt = DateTimeOffset.UtcNow, RespondedAt = DateTimeOffset.UtcNow,
        };
        reviewer.Topics.Add(new ReviewerTopic { TopicId = call.Topics.Single(t => t.Name == "绿色创新").Id });
        db.Reviewers.Add(reviewer);
        await db.SaveChangesAsync();
        return (authorEmail, reviewerEmail);
    }


    [GeneratedRegex(@"/papers/(\d+)\?submitted=1$")]
    private static partial Regex PaperUrl();
}
