using System.Net;
using Events.Core.Access;
using Events.Core.Common;
using Events.Core.Papers;
using Events.Core.Reviews;
using Events.Infrastructure.Papers;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Papers;

/// <summary>Who may open an author's page and files, and what the page reveals of the review.</summary>
public sealed class AuthorAccessTests(EventsAppFactory app) : IClassFixture<EventsAppFactory>
{
    private SubmissionService Service => app.Get<SubmissionService>();

    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task Author_B_cannot_open_author_As_page_edit_form_or_file_and_cannot_act_on_it()
    {
        _ = app.Server;
        var (_, slug) = await PaperTestKit.CreateCallAsync(app);
        var a = await TestUsers.CreateAsync(app, $"a-{Guid.NewGuid():N}@test.local", [Roles.Author]);
        var b = await TestUsers.CreateAsync(app, $"b-{Guid.NewGuid():N}@test.local", [Roles.Author]);
        var id = await PaperTestKit.SubmitAsync(app, slug, a.Id);
        var fileId = (await PaperTestKit.FilesAsync(app, id)).Single().Id;
        var client = app.CreateRawClient();

        foreach (var url in new[] { $"/papers/{id}", $"/papers/{id}/edit", $"/papers/{id}/files/{fileId}" })
        {
            using var mine = await client.SendAsync(a.Get(url));
            Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
            using var theirs = await client.SendAsync(b.Get(url));
            Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
            using var anonymous = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        }

        Assert.Null(await Service.GetForAuthorAsync(id, b.Id));
        Assert.Null(await Service.LoadForEditAsync(id, b.Id));
        Assert.Equal(Core.Common.SaveOutcome.NotFound, (await Service.WithdrawAsync(id, b.Id)).Outcome);
        Assert.Equal(PaperUploadProblem.NotFound, (await Service.UploadAsync(id, SubmissionFileKind.Submission, new PaperUpload("x.pdf", new MemoryStream(TestPdfs.Valid())), b.Id)).Problem);
        Assert.Equal(0, (await Service.ListMineAsync(b.Id, new PageRequest(0, 20))).Total);
        Assert.Equal(1, (await Service.ListMineAsync(a.Id, new PageRequest(0, 20))).Total);
    }

