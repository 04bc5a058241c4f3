using System.Security.Cryptography;
using Events.Core.Access;
using Events.Core.Papers;
using Events.Core.Reviews;
using Events.Infrastructure.Files;
using Events.Infrastructure.Reviews;
using Events.IntegrationTests.Infrastructure;
using Events.IntegrationTests.Papers;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Reviews;

/// <summary>
/// A double-blind call on the seeded 2023 symposium: paper #1 by 欧阳明远 and 司马青云 with a PDF carrying their names in its
/// metadata, paper #2 by another author, two assigned reviewers, one reviewer from the first author's university (a
/// conflict by affiliation), one invitation not yet answered, and organizers of this and of another event.
/// </summary>
public sealed class ReviewScenario
{
    public const string Slug = "regional-innovation-symposium-7";
    public const string AuthorName = "欧阳明远";
    public const string AuthorEmail = "author@test.local";
    public const string AuthorAffiliation = "西南交通大学公共管理学院";
    public const string CoAuthorName = "司马青云";
    public const string CoAuthorEmail = "sima.qingyun@example.cn";
    public const string CoAuthorAffiliation = "四川省科技发展战略研究院";
    public const string PaperTitle = "城市群协同创新网络的演化与治理";
    public const string OtherPaperTitle = "绿色技术创新效率测度";
    public const string SecondReviewerComment = "第二位审稿人的意见：实证部分扎实，建议补充稳健性检验。";

    /// <summary>Every string that would reveal paper #1's authors to a reviewer.</summary>
    public static readonly string[] AuthorIdentity =
        [AuthorName, AuthorEmail, AuthorAffiliation, CoAuthorName, CoAuthorEmail, CoAuthorAffiliation];

    public int EventId { get; private set; }
    public int PaperId { get; private set; }
    public int OtherPaperId { get; private set; }
    public int FileId { get; private set; }
    public int ReviewerId { get; private set; }
    public int SecondReviewerId { get; private set; }
    public int ConflictedReviewerId { get; private set; }
    public string PendingToken { get; private set; } = "";
    public IReadOnlyList<int> TopicIds { get; private set; } = [];
    public IReadOnlyList<int> CriterionIds { get; private set; } = [];

    public TestUser Author { get; private set; } = default!;
    public TestUser OtherAuthor { get; private set; } = default!;
    public TestUser Reviewer { get; private set; } = default!;
    public TestUser SecondReviewer { get; private set; } = default!;
    public TestUser ConflictedReviewer { get; private set; } = default!;
    public TestUser OrganizerThis { get; private set; } = default!;
    public TestUser OrganizerOther { get; private set; } = default!;

