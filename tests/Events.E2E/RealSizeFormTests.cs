using System.Text;
using Events.Core.Events;
using Events.Core.Organizations;
using Events.Core.Papers;
using Events.Core.People;
using Events.Core.Reviews;
using Events.Core.Validation;
using Events.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Events.E2E;

/// <summary>
/// Each form with a long field, saved with that field at the limit the form states, in Chinese (the widest text on the
/// wire), and read back exactly after a reload. Every test works on records of its own, so the long text does not
/// reach the pages other journeys check.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RealSizeFormTests(BrowserApp app)
{
    private const string Password = "LongText#2026";

    [Fact]
    public async Task An_event_saves_a_theme_and_a_description_at_their_limits()
    {
        var eventId = await NewEventAsync("long-event");
        var (theme, description) = (LongText.Chinese(FieldLimits.Theme), LongText.Chinese(FieldLimits.Description, lines: true));
        var page = await app.NewPageAsync();
        await page.SignInAsOrganizerAsync($"/manage/events/{eventId}/edit");

        await page.GetByLabel("主题", new() { Exact = true }).FillAsync(theme);
        await page.GetByLabel("简介", new() { Exact = true }).FillAsync(description);
        await page.GetByTestId("event-save").ClickAsync();
        await Assertions.Expect(page.GetByText("已保存")).ToBeVisibleAsync();

        await page.GotoInteractiveAsync($"/manage/events/{eventId}/edit");
        await Assertions.Expect(page.GetByLabel("主题", new() { Exact = true })).ToHaveValueAsync(theme);
        await Assertions.Expect(page.GetByLabel("简介", new() { Exact = true })).ToHaveValueAsync(description);
    }

    [Fact]
    public async Task A_person_saves_a_bio_and_an_English_name_at_their_limits()
    {
        int personId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
            var person = new Person { Name = "长文本测试人" };
            db.People.Add(person);
            await db.SaveChangesAsync();
            personId = person.Id;
        }
        var (nameEn, bio) = (LongText.Latin(FieldLimits.PersonNameEn), LongText.Chinese(FieldLimits.Bio, lines: true));
        var page = await app.NewPageAsync();
        await page.SignInAsOrganizerAsync($"/manage/people/{personId}/edit");

        await page.GetByLabel("英文姓名", new() { Exact = true }).FillAsync(nameEn);
        await page.GetByLabel("简介", new() { Exact = true }).FillAsync(bio);
        await page.GetByTestId("person-save").ClickAsync();
        await Assertions.Expect(page.GetByText("已保存")).ToBeVisibleAsync();

        await page.GotoInteractiveAsync($"/manage/people/{personId}/edit");
        await Assertions.Expect(page.GetByLabel("英文姓名", new() { Exact = true })).ToHaveValueAsync(nameEn);
        await Assertions.Expect(page.GetByLabel("简介", new() { Exact = true })).ToHaveValueAsync(bio);
    }

    [Fact]
    public async Task An_organization_saves_its_names_at_their_limits()
    {
        int organizationId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
            var organization = new Organization { Name = "长文本测试单位" };
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            organizationId = organization.Id;
        }
        var (name, nameEn) = (LongText.Chinese(FieldLimits.OrganizationName), LongText.Latin(FieldLimits.OrganizationNameEn));
        var page = await app.NewPageAsync();
        await page.SignInAsOrganizerAsync($"/manage/organizations/{organizationId}/edit");

        await page.GetByLabel("名称", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("英文名称", new() { Exact = true }).FillAsync(nameEn);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("已保存")).ToBeVisibleAsync();

        await page.GotoInteractiveAsync($"/manage/organizations/{organizationId}/edit");
        await Assertions.Expect(page.GetByLabel("名称", new() { Exact = true })).ToHaveValueAsync(name);
        await Assertions.Expect(page.GetByLabel("英文名称", new() { Exact = true })).ToHaveValueAsync(nameEn);
    }

    [Fact]
    public async Task A_call_for_papers_saves_an_introduction_at_its_limit()
    {
        var eventId = await NewEventAsync("long-call");
        await AddOpenCallAsync(eventId);
        var introduction = LongText.Chinese(FieldLimits.CallIntroduction, lines: true);
        var page = await app.NewPageAsync();
        await page.SignInAsOrganizerAsync($"/manage/events/{eventId}/call");

        await page.GetByLabel("征文说明", new() { Exact = true }).FillAsync(introduction);
        await page.GetByTestId("call-save").ClickAsync();
        await Assertions.Expect(page.GetByText("已保存")).ToBeVisibleAsync();

        await page.GotoInteractiveAsync($"/manage/events/{eventId}/call");
        await Assertions.Expect(page.GetByLabel("征文说明", new() { Exact = true })).ToHaveValueAsync(introduction);
    }

    [Fact]
    public async Task An_author_saves_an_abstract_at_its_limit()
    {
        var eventId = await NewEventAsync("long-abstract");
        var topicId = await AddOpenCallAsync(eventId);
        var (author, _) = await NewUserAsync("long-abstract-author");
        var paperId = await AddPaperAsync(eventId, topicId, author);
        var summary = LongText.Chinese(FieldLimits.Abstract, lines: true);
        var page = await app.NewPageAsync();
        await page.SignInAsync("long-abstract-author@e2e.local", Password, $"/papers/{paperId}/edit");

        await Textarea(page, "paper-abstract").FillAsync(summary);
        await page.GetByTestId("paper-save").ClickAsync();
        await page.WaitForURLAsync($"**/papers/{paperId}");

        await page.GotoInteractiveAsync($"/papers/{paperId}/edit");
        await Assertions.Expect(Textarea(page, "paper-abstract")).ToHaveValueAsync(summary);
    }

    [Fact]
    public async Task A_reviewer_saves_a_draft_with_both_comments_at_their_limit()
    {
        var eventId = await NewEventAsync("long-review");
        var topicId = await AddOpenCallAsync(eventId);
        var (author, _) = await NewUserAsync("long-review-author");
        var paperId = await AddPaperAsync(eventId, topicId, author);
        var (reviewer, reviewerEmail) = await NewUserAsync("long-review-reviewer");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
            var accepted = new Reviewer
            {
                EventId = eventId, UserId = reviewer, Email = reviewerEmail, Name = "长文本审稿人", State = ReviewerState.Accepted,
                InvitationToken = Guid.NewGuid().ToString("N"), InvitedAt = DateTimeOffset.UtcNow, RespondedAt = DateTimeOffset.UtcNow,
            };
            db.Reviewers.Add(accepted);
            await db.SaveChangesAsync();
            db.ReviewAssignments.Add(new ReviewAssignment { SubmissionId = paperId, ReviewerId = accepted.Id, AssignedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        var (toAuthors, toCommittee) = (LongText.Chinese(FieldLimits.ReviewComments, lines: true), LongText.Chinese(FieldLimits.ReviewComments, lines: true, seed: 1));
        var page = await app.NewPageAsync();
        await page.SignInAsync(reviewerEmail, Password, $"/reviewing/papers/{paperId}");

        await Textarea(page, "comments-authors").FillAsync(toAuthors);
        await Textarea(page, "comments-committee").FillAsync(toCommittee);
        await page.GetByTestId("review-save-draft").ClickAsync();
        await Assertions.Expect(page.GetByText("草稿已保存")).ToBeVisibleAsync();

        await page.GotoInteractiveAsync($"/reviewing/papers/{paperId}");
        await Assertions.Expect(Textarea(page, "comments-authors")).ToHaveValueAsync(toAuthors);
        await Assertions.Expect(Textarea(page, "comments-committee")).ToHaveValueAsync(toCommittee);
    }

    [Fact]
    public async Task Proceedings_save_a_preface_at_its_limit()
    {
        var eventId = await NewEventAsync("long-preface");
        var preface = LongText.Chinese(Events.Core.Proceedings.ProceedingsLimits.Preface, lines: true);
        var page = await app.NewPageAsync();
        await page.SignInAsOrganizerAsync($"/manage/events/{eventId}/proceedings");

        await page.GetByLabel("前言", new() { Exact = true }).FillAsync(preface);
        await page.GetByTestId("proceedings-save").ClickAsync();
        await Assertions.Expect(page.GetByText("已保存")).ToBeVisibleAsync();

        await page.GotoInteractiveAsync($"/manage/events/{eventId}/proceedings");
        await Assertions.Expect(page.GetByLabel("前言", new() { Exact = true })).ToHaveValueAsync(preface);
    }

    [Fact]
    public async Task A_mail_template_saves_a_body_at_its_limit()
    {
        var eventId = await NewEventAsync("long-template");
        var body = LongText.Chinese(MailTemplateBodyLimit, lines: true);
        var page = await app.NewPageAsync();
        await page.SignInAsOrganizerAsync($"/manage/events/{eventId}/mail-templates");

        await Textarea(page, "template-body").FillAsync(body);
        await page.GetByTestId("template-save").ClickAsync();
        await Assertions.Expect(page.GetByText("已保存")).ToBeVisibleAsync();

        await page.GotoInteractiveAsync($"/manage/events/{eventId}/mail-templates");
        await Assertions.Expect(Textarea(page, "template-body")).ToHaveValueAsync(body);
    }

    [Fact]
    public async Task An_attendee_registers_with_an_organization_and_a_title_at_their_limits()
    {
        var eventId = await NewEventAsync("long-registration", EventStatus.Published);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
            db.RegistrationSettings.Add(new Events.Core.Attendees.RegistrationSettings { EventId = eventId, IsOpen = true });
            await db.SaveChangesAsync();
        }
        var (_, email) = await NewUserAsync("long-registration-attendee");
        var (organization, title) = (LongText.Chinese(FieldLimits.OrganizationName), LongText.Chinese(FieldLimits.Title, seed: 1));
        var page = await app.NewPageAsync();
        await page.SignInAsync(email, Password, "/events/long-registration/register");

        await page.Field("reg-name").FillAsync("长文本参会者");
        await page.Field("reg-organization").FillAsync(organization);
        await page.Field("reg-title").FillAsync(title);
        await page.GetByTestId("reg-submit").ClickAsync();
        await page.WaitForURLAsync("**/events/long-registration/me?registered=1");

        // The attendee page shows what was stored.
        await page.GotoInteractiveAsync("/events/long-registration/me");
        await Assertions.Expect(page.GetByTestId("my-registration")).ToContainTextAsync($"长文本参会者 · {title}");
        await Assertions.Expect(page.GetByTestId("my-registration")).ToContainTextAsync(organization);
    }

    /// <summary>The template body has no shared limit; this is its form's MaxLength.</summary>
    private const int MailTemplateBodyLimit = 8_000;

    private static ILocator Textarea(IPage page, string testId) =>
        page.Locator($"textarea[data-testid={testId}], [data-testid={testId}] textarea").First;

    /// <summary>An event of its own (a draft unless said otherwise), with the journeys' organizer on its staff.</summary>
    private async Task<int> NewEventAsync(string slug, EventStatus status = EventStatus.Draft)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        var organizer = db.Users.Single(u => u.Email == BrowserApp.OrganizerEmail).Id;
        var ev = new Event
        {
            Slug = slug, Title = $"长文本测试活动 {slug}", Kind = EventKind.Workshop, Status = status,
            StartDate = new DateOnly(2099, 5, 1), EndDate = new DateOnly(2099, 5, 2),
        };
        db.Events.Add(ev);
        await db.SaveChangesAsync();
        db.EventStaff.Add(new EventStaff { EventId = ev.Id, UserId = organizer });
        await db.SaveChangesAsync();
        return ev.Id;
    }

    /// <summary>A published call still taking submissions and reviews; returns its one topic.</summary>
    private async Task<int> AddOpenCallAsync(int eventId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        var future = new DateTimeOffset(2099, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var call = new CallForPapers
        {
            EventId = eventId, IsPublished = true, SubmissionDeadline = future, ReviewDeadline = future.AddDays(20),
            NotificationDate = future.AddDays(25), CameraReadyDeadline = future.AddDays(35),
            Topics = [new PaperTopic { Name = "区域创新", Order = 0 }],
            Criteria = [new ReviewCriterion { Name = "原创性", ScaleMax = 5, Weight = 1m, Order = 0 }],
        };
        db.CallsForPapers.Add(call);
        await db.SaveChangesAsync();
        return call.Topics[0].Id;
    }

    private async Task<(string Id, string Email)> NewUserAsync(string name)
    {
        var email = $"{name}@e2e.local";
        return (await app.CreateUserAsync(email, Password, name), email);
    }

    private async Task<int> AddPaperAsync(int eventId, int topicId, string authorId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        var email = db.Users.Single(u => u.Id == authorId).Email!;
        var now = DateTimeOffset.UtcNow;
        var paper = new Submission
        {
            EventId = eventId, Number = 1, Title = "长文本测试论文", Abstract = "短摘要。", Keywords = "测试", TopicId = topicId,
            SubmitterUserId = authorId, CreatedAt = now, UpdatedAt = now,
            Authors = [new Author { Order = 0, Name = "长文本作者", Affiliation = "测试大学", Email = email, IsCorresponding = true, IsPresenter = true }],
        };
        db.Submissions.Add(paper);
        await db.SaveChangesAsync();
        return paper.Id;
    }
}

/// <summary>Text of an exact length, in paragraphs when the field takes several lines.</summary>
public static class LongText
{
    private const string Chinese1 = "区域创新体系建设需要高校、科研院所与企业协同发力，推动科技成果就地转化，";
    private const string Chinese2 = "评审意见：研究设计较为扎实，但样本期偏短，建议补充稳健性检验并讨论内生性问题；";

    public static string Chinese(int length, bool lines = false, int seed = 0) => Repeat(seed == 0 ? Chinese1 : Chinese2, length, lines);

    public static string Latin(int length) => Repeat("Institute of Regional Innovation and Development Strategy ", length, lines: false);

    private static string Repeat(string phrase, int length, bool lines)
    {
        var text = new StringBuilder(length);
        while (text.Length < length)
        {
            text.Append(phrase);
            if (lines && text.Length % 5 == 0) text.Append('\n');
        }
        text.Length = length;
        // Fields are trimmed on save; a text that ends in a space would not read back as typed.
        if (char.IsWhiteSpace(text[^1])) text[^1] = '。';
        return text.ToString();
    }
}
