using System.Security.Cryptography;
using Events.Core.Events;
using Events.Core.Papers;
using Events.Core.Proceedings;
using Events.Core.Program;
using Events.Infrastructure.Files;
using Events.Infrastructure.Proceedings;
using Events.IntegrationTests.Infrastructure;

namespace Events.IntegrationTests.Proceedings;

public sealed record TestPaper(int SubmissionId, int Number, string Title, string[] Authors, string Topic, int Pages);

/// <summary>
/// A published event of its own (tests share one app) with a call, two topics, accepted papers with Chinese titles and
/// authors and generated camera-ready PDFs, plus a rejected and a withdrawn paper that must stay out of the volume.
/// </summary>
public sealed class VolumeTestData
{
    public const string SharedAuthor = "王小明";

    public required int EventId { get; init; }
    public required string Slug { get; init; }
    public required IReadOnlyList<TestPaper> Accepted { get; init; }
    public required string RejectedTitle { get; init; }

    public static readonly (string Title, string[] Authors, string Topic, int Pages)[] DefaultPapers =
    [
        ("长三角区域科技创新中心建设路径研究", ["王小明", "李华"], "区域创新", 3),
        ("数字经济背景下的产业协同发展", ["张伟"], "数字经济", 2),
        ("绿色技术扩散与城市群碳减排", ["赵敏", "王小明"], "区域创新", 4),
        ("人工智能治理的国际比较", ["陈静", "欧阳修远"], "数字经济", 1),
    ];

    public static async Task<VolumeTestData> CreateAsync(EventsAppFactory app, ProceedingsKind kind = ProceedingsKind.FullPapers,
        ProceedingsAccess access = ProceedingsAccess.Public, IReadOnlyList<(string Title, string[] Authors, string Topic, int Pages)>? papers = null,
        PaperGrouping grouping = PaperGrouping.Topic)
    {
        papers ??= DefaultPapers;
        var slug = $"volume-test-{Guid.NewGuid():N}"[..30];
        var files = app.Get<FileStore>();
        await using var db = app.CreateDbContext();
        var ev = new Event
        {
            Slug = slug,
            Title = "第八届区域创新研讨会",
            Kind = EventKind.Symposium,
            StartDate = new DateOnly(2026, 11, 20),
            EndDate = new DateOnly(2026, 11, 21),
            Status = EventStatus.Published,
        };
        db.Events.Add(ev);
        await db.SaveChangesAsync();

        var call = new CallForPapers { EventId = ev.Id, Topics = [new PaperTopic { Name = "区域创新", Order = 1 }, new PaperTopic { Name = "数字经济", Order = 2 }] };
        db.CallsForPapers.Add(call);
        await db.SaveChangesAsync();

        var accepted = new List<TestPaper>();
        var number = 0;
        foreach (var (title, authors, topic, pages) in papers)
        {
            number++;
            var submission = NewSubmission(ev.Id, number, title, authors, call.Topics.Single(t => t.Name == topic).Id, Decision.AcceptOral);
            var pdf = PaperPdfs.Make(number, title, pages);
            var stored = await files.SaveAsync(ProceedingsFiles.PaperFolder, ".pdf", new MemoryStream(pdf));
            submission.Files.Add(new SubmissionFile
            {
                Kind = SubmissionFileKind.CameraReady,
                Version = 1,
                StoredName = stored,
                OriginalFileName = $"paper-{number}.pdf",
                SizeBytes = pdf.Length,
                PageCount = pages,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)),
                UploadedAt = DateTimeOffset.UtcNow,
                UploadedByUserId = "tests",
            });
            db.Submissions.Add(submission);
            await db.SaveChangesAsync();
            accepted.Add(new TestPaper(submission.Id, number, title, authors, topic, pages));
        }

        const string rejected = "未被录用的论文不应出现";
        db.Submissions.Add(NewSubmission(ev.Id, ++number, rejected, ["孙悟空"], call.Topics[0].Id, Decision.Reject));
        var withdrawn = NewSubmission(ev.Id, ++number, "已撤回的论文", ["猪八戒"], call.Topics[0].Id, Decision.AcceptPoster);
        withdrawn.State = SubmissionState.Withdrawn;
        db.Submissions.Add(withdrawn);

        db.Proceedings.Add(new Core.Proceedings.Proceedings
        {
            EventId = ev.Id,
            Title = "区域创新研究论文集",
            Subtitle = "第八届区域创新研讨会",
            Editors = "周立群\n吴晓华",
            Preface = "本论文集收录了研讨会录用的论文。\n感谢各位作者与评审专家。",
            Publisher = "区域创新研究会",
            DatePlace = "2026年11月 · 上海",
            Kind = kind,
            Access = access,
            Grouping = grouping,
        });
        await db.SaveChangesAsync();
        return new VolumeTestData { EventId = ev.Id, Slug = slug, Accepted = accepted, RejectedTitle = rejected };
    }

    /// <summary>Places papers in program sessions: each (submission, session title, session start hour, item order).</summary>
    public static async Task PlaceInSessionsAsync(EventsAppFactory app, int eventId, IEnumerable<(int SubmissionId, string Session, int Hour, int Order)> places)
    {
        await using var db = app.CreateDbContext();
        var sessions = new Dictionary<string, Session>();
        foreach (var (submissionId, title, hour, order) in places)
        {
            if (!sessions.TryGetValue(title, out var session))
            {
                var start = new DateTimeOffset(2026, 11, 20, hour, 0, 0, TimeSpan.Zero);
                session = new Session { EventId = eventId, Kind = SessionKind.PaperSession, Title = title, Start = start, End = start.AddHours(1) };
                sessions[title] = session;
                db.Sessions.Add(session);
                await db.SaveChangesAsync();
            }
            var item = new SessionItem { SessionId = session.Id, Order = order, Title = $"报告{submissionId}", DurationMinutes = 15 };
            db.SessionItems.Add(item);
            await db.SaveChangesAsync();
            var submission = await db.Submissions.FindAsync(submissionId);
            submission!.SessionItemId = item.Id;
            await db.SaveChangesAsync();
        }
    }

    private static Submission NewSubmission(int eventId, int number, string title, string[] authors, int topicId, Decision decision) => new()
    {
        EventId = eventId,
        Number = number,
        Title = title,
        Abstract = $"本文讨论{title}的若干问题，提出了分析框架并给出政策建议。",
        Keywords = "区域创新；协同发展",
        TopicId = topicId,
        SubmitterUserId = "tests",
        Decision = decision,
        CreatedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
        Authors = authors.Select((a, i) => new Author { Order = i + 1, Name = a, Affiliation = a == SharedAuthor ? "复旦大学" : "上海社会科学院" }).ToList(),
    };
}
