using System.Globalization;
using System.Security.Cryptography;
using Events.Core.Attendees;
using Events.Core.Events;
using Events.Core.Papers;
using Events.Core.Reviews;
using Events.Infrastructure.Data;
using Events.Infrastructure.Files;
using Events.Infrastructure.Papers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Events.E2E;

/// <summary>One person the crawl signs in as; <see cref="Email"/> is null for the anonymous visitor.</summary>
public sealed record CrawlRole(string Name, string? Email, string? Password, RouteParameters Parameters);

/// <summary>
/// A person for every kind of right on the seeded symposium, each with the record that gives them the right: a plain
/// account, an attendee with a registration, an author with a submitted paper, a reviewer assigned to that paper, staff
/// of a sub-forum only, the symposium's organizer and the administrator. Written to the database directly, so the crawl
/// does not depend on the forms it visits.
/// </summary>
public static class CrawlScenario
{
    private const string Password = "Crawl#2026";

    private static readonly Lock Creating = new();
    private static Task<IReadOnlyList<CrawlRole>>? created;

    /// <summary>The roles for the shared app, written once however many tests (in however many collections) ask for them.</summary>
    public static Task<IReadOnlyList<CrawlRole>> ForAsync(BrowserApp app)
    {
        lock (Creating) return created ??= CreateAsync(app);
    }