    public static async Task<ReviewScenario> CreateAsync(EventsAppFactory app, DateTimeOffset? reviewDeadline = null)
    {
        var s = new ReviewScenario();
        s.Author = await TestUsers.CreateAsync(app, AuthorEmail, [Roles.Author]);
        s.OtherAuthor = await TestUsers.CreateAsync(app, "other-author@test.local", [Roles.Author]);
        s.Reviewer = await TestUsers.CreateAsync(app, "reviewer@test.local", [Roles.Reviewer]);
        s.SecondReviewer = await TestUsers.CreateAsync(app, "reviewer2@test.local", [Roles.Reviewer]);
        s.ConflictedReviewer = await TestUsers.CreateAsync(app, "conflicted@test.local", [Roles.Reviewer]);
        s.OrganizerThis = await TestUsers.CreateAsync(app, "org-this@test.local", [Roles.Organizer], Slug);
        s.OrganizerOther = await TestUsers.CreateAsync(app, "org-other@test.local", [Roles.Organizer], "pujiang-forum-2024");

        var now = DateTimeOffset.UtcNow;
        await using (var db = app.CreateDbContext())
        {
            s.EventId = await db.Events.Where(e => e.Slug == Slug).Select(e => e.Id).SingleAsync();
            // The seeds give the symposium a call of its own; this scenario needs its own deadlines and criteria.
            await db.CallsForPapers.Where(c => c.EventId == s.EventId).ExecuteDeleteAsync();
            var call = new CallForPapers
            {
                EventId = s.EventId,
                IsPublished = true,
                SubmissionDeadline = now.AddDays(-1),
                ReviewDeadline = reviewDeadline ?? now.AddDays(10),
                NotificationDate = now.AddDays(20),
                CameraReadyDeadline = now.AddDays(30),
                ReviewMode = ReviewMode.DoubleBlind,
                ReviewsPerPaper = 2,
                MaxLoadPerReviewer = 3,
                HideOtherReviewsUntilSubmitted = true,
                Topics = [new PaperTopic { Name = "集群创新", Order = 0 }, new PaperTopic { Name = "绿色创新", Order = 1 }],
                Criteria =
                [
                    new ReviewCriterion { Name = "原创性", ScaleMax = 5, Weight = 2m, Order = 0 },
                    new ReviewCriterion { Name = "研究方法", ScaleMax = 5, Weight = 1m, Order = 1 },
                ],
            };
            db.CallsForPapers.Add(call);
            await db.SaveChangesAsync();
            s.TopicIds = call.Topics.Select(t => t.Id).ToList();
            s.CriterionIds = call.Criteria.Select(c => c.Id).ToList();

            var pdf = TestPdfs.WithIdentity(AuthorName, AuthorAffiliation, AuthorEmail);
            var stored = await app.Get<FileStore>().SaveAsync(ReviewService.PaperFolder, ".pdf", new MemoryStream(pdf));
            var paper = new Submission
            {
                EventId = s.EventId, Number = 1, Title = PaperTitle, Abstract = "以成渝地区为例，刻画城市群协同创新网络的结构演化，并讨论其治理机制。",
                Keywords = "协同创新；城市群", TopicId = s.TopicIds[0], SubmitterUserId = s.Author.Id, CreatedAt = now, UpdatedAt = now,
                Authors =
                [
                    new Author { Order = 0, Name = AuthorName, Affiliation = AuthorAffiliation, Email = AuthorEmail, IsCorresponding = true, IsPresenter = true },
                    new Author { Order = 1, Name = CoAuthorName, Affiliation = CoAuthorAffiliation, Email = CoAuthorEmail },
                ],
                Files =
                [
                    new SubmissionFile
                    {
                        Kind = SubmissionFileKind.Submission, Version = 1, StoredName = stored, OriginalFileName = $"{AuthorName}-城市群.pdf",
                        SizeBytes = pdf.Length, PageCount = 2, Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)), UploadedAt = now, UploadedByUserId = s.Author.Id,
                    },
                ],
            };
            var other = new Submission
            {
                EventId = s.EventId, Number = 2, Title = OtherPaperTitle, Abstract = "基于省级面板数据测度绿色技术创新效率。", TopicId = s.TopicIds[1],
                SubmitterUserId = s.OtherAuthor.Id, CreatedAt = now, UpdatedAt = now,
                Authors = [new Author { Order = 0, Name = "上官文静", Affiliation = "成都理工大学", Email = "other-author@test.local", IsPresenter = true }],
            };
            db.Submissions.AddRange(paper, other);
            await db.SaveChangesAsync();
            s.PaperId = paper.Id;
            s.OtherPaperId = other.Id;
            s.FileId = paper.Files[0].Id;
        }

        var reviewers = app.Get<ReviewerService>();
        s.ReviewerId = await AcceptedReviewerAsync(app, s, "reviewer@test.local", "钟离守正", "北京大学政府管理学院", s.Reviewer);
        s.SecondReviewerId = await AcceptedReviewerAsync(app, s, "reviewer2@test.local", "慕容知远", "复旦大学", s.SecondReviewer);
        s.ConflictedReviewerId = await AcceptedReviewerAsync(app, s, "conflicted@test.local", "端木怀瑾", "西南交通大学", s.ConflictedReviewer);
        var pending = await reviewers.InviteAsync(TestActors.Admin, s.EventId, new ReviewerInvite { Email = "pending@test.local", Name = "公孙未决", Affiliation = "南开大学" });
        await using (var db = app.CreateDbContext())
        {
            s.PendingToken = await db.Reviewers.Where(r => r.Id == pending.Id).Select(r => r.InvitationToken).SingleAsync();
        }

        var assignments = app.Get<AssignmentService>();
        Assert.Equal(AssignOutcome.Assigned, (await assignments.AssignAsync(TestActors.Admin, s.EventId, s.PaperId, s.ReviewerId)).Outcome);
        Assert.Equal(AssignOutcome.Assigned, (await assignments.AssignAsync(TestActors.Admin, s.EventId, s.PaperId, s.SecondReviewerId)).Outcome);
        return s;
    }

    private static async Task<int> AcceptedReviewerAsync(EventsAppFactory app, ReviewScenario s, string email, string name, string affiliation, TestUser user)
    {
        var reviewers = app.Get<ReviewerService>();
        var invited = await reviewers.InviteAsync(TestActors.Admin, s.EventId, new ReviewerInvite { Email = email, Name = name, Affiliation = affiliation });
        Assert.Equal(Events.Core.Common.SaveOutcome.Saved, invited.Outcome);
        await using var db = app.CreateDbContext();
        var token = await db.Reviewers.Where(r => r.Id == invited.Id).Select(r => r.InvitationToken).SingleAsync();
        Assert.Equal(InvitationOutcome.Done, await reviewers.AcceptAsync(token, user.Id, s.TopicIds));
        return invited.Id;
    }

    /// <summary>A complete review by one of the scenario's reviewers.</summary>
    public static ReviewInput CompleteReview(ReviewPaperView view, int score, string comments) => new()
    {
        Scores = view.Criteria.ToDictionary(c => c.Id, _ => (int?)score),
        OverallRecommendation = score,
        Confidence = 4,
        CommentsToAuthors = comments,
        ConfidentialComments = "仅供组委会参考。",
        ConcurrencyStamp = view.Input.ConcurrencyStamp,
    };
}
