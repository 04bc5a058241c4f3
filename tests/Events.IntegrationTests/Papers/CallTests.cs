using System.Net;
using Events.Core.Common;
using Events.Core.Papers;
using Events.Core.Reviews;
using Events.Infrastructure.Papers;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Papers;

/// <summary>The organizer's call settings and the public call page.</summary>
public sealed class CallTests(EventsAppFactory app) : IClassFixture<EventsAppFactory>
{
    private CallService Calls => app.Get<CallService>();

    private async Task<string> HtmlAsync(string url, TestUser? user = null)
    {
        using var request = user?.Get(url) ?? new HttpRequestMessage(HttpMethod.Get, url);
        using var response = await app.CreateRawClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_seeded_symposium_call_is_public_closed_and_lists_its_six_themes_with_deadlines_in_Beijing_time()
    {
        _ = app.Server;
        var html = await HtmlAsync("/events/regional-innovation-symposium-7/call");

        Assert.Contains("征文已截止", html, StringComparison.Ordinal);
        Assert.DoesNotContain("我要投稿", html, StringComparison.Ordinal);
        foreach (var topic in new[] { "区域创新主体及能力建设", "区域“十四五”规划评估", "集群式创新", "绿色创新", "区域创新路径研究", "地方科技智库建设" })
        {
            Assert.Contains(topic, html, StringComparison.Ordinal);
        }
        Assert.Contains("2023-06-15 23:59", html, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        var call = await db.CallsForPapers.Include(c => c.Criteria).SingleAsync(c => db.Events.Any(e => e.Id == c.EventId && e.Slug == "regional-innovation-symposium-7"));
        Assert.Equal(new DateTimeOffset(2023, 6, 15, 15, 59, 0, TimeSpan.Zero), call.SubmissionDeadline);
        Assert.Equal(4, call.Criteria.Count);
    }

    [Fact]
    public async Task An_open_call_offers_the_submit_button_and_an_unpublished_one_is_not_found()
    {
        _ = app.Server;
        var (eventId, slug) = await PaperTestKit.CreateCallAsync(app);
        var html = await HtmlAsync($"/events/{slug}/call");
        Assert.Contains("征文进行中", html, StringComparison.Ordinal);
        Assert.Contains($"/events/{slug}/submit", html, StringComparison.Ordinal);

        // Unpublished the way organizers do it, through the service, which also drops the cached public page.
        var edit = (await app.Get<CallService>().LoadAsync(eventId))!.Input;
        edit.IsPublished = false;
        Assert.Equal(SaveOutcome.Saved, (await app.Get<CallService>().SaveAsync(TestActors.Admin, edit)).Outcome);
        using var response = await app.CreateRawClient().GetAsync($"/events/{slug}/call");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await app.Get<SubmissionService>().GetSubmitContextAsync(slug));
    }

    [Fact]
    public async Task An_organizer_creates_a_call_from_the_defaults_and_a_second_stale_save_is_a_conflict()
    {
        _ = app.Server;
        var (eventId, _) = await PaperTestKit.CreateCallAsync(app);
        await using (var db = app.CreateDbContext())
        {
            db.CallsForPapers.Remove(await db.CallsForPapers.SingleAsync(c => c.EventId == eventId));
            await db.SaveChangesAsync();
        }
        var fresh = (await Calls.LoadAsync(eventId))!;
        Assert.False(fresh.Exists);
        fresh.Input.Topics = [new TopicInput { Name = "绿色创新" }];
        fresh.Input.Criteria = [new CriterionInput { Name = "创新性", ScaleMax = 7, Weight = 2 }];
        Assert.Equal(SaveOutcome.Saved, (await Calls.SaveAsync(TestActors.Admin, fresh.Input)).Outcome);

        var first = (await Calls.LoadAsync(eventId))!.Input;
        var second = (await Calls.LoadAsync(eventId))!.Input;
        first.MaxPages = 12;
        second.MaxPages = 40;
        Assert.Equal(SaveOutcome.Saved, (await Calls.SaveAsync(TestActors.Admin, first)).Outcome);
        Assert.Equal(SaveOutcome.Conflict, (await Calls.SaveAsync(TestActors.Admin, second)).Outcome);
        var stored = (await Calls.GetAsync(eventId))!;
        Assert.Equal(12, stored.MaxPages);
        Assert.Equal(7, Assert.Single(stored.Criteria).ScaleMax);
    }

    [Fact]
    public async Task Out_of_order_deadlines_are_refused_and_nothing_is_written()
    {
        _ = app.Server;
        var (eventId, _) = await PaperTestKit.CreateCallAsync(app);
        var input = (await Calls.LoadAsync(eventId))!.Input;
        var before = (await Calls.GetAsync(eventId))!.CameraReadyDeadline;
        input.CameraReadyDeadline = new DeadlineInput { Day = input.SubmissionDeadline.Day!.Value.AddDays(-1), Time = new TimeOnly(9, 0) };

        var result = await Calls.SaveAsync(TestActors.Admin, input);

        Assert.Contains(result.Violations, v => v.Field == nameof(CallInput.CameraReadyDeadline) && v.Code == "DeadlineOrder");
        Assert.Equal(before, (await Calls.GetAsync(eventId))!.CameraReadyDeadline);
    }

    [Fact]
    public async Task A_topic_chosen_by_a_submission_cannot_be_removed_and_a_scored_criterion_cannot_be_removed_or_shrunk()
    {
        _ = app.Server;
        var (eventId, slug) = await PaperTestKit.CreateCallAsync(app);
        var author = await TestUsers.CreateAsync(app, $"a-{Guid.NewGuid():N}@test.local", []);
        var input = (await Calls.LoadAsync(eventId))!.Input;
        input.Criteria = [new CriterionInput { Name = "创新性", ScaleMax = 5 }];
        await Calls.SaveAsync(TestActors.Admin, input);
        var id = await PaperTestKit.SubmitAsync(app, slug, author.Id);
        await using (var db = app.CreateDbContext())
        {
            var reviewer = new Reviewer { EventId = eventId, Email = $"r-{Guid.NewGuid():N}@example.cn", Name = "审稿人", InvitationToken = Guid.NewGuid().ToString("N") };
            db.Reviewers.Add(reviewer);
            await db.SaveChangesAsync();
            var criterion = await db.ReviewCriteria.SingleAsync(c => db.CallsForPapers.Any(x => x.Id == c.CallId && x.EventId == eventId));
            db.ReviewAssignments.Add(new ReviewAssignment
            {
                SubmissionId = id, ReviewerId = reviewer.Id, AssignedAt = DateTimeOffset.UtcNow,
                Review = new Review { State = ReviewState.Submitted, Scores = [new ReviewScore { CriterionId = criterion.Id, Value = 5 }] },
            });
            await db.SaveChangesAsync();
        }

        var edit = (await Calls.LoadAsync(eventId))!.Input;
        edit.Topics.RemoveAt(0);
        edit.Criteria.Clear();
        var removal = await Calls.SaveAsync(TestActors.Admin, edit);
        Assert.Contains(removal.Violations, v => v.Code == "TopicInUse");
        Assert.Contains(removal.Violations, v => v.Code == "CriterionInUse");

        var shrink = (await Calls.LoadAsync(eventId))!.Input;
        shrink.Criteria[0].ScaleMax = 3;
        Assert.Contains((await Calls.SaveAsync(TestActors.Admin, shrink)).Violations, v => v.Field == "Criteria[0].ScaleMax" && v.Code == "ScaleBelowScores");

        var unused = (await Calls.LoadAsync(eventId))!.Input;
        unused.Topics.RemoveAt(1);
        Assert.Equal(SaveOutcome.Saved, (await Calls.SaveAsync(TestActors.Admin, unused)).Outcome);
    }

    [Fact]
    public async Task The_settings_page_shows_deadlines_in_the_event_zone_to_its_staff()
    {
        _ = app.Server;
        var (eventId, slug) = await PaperTestKit.CreateCallAsync(app);
        var staff = await TestUsers.CreateAsync(app, $"s-{Guid.NewGuid():N}@test.local", [Core.Access.Roles.Organizer], slug);
        var html = await HtmlAsync($"/manage/events/{eventId}/call", staff);
        Assert.Contains("征文设置", html, StringComparison.Ordinal);
        Assert.Contains("Asia/Shanghai", html, StringComparison.Ordinal);
        Assert.Contains("绿色创新", html, StringComparison.Ordinal);
    }
}
