using Events.Infrastructure.Mail;
using Events.Core.Bulletins;
using Events.Core.Common;
using Events.Core.Mail;
using Events.Infrastructure.Bulletins;
using Events.Infrastructure.Seeding;
using Events.IntegrationTests.Infrastructure;
using Events.IntegrationTests.Pdf;
using Events.Web.Components.Documents;
using Events.Web.Components.Pages.Bulletins;
using Events.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Events.IntegrationTests.Bulletins;

/// <summary>Drafts written from the seeded events and programs, the seeded issue, mailing through the outbox.</summary>
[Collection(PdfCollection.Name)]
public sealed class BulletinDraftAndMailTests(PdfAppFixture fx)
{
    private BulletinDraftPhrases Phrases => DraftPhrases.From(fx.App.Get<IStringLocalizer<SharedResource>>());

    private async Task<int> EventIdAsync(string slug)
    {
        await using var db = fx.App.CreateDbContext();
        return await db.Events.Where(e => e.Slug == slug).Select(e => e.Id).SingleAsync();
    }

    [Fact]
    public async Task A_draft_from_the_sub_forum_names_every_speaker_with_titles_and_topics_from_the_published_program()
    {
        var series = await BulletinTestData.NewSeriesAsync(fx.App);
        var result = await fx.App.Get<BulletinService>().CreateDraftFromEventAsync(TestActors.Admin, series, await EventIdAsync("pujiang-forum-2024-regional"), Phrases);

        var draft = (await fx.App.Get<BulletinService>().LoadAsync(result.Id))!;
        Assert.Equal(BulletinStatus.Draft, draft.Status);
        Assert.Equal("区域创新发展论坛综述", draft.Input.Title);
        Assert.Contains("科创中心引擎区域高质量发展", draft.Input.EditorsNote, StringComparison.Ordinal);
        var body = draft.Input.Body;
        Assert.Contains("**刘冬梅**（中国科学技术发展战略研究院党委书记）围绕“科创中心的类型与区域布局”发言。", body, StringComparison.Ordinal);
        Assert.Contains("**李琳**（爱思唯尔全球高级副总裁、大中华区总裁）", body, StringComparison.Ordinal);
        foreach (var name in new[] { "解敏", "吴志强", "Gary Hack", "Alexandre Villain", "谢永强" }) Assert.Contains($"**{name}**", body, StringComparison.Ordinal);
        Assert.Contains("2024浦江创新论坛", body, StringComparison.Ordinal);
        Assert.Equal(await EventIdAsync("pujiang-forum-2024-regional"), draft.Input.EventId);
    }

    [Fact]
    public async Task A_draft_from_the_symposium_has_its_units_chair_addresses_discussants_and_released_reports()
    {
        var series = await BulletinTestData.NewSeriesAsync(fx.App);
        var result = await fx.App.Get<BulletinService>().CreateDraftFromEventAsync(TestActors.Admin, series, await EventIdAsync("regional-innovation-symposium-7"), Phrases);

        var body = (await fx.App.Get<BulletinService>().LoadAsync(result.Id))!.Input.Body;
        Assert.Contains("指导单位：四川省科学技术厅、中国科学学与科技政策研究会。", body, StringComparison.Ordinal);
        Assert.Contains("**田云辉**（四川省科学技术厅党组成员、副厅长）致辞。", body, StringComparison.Ordinal);
        Assert.Contains("王建平", body, StringComparison.Ordinal);
        Assert.Contains("**郭俊华**", body, StringComparison.Ordinal);
        Assert.Contains("会上发布了《2022全国区域创新发展研究报告选编》", body, StringComparison.Ordinal);
        Assert.DoesNotContain("未具名", body, StringComparison.Ordinal);

        // The draft prints: its sections are numbered and its bold names are real bold.
        var pdf = (await fx.App.Get<BulletinDocuments>().PdfAsync(result.Id))!;
        PdfQuality.AssertSound(pdf);
        PdfQuality.AssertContainsText(pdf, "一、会议概况", "二、嘉宾发言", "三、成果发布", "草稿");
    }

    [Fact]
    public async Task The_seed_has_one_published_issue_numbered_like_the_source_and_loading_again_changes_nothing()
    {
        await using var db = fx.App.CreateDbContext();
        var series = await db.BulletinSeries.SingleAsync(s => s.Name == "浦江创新观察");
        var issue = await db.Bulletins.SingleAsync(b => b.SeriesId == series.Id && b.Status == BulletinStatus.Published && b.CumulativeNumber == 13);
        Assert.Equal((2024, 13, "2024浦江创新论坛专报之六", "上海浦江创新论坛中心"), (issue.Year!.Value, issue.NumberInYear!.Value, issue.RunLabel, series.Publisher));
        Assert.Equal(new DateOnly(2024, 9, 9), issue.IssueDate);
        Assert.Equal((14, 14), (series.NextNumberInYear, series.NextCumulativeNumber));
        Assert.NotNull(issue.EventId);

        var before = (await db.BulletinSeries.CountAsync(), await db.Bulletins.CountAsync(b => b.Series!.Name == "浦江创新观察"));
        Assert.False(await new BulletinSeedLoader(RepoPaths.Seeds).LoadIfMissingAsync(db));
        Assert.Equal(before, (await db.BulletinSeries.CountAsync(), await db.Bulletins.CountAsync(b => b.Series!.Name == "浦江创新观察")));
    }

