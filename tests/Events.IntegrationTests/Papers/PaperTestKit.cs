using Events.Core.Events;
using Events.Core.Papers;
using Events.Infrastructure.Papers;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Papers;

/// <summary>Events with calls for papers and submissions made through the real services, for the paper tests (and the review side's).</summary>
public static class PaperTestKit
{
    /// <summary>A published event with a published call whose submission deadline is <paramref name="submissionIn"/> from now.</summary>
    public static async Task<(int EventId, string Slug)> CreateCallAsync(EventsAppFactory app, TimeSpan? submissionIn = null,
        int maxFileSizeMb = 2, int maxPages = 5, string[]? topics = null)
    {
        var slug = $"paper-test-{Guid.NewGuid():N}"[..30];
        await using var db = app.CreateDbContext();
        var ev = new Event
        {
            Slug = slug,
            Title = "论文测试研讨会",
            Kind = EventKind.Symposium,
            StartDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(60)),
            EndDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(61)),
            Status = EventStatus.Published,
        };
        db.Events.Add(ev);
        await db.SaveChangesAsync();
        var deadline = DateTimeOffset.UtcNow + (submissionIn ?? TimeSpan.FromDays(10));
        db.CallsForPapers.Add(new CallForPapers
        {
            EventId = ev.Id,
            IsPublished = true,
            SubmissionDeadline = deadline,
            ReviewDeadline = deadline.AddDays(10),
            NotificationDate = deadline.AddDays(15),
            CameraReadyDeadline = deadline.AddDays(25),
            MaxFileSizeMb = maxFileSizeMb,
            MaxPages = maxPages,
            Topics = (topics ?? ["绿色创新", "集群式创新"]).Select((t, i) => new PaperTopic { Name = t, Order = i }).ToList(),
        });
        await db.SaveChangesAsync();
        return (ev.Id, slug);
    }

    public static async Task<int> TopicAsync(EventsAppFactory app, int eventId)
    {
        await using var db = app.CreateDbContext();
        return await db.PaperTopics.Where(t => db.CallsForPapers.Any(c => c.Id == t.CallId && c.EventId == eventId)).OrderBy(t => t.Order).Select(t => t.Id).FirstAsync();
    }

    public static SubmissionInput Input(int topicId, params AuthorInput[] authors) => new()
    {
        Title = "成渝地区双城经济圈协同创新的路径研究",
        Abstract = "本文以成渝地区为例，讨论区域协同创新的路径。",
        Keywords = "协同创新；成渝地区",
        TopicId = topicId,
        Authors = authors.Length > 0
            ? authors.ToList()
            : [new AuthorInput { Name = "王冰", Affiliation = "四川大学", Email = "wangbing@example.cn", IsCorresponding = true, IsPresenter = true }],
    };

    /// <summary>Submits through the service as <paramref name="userId"/> and returns the new submission's id.</summary>
    public static async Task<int> SubmitAsync(EventsAppFactory app, string slug, string userId, SubmissionInput? input = null, byte[]? pdf = null, string fileName = "paper.pdf")
    {
        var eventId = await EventIdAsync(app, slug);
        input ??= Input(await TopicAsync(app, eventId));
        var result = await app.Get<SubmissionService>().SubmitAsync(slug, input, new PaperUpload(fileName, new MemoryStream(pdf ?? TestPdfs.Valid())), userId);
        Assert.Equal(Core.Common.SaveOutcome.Saved, result.Save.Outcome);
        return result.Save.Id;
    }

    public static async Task<int> EventIdAsync(EventsAppFactory app, string slug)
    {
        await using var db = app.CreateDbContext();
        return await db.Events.Where(e => e.Slug == slug).Select(e => e.Id).SingleAsync();
    }

    /// <summary>Moves the call's deadlines, as time passing would.</summary>
    public static async Task SetDeadlinesAsync(EventsAppFactory app, int eventId, DateTimeOffset? submission = null, DateTimeOffset? cameraReady = null)
    {
        await using var db = app.CreateDbContext();
        var call = await db.CallsForPapers.SingleAsync(c => c.EventId == eventId);
        if (submission is { } s) call.SubmissionDeadline = s;
        if (cameraReady is { } c) call.CameraReadyDeadline = c;
        await db.SaveChangesAsync();
    }

    public static async Task<List<SubmissionFile>> FilesAsync(EventsAppFactory app, int submissionId)
    {
        await using var db = app.CreateDbContext();
        var files = await db.SubmissionFiles.AsNoTracking().Where(f => f.SubmissionId == submissionId).ToListAsync();
        return files.OrderBy(f => f.Kind).ThenBy(f => f.Version).ToList();
    }
}