    [Fact]
    public async Task A_file_id_of_another_paper_is_not_found_even_for_an_author()
    {
        _ = app.Server;
        var (_, slug) = await PaperTestKit.CreateCallAsync(app);
        var a = await TestUsers.CreateAsync(app, $"a-{Guid.NewGuid():N}@test.local", []);
        var b = await TestUsers.CreateAsync(app, $"b-{Guid.NewGuid():N}@test.local", []);
        var mine = await PaperTestKit.SubmitAsync(app, slug, a.Id);
        var theirs = await PaperTestKit.SubmitAsync(app, slug, b.Id);
        var theirFile = (await PaperTestKit.FilesAsync(app, theirs)).Single().Id;

        using var response = await app.CreateRawClient().SendAsync(a.Get($"/papers/{mine}/files/{theirFile}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Staff_of_the_event_download_the_file_and_staff_of_another_event_do_not()
    {
        _ = app.Server;
        var (_, slug) = await PaperTestKit.CreateCallAsync(app);
        var author = await TestUsers.CreateAsync(app, $"a-{Guid.NewGuid():N}@test.local", []);
        var staff = await TestUsers.CreateAsync(app, $"s-{Guid.NewGuid():N}@test.local", [Roles.Organizer], slug);
        var other = await TestUsers.CreateAsync(app, $"o-{Guid.NewGuid():N}@test.local", [Roles.Organizer], "pujiang-forum-2024");
        var admin = await TestUsers.CreateAsync(app, $"ad-{Guid.NewGuid():N}@test.local", [Roles.Administrator]);
        var id = await PaperTestKit.SubmitAsync(app, slug, author.Id);
        var url = $"/papers/{id}/files/{(await PaperTestKit.FilesAsync(app, id)).Single().Id}";
        var client = app.CreateRawClient();

        using var byStaff = await client.SendAsync(staff.Get(url));
        using var byAdmin = await client.SendAsync(admin.Get(url));
        using var byOther = await client.SendAsync(other.Get(url));

        Assert.Equal(HttpStatusCode.OK, byStaff.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await byStaff.Content.ReadAsByteArrayAsync())[..5], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_co_author_whose_confirmed_email_is_on_the_byline_sees_the_paper_and_an_unconfirmed_one_does_not()
    {
        _ = app.Server;
        var (eventId, slug) = await PaperTestKit.CreateCallAsync(app);
        var submitter = await TestUsers.CreateAsync(app, $"s-{Guid.NewGuid():N}@test.local", []);
        var coEmail = $"co-{Guid.NewGuid():N}@test.local";
        var coAuthor = await TestUsers.CreateAsync(app, coEmail, []);
        var input = PaperTestKit.Input(await PaperTestKit.TopicAsync(app, eventId),
            new AuthorInput { Name = "王冰", Affiliation = "四川大学", Email = "wb@example.cn", IsCorresponding = true, IsPresenter = true },
            new AuthorInput { Name = "李梅", Affiliation = "电子科技大学", Email = coEmail.ToUpperInvariant() });
        var id = await PaperTestKit.SubmitAsync(app, slug, submitter.Id, input);

        Assert.NotNull(await Service.GetForAuthorAsync(id, coAuthor.Id));
        Assert.Equal(1, (await Service.ListMineAsync(coAuthor.Id, new PageRequest(0, 20))).Total);

        await using (var db = app.CreateDbContext())
        {
            var user = await db.Users.SingleAsync(u => u.Id == coAuthor.Id);
            user.EmailConfirmed = false;
            await db.SaveChangesAsync();
        }
        Assert.Null(await Service.GetForAuthorAsync(id, coAuthor.Id));
    }

    [Fact]
    public async Task The_author_page_shows_the_decision_and_comments_to_authors_only_after_notification_and_never_reviewers_or_confidential_text()
    {
        _ = app.Server;
        var (eventId, slug) = await PaperTestKit.CreateCallAsync(app);
        var author = await TestUsers.CreateAsync(app, $"a-{Guid.NewGuid():N}@test.local", []);
        var id = await PaperTestKit.SubmitAsync(app, slug, author.Id);
        await using (var db = app.CreateDbContext())
        {
            var reviewer = new Reviewer { EventId = eventId, Email = "zhao.reviewer@example.cn", Name = "赵评审", Affiliation = "评审大学", InvitationToken = Guid.NewGuid().ToString("N"), State = ReviewerState.Accepted };
            var draftReviewer = new Reviewer { EventId = eventId, Email = "qian.reviewer@example.cn", Name = "钱草稿", InvitationToken = Guid.NewGuid().ToString("N"), State = ReviewerState.Accepted };
            db.Reviewers.AddRange(reviewer, draftReviewer);
            await db.SaveChangesAsync();
            db.ReviewAssignments.Add(new ReviewAssignment
            {
                SubmissionId = id, ReviewerId = reviewer.Id, AssignedAt = DateTimeOffset.UtcNow,
                Review = new Review { State = ReviewState.Submitted, OverallRecommendation = 4, Confidence = 3, CommentsToAuthors = "建议补充对照组数据。", ConfidentialComments = "仅供组委会：方法部分有疑问。", SubmittedAt = DateTimeOffset.UtcNow },
            });
            db.ReviewAssignments.Add(new ReviewAssignment
            {
                SubmissionId = id, ReviewerId = draftReviewer.Id, AssignedAt = DateTimeOffset.UtcNow,
                Review = new Review { State = ReviewState.Draft, CommentsToAuthors = "草稿中的意见" },
            });
            var s = await db.Submissions.SingleAsync(x => x.Id == id);
            s.Decision = Decision.AcceptPoster;
            s.DecidedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        }
        var client = app.CreateRawClient();

        using (var before = await client.SendAsync(author.Get($"/papers/{id}")))
        {
            var html = await HtmlAsync(before);
            Assert.DoesNotContain("录用（墙报交流）", html, StringComparison.Ordinal);
            Assert.DoesNotContain("建议补充对照组数据", html, StringComparison.Ordinal);
            Assert.Null((await Service.GetForAuthorAsync(id, author.Id))!.Decision);
        }

        await using (var db = app.CreateDbContext())
        {
            var s = await db.Submissions.SingleAsync(x => x.Id == id);
            s.DecisionNotifiedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        }

        using var after = await client.SendAsync(author.Get($"/papers/{id}"));
        var shown = await HtmlAsync(after);
        Assert.Contains("录用（墙报交流）", shown, StringComparison.Ordinal);
        Assert.Contains("建议补充对照组数据。", shown, StringComparison.Ordinal);
        foreach (var hidden in new[] { "赵评审", "zhao.reviewer@example.cn", "评审大学", "仅供组委会", "钱草稿", "草稿中的意见" })
        {
            Assert.DoesNotContain(hidden, shown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Conflicts_an_author_declares_are_stored_as_declared_by_the_author_with_the_reason_and_a_foreign_reviewer_is_refused()
    {
        _ = app.Server;
        var (eventId, slug) = await PaperTestKit.CreateCallAsync(app);
        var (otherEventId, _) = await PaperTestKit.CreateCallAsync(app);
        var author = await TestUsers.CreateAsync(app, $"a-{Guid.NewGuid():N}@test.local", []);
        int reviewerId, foreignId;
        await using (var db = app.CreateDbContext())
        {
            var r = new Reviewer { EventId = eventId, Email = $"r-{Guid.NewGuid():N}@example.cn", Name = "孙审稿", Affiliation = "四川大学", InvitationToken = Guid.NewGuid().ToString("N") };
            var f = new Reviewer { EventId = otherEventId, Email = $"f-{Guid.NewGuid():N}@example.cn", Name = "外部审稿", InvitationToken = Guid.NewGuid().ToString("N") };
            db.Reviewers.AddRange(r, f);
            await db.SaveChangesAsync();
            (reviewerId, foreignId) = (r.Id, f.Id);
        }
        var context = (await Service.GetSubmitContextAsync(slug))!;
        Assert.Equal([("孙审稿", "四川大学")], context.Reviewers.Select(r => (r.Name, r.Affiliation)));

        var input = PaperTestKit.Input(await PaperTestKit.TopicAsync(app, eventId));
        input.Conflicts = [new ConflictInput { ReviewerId = foreignId, Reason = "x" }];
        var refused = await Service.SubmitAsync(slug, input, new PaperUpload("p.pdf", new MemoryStream(TestPdfs.Valid())), author.Id);
        Assert.Contains(refused.Save.Violations, v => v.Code == "UnknownReviewer");

        input.Conflicts = [new ConflictInput { ReviewerId = reviewerId, Reason = "同一单位" }];
        var id = await PaperTestKit.SubmitAsync(app, slug, author.Id, input);

        await using var check = app.CreateDbContext();
        var conflict = await check.DeclaredConflicts.SingleAsync(c => c.SubmissionId == id);
        Assert.Equal((reviewerId, ConflictSource.Author, "同一单位"), (conflict.ReviewerId, conflict.DeclaredBy, conflict.Reason));

        var (edit, _) = (await Service.LoadForEditAsync(id, author.Id))!.Value;
        edit.Conflicts.Clear();
        Assert.Equal(Core.Common.SaveOutcome.Saved, (await Service.UpdateAsync(edit, author.Id)).Outcome);
        Assert.False(await check.DeclaredConflicts.AnyAsync(c => c.SubmissionId == id));
    }

    [Fact]
    public async Task A_stale_edit_is_a_conflict_and_writes_nothing()
    {
        _ = app.Server;
        var (_, slug) = await PaperTestKit.CreateCallAsync(app);
        var author = await TestUsers.CreateAsync(app, $"a-{Guid.NewGuid():N}@test.local", []);
        var id = await PaperTestKit.SubmitAsync(app, slug, author.Id);
        var (first, _) = (await Service.LoadForEditAsync(id, author.Id))!.Value;
        var (second, _) = (await Service.LoadForEditAsync(id, author.Id))!.Value;
        first.Title = "第一次";
        second.Title = "第二次";

        Assert.Equal(Core.Common.SaveOutcome.Saved, (await Service.UpdateAsync(first, author.Id)).Outcome);
        Assert.Equal(Core.Common.SaveOutcome.Conflict, (await Service.UpdateAsync(second, author.Id)).Outcome);
        Assert.Equal("第一次", (await Service.GetForAuthorAsync(id, author.Id))!.Title);
    }
}