    [Fact]
    public async Task Mailing_a_published_issue_queues_one_held_message_per_address_with_the_pdf_until_released()
    {
        var series = await BulletinTestData.NewSeriesAsync(fx.App, counterYear: 2025, nextInYear: 5, nextCumulative: 50);
        var id = await BulletinTestData.NewIssueAsync(fx.App, series, "分发测试", "正文", mailTo: "a@example.org\nb@example.org");
        await BulletinTestData.PublishAsync(fx.App, id);
        var pdf = (await fx.App.Get<BulletinDocuments>().PublishedPdfAsync(id))!;
        var mailer = fx.App.Get<BulletinMailer>();

        var mailing = (await mailer.QueueAsync(TestActors.Admin, id, pdf.Content, pdf.FileName))!;

        await using (var db = fx.App.CreateDbContext())
        {
            var messages = await db.OutboxMessages.Include(m => m.Recipients).Include(m => m.Attachments)
                .Where(m => m.BatchId == mailing.BatchId).ToListAsync();
            Assert.Equal(["a@example.org", "b@example.org"], messages.Select(m => m.Recipients.Single().Address).Order());
            Assert.All(messages, m => Assert.Equal(OutboxState.Held, m.State));
            Assert.All(messages, m => Assert.Equal("application/pdf", m.Attachments.Single().ContentType));
            Assert.All(messages, m => Assert.Contains("2025-5（总第50期）", m.Subject, StringComparison.Ordinal));
            Assert.All(messages, m => Assert.Contains($"/bulletins/{id}.pdf", m.TextBody, StringComparison.Ordinal));
        }

        Assert.Equal(2, await mailer.ReleaseAsync(TestActors.Admin, id, mailing.BatchId));
        var after = (await mailer.MailingsAsync(id)).Single();
        Assert.Equal(0, after.Held);
    }

    [Fact]
    public async Task An_unpublished_issue_cannot_be_mailed()
    {
        var series = await BulletinTestData.NewSeriesAsync(fx.App);
        var id = await BulletinTestData.NewIssueAsync(fx.App, series, "草稿不发", "正文", mailTo: "a@example.org");

        Assert.Null(await fx.App.Get<BulletinMailer>().QueueAsync(TestActors.Admin, id, [1, 2, 3], "x.pdf"));
    }

    [Fact]
    public async Task Staff_of_the_event_an_issue_reports_on_see_its_held_distribution_but_cannot_release_or_cancel_it()
    {
        var eventId = await EventIdAsync("regional-innovation-symposium-7");
        var series = await BulletinTestData.NewSeriesAsync(fx.App, counterYear: 2025, nextInYear: 7, nextCumulative: 70);
        var id = await BulletinTestData.NewIssueAsync(fx.App, series, "分发权限", "正文", mailTo: "c@example.org");
        var staffId = Guid.NewGuid().ToString();
        await using (var db = fx.App.CreateDbContext())
        {
            await db.Bulletins.Where(b => b.Id == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.EventId, eventId));
            db.Users.Add(new Events.Infrastructure.Identity.AppUser { Id = staffId, UserName = $"{staffId}@example.org", Email = $"{staffId}@example.org", EmailConfirmed = true });
            db.EventStaff.Add(new() { EventId = eventId, UserId = staffId });
            await db.SaveChangesAsync();
        }
        await BulletinTestData.PublishAsync(fx.App, id);
        var pdf = (await fx.App.Get<BulletinDocuments>().PublishedPdfAsync(id))!;
        var mailing = (await fx.App.Get<BulletinMailer>().QueueAsync(TestActors.Admin, id, pdf.Content, pdf.FileName))!;
        var outbox = fx.App.Get<OutboxAdmin>();
        var staff = new Events.Core.Access.Actor(staffId, IsAdministrator: false, IsOrganizer: false);

        Assert.Contains(await outbox.HeldBatchesAsync(eventId), b => b.BatchId == mailing.BatchId);
        Assert.Equal(0, await outbox.ReleaseBatchAsync(staff, eventId, mailing.BatchId));
        Assert.Equal(0, await outbox.CancelBatchAsync(staff, eventId, mailing.BatchId));
        Assert.Equal(1, (await fx.App.Get<BulletinMailer>().MailingsAsync(id)).Single().Held);

        var organizer = new Events.Core.Access.Actor(staffId, IsAdministrator: false, IsOrganizer: true);
        Assert.Equal(1, await outbox.ReleaseBatchAsync(organizer, eventId, mailing.BatchId));
    }
}