    private static async Task<IReadOnlyList<CrawlRole>> CreateAsync(BrowserApp app)
    {
        var user = await app.CreateUserAsync("crawl-user@e2e.local", Password, "巡检用户");
        var attendee = await app.CreateUserAsync("crawl-attendee@e2e.local", Password, "巡检参会者");
        var author = await app.CreateUserAsync("crawl-author@e2e.local", Password, "巡检作者");
        var reviewer = await app.CreateUserAsync("crawl-reviewer@e2e.local", Password, "巡检审稿人");
        var staff = await app.CreateUserAsync("crawl-staff@e2e.local", Password, "巡检分论坛工作人员");
        _ = user;

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        var now = DateTimeOffset.UtcNow;
        var symposium = await db.Events.SingleAsync(e => e.Id == app.SymposiumId);
        var subForum = await db.Events.FirstAsync(e => e.Kind == EventKind.SubForum);

        // The attendee: registered, with a private agenda feed.
        db.Registrations.Add(new Registration
        {
            EventId = symposium.Id, UserId = attendee, Name = "巡检参会者", Organization = "巡检单位", Title = "研究员",
            Email = "crawl-attendee@e2e.local", RegisteredAt = now,
        });
        var agendaToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var attendeeUser = await db.Users.SingleAsync(u => u.Id == attendee);
        attendeeUser.AgendaFeedToken = agendaToken;

        // The author: a submitted paper with its PDF.
        var pdf = SamplePdf.OnePage("Crawl paper");
        var stored = await scope.ServiceProvider.GetRequiredService<FileStore>().SaveAsync(SubmissionService.FileFolder, ".pdf", new MemoryStream(pdf));
        var topicId = await db.CallsForPapers.Where(c => c.EventId == symposium.Id).SelectMany(c => c.Topics).Select(t => (int?)t.Id).FirstOrDefaultAsync();
        var paper = new Submission
        {
            EventId = symposium.Id, Number = (await db.Submissions.Where(s => s.EventId == symposium.Id).MaxAsync(s => (int?)s.Number) ?? 0) + 1,
            Title = "巡检用论文：区域创新网络", Abstract = "巡检用摘要。", Keywords = "巡检", TopicId = topicId, SubmitterUserId = author,
            CreatedAt = now, UpdatedAt = now,
            Authors = [new Author { Order = 0, Name = "巡检作者", Affiliation = "巡检大学", Email = "crawl-author@e2e.local", IsCorresponding = true, IsPresenter = true }],
            Files =
            [
                new SubmissionFile
                {
                    Kind = SubmissionFileKind.Submission, Version = 1, StoredName = stored, OriginalFileName = "巡检论文.pdf", SizeBytes = pdf.Length,
                    PageCount = 1, Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)), UploadedAt = now, UploadedByUserId = author,
                },
            ],
        };
        db.Submissions.Add(paper);

        // The reviewer: accepted, and assigned the author's paper. Another invitation is still open.
        var accepted = new Reviewer
        {
            EventId = symposium.Id, UserId = reviewer, Email = "crawl-reviewer@e2e.local", Name = "巡检审稿人", Affiliation = "巡检研究院",
            State = ReviewerState.Accepted, InvitationToken = Guid.NewGuid().ToString("N"), InvitedAt = now, RespondedAt = now,
            // Full with its one paper, so automatic assignment in the other journeys on this event never picks it.
            MaxLoad = 1,
        };
        var pending = new Reviewer
        {
            EventId = symposium.Id, Email = "crawl-invited@e2e.local", Name = "巡检受邀人", State = ReviewerState.Invited,
            InvitationToken = Guid.NewGuid().ToString("N"), InvitedAt = now,
        };
        db.Reviewers.AddRange(accepted, pending);
        await db.SaveChangesAsync();
        db.ReviewAssignments.Add(new ReviewAssignment { SubmissionId = paper.Id, ReviewerId = accepted.Id, Source = AssignmentSource.Manual, AssignedAt = now });

        // Staff of the sub-forum only, with no role.
        db.EventStaff.Add(new EventStaff { EventId = subForum.Id, UserId = staff });

        // A released notice (会议通知), public with its PDF.
        var notice = new Events.Core.Attendees.Notices.EventNotice
        {
            EventId = symposium.Id, Number = 1, Title = "巡检用第一轮通知", NoticeDate = DateOnly.FromDateTime(now.UtcDateTime),
            Body = "## 会议安排\n\n巡检用正文。", ReleasedAt = now, CreatedAt = now, UpdatedAt = now,
        };
        db.EventNotices.Add(notice);
        await db.SaveChangesAsync();

        var parameters = new RouteParameters(new Dictionary<string, string>
        {
            ["events/slug"] = symposium.Slug,
            ["events/eventId"] = Id(symposium.Id),
            ["sessions/sessionId"] = Id(await db.Sessions.Where(s => s.EventId == symposium.Id).MinAsync(s => s.Id)),
            ["seating/sessionId"] = Id(await db.Sessions.Where(s => s.EventId == symposium.Id).MinAsync(s => s.Id)),
            ["papers/id"] = Id(paper.Id),
            ["papers/submissionId"] = Id(paper.Id),
            ["files/fileId"] = Id(paper.Files[0].Id),
            ["people/id"] = Id(await db.People.MinAsync(p => p.Id)),
            ["organizations/id"] = Id(await db.Organizations.MinAsync(o => o.Id)),
            ["series/seriesId"] = Id(await db.BulletinSeries.MinAsync(s => s.Id)),
            ["issues/bulletinId"] = Id(await db.Bulletins.MinAsync(b => b.Id)),
            ["bulletins/id"] = Id(await db.Bulletins.MinAsync(b => b.Id)),
            ["invitations/token"] = pending.InvitationToken,
            ["agenda/token"] = agendaToken,
            // No volume has been built when the crawl runs first; the route still answers (404 for staff, denied otherwise).
            ["builds/buildId"] = Id(await db.ProceedingsBuilds.MinAsync(b => (int?)b.Id) ?? 0),
            ["culture/culture"] = "zh-CN",
            ["registrations/registrationId"] = Id(await db.Registrations.MinAsync(r => (int?)r.Id) ?? 0),
            // An unsigned token: the badge landing path answers 404 (a signed one redirects to the check-in page).
            ["b/token"] = "not-a-badge-token",
            ["notices/noticeId"] = Id(notice.Id),
            // No certificate is issued when the crawl runs first; the route still answers (404 for staff, denied otherwise).
            ["certificates/certificateId"] = Id(await db.Certificates.MinAsync(c => (int?)c.Id) ?? 0),
            // An edited code: the verification page says it is not valid.
            ["verify/Code"] = "ABCD-EFGH-JK",
            ["dashboard/table"] = "categories",
        });
        // The sub-forum's staff crawl their own event's pages.
        var subForumParameters = parameters.With(new Dictionary<string, string>
        {
            ["events/slug"] = subForum.Slug,
            ["events/eventId"] = Id(subForum.Id),
            ["sessions/sessionId"] = Id(await db.Sessions.Where(s => s.EventId == subForum.Id).MinAsync(s => s.Id)),
            ["seating/sessionId"] = Id(await db.Sessions.Where(s => s.EventId == subForum.Id).MinAsync(s => s.Id)),
        });

        return
        [
            new CrawlRole("anonymous", null, null, parameters),
            new CrawlRole("user", "crawl-user@e2e.local", Password, parameters),
            new CrawlRole("attendee", "crawl-attendee@e2e.local", Password, parameters),
            new CrawlRole("author", "crawl-author@e2e.local", Password, parameters),
            new CrawlRole("reviewer", "crawl-reviewer@e2e.local", Password, parameters),
            new CrawlRole("sub-forum staff", "crawl-staff@e2e.local", Password, subForumParameters),
            new CrawlRole("organizer", BrowserApp.OrganizerEmail, BrowserApp.OrganizerPassword, parameters),
            new CrawlRole("administrator", BrowserApp.AdminEmail, BrowserApp.AdminPassword, parameters),
        ];
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
