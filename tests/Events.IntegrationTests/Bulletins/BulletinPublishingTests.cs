using Events.Core.Bulletins;
using Events.Core.Common;
using Events.Infrastructure.Bulletins;
using Events.IntegrationTests.Infrastructure;
using Events.IntegrationTests.Pdf;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Bulletins;

/// <summary>Numbers at publish time, concurrent publishes, immutability and corrections, on the real database.</summary>
[Collection(PdfCollection.Name)]
public sealed class BulletinPublishingTests(PdfAppFixture fx)
{
    [Fact]
    public async Task Publishing_gives_the_series_next_numbers_and_advances_its_counters()
    {
        var series = await BulletinTestData.NewSeriesAsync(fx.App, counterYear: 2025, nextInYear: 7, nextCumulative: 40);
        var id = await BulletinTestData.NewIssueAsync(fx.App, series, "第一期", "正文");

        var result = await BulletinTestData.PublishAsync(fx.App, id);

        Assert.Equal(BulletinPublishOutcome.Published, result.Outcome);
        Assert.Equal(new IssueNumbers(2025, 7, 40), result.Numbers);
        await using var db = fx.App.CreateDbContext();
        var row = await db.BulletinSeries.SingleAsync(s => s.Id == series);
        Assert.Equal((2025, 8, 41), (row.CounterYear!.Value, row.NextNumberInYear, row.NextCumulativeNumber));
        Assert.Equal("2025-7（总第40期）", (await fx.App.Get<BulletinService>().LoadAsync(id))!.Numbers);
    }

    [Fact]
    public async Task A_draft_cannot_be_published_without_review()
    {
        var series = await BulletinTestData.NewSeriesAsync(fx.App);
        var id = await BulletinTestData.NewIssueAsync(fx.App, series, "未审核", "正文");
        var stamp = (await fx.App.Get<BulletinService>().LoadAsync(id))!.Input.ConcurrencyStamp;

        var result = await fx.App.Get<BulletinPublisher>().PublishAsync(TestActors.Admin, id, stamp, "test");

        Assert.Equal(BulletinPublishOutcome.Invalid, result.Outcome);
        Assert.Equal(BulletinStatus.Draft, (await fx.App.Get<BulletinService>().LoadAsync(id))!.Status);
    }

    [Fact]
    public async Task Two_editors_publishing_at_once_get_consecutive_numbers_without_gaps()
    {
        var series = await BulletinTestData.NewSeriesAsync(fx.App, counterYear: 2025, nextInYear: 1, nextCumulative: 100);
        var ids = new List<int>();
        for (var i = 0; i < 4; i++) ids.Add(await BulletinTestData.NewIssueAsync(fx.App, series, $"并发{i}", "正文"));
        var service = fx.App.Get<BulletinService>();
        var stamps = new List<Guid>();
        foreach (var id in ids)
        {
            var loaded = await service.LoadAsync(id);
            Assert.Equal(SaveOutcome.Saved, (await service.MoveAsync(TestActors.Admin, id, BulletinStatus.InReview, loaded!.Input.ConcurrencyStamp)).Outcome);
            stamps.Add((await service.LoadAsync(id))!.Input.ConcurrencyStamp);
        }

        // Each publish uses its own context and connection, as two organizers' circuits would.
        var publisher = fx.App.Get<BulletinPublisher>();
        var results = await Task.WhenAll(ids.Select((id, i) => Task.Run(() => publisher.PublishAsync(TestActors.Admin, id, stamps[i], $"editor{i}"))));

        Assert.All(results, r => Assert.Equal(BulletinPublishOutcome.Published, r.Outcome));
        Assert.Equal([100, 101, 102, 103], results.Select(r => r.Numbers!.CumulativeNumber!.Value).Order());
        Assert.Equal([1, 2, 3, 4], results.Select(r => r.Numbers!.NumberInYear!.Value).Order());
        await using var db = fx.App.CreateDbContext();
        var row = await db.BulletinSeries.SingleAsync(s => s.Id == series);
        Assert.Equal((5, 104), (row.NextNumberInYear, row.NextCumulativeNumber));
    }

    [Fact]
    public async Task The_database_refuses_a_second_issue_with_the_same_number()
    {
        var series = await BulletinTestData.NewSeriesAsync(fx.App);
        var first = await BulletinTestData.NewIssueAsync(fx.App, series, "甲", "正文");
        var second = await BulletinTestData.NewIssueAsync(fx.App, series, "乙", "正文");
        await BulletinTestData.PublishAsync(fx.App, first);

        // Bypassing the counters, as a buggy or hand-written update would.
        await using var db = fx.App.CreateDbContext();
        var copy = await db.Bulletins.SingleAsync(b => b.Id == first);
        var other = await db.Bulletins.SingleAsync(b => b.Id == second);
        (other.Year, other.NumberInYear, other.CumulativeNumber) = (copy.Year, copy.NumberInYear, copy.CumulativeNumber);
        other.Status = BulletinStatus.Published;

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_published_issue_cannot_be_edited_or_sent_back_and_its_row_stays_as_it_was()
    {
        var series = await BulletinTestData.NewSeriesAsync(fx.App);
        var id = await BulletinTestData.NewIssueAsync(fx.App, series, "原标题", "原正文");
        await BulletinTestData.PublishAsync(fx.App, id);
        var service = fx.App.Get<BulletinService>();
        var loaded = (await service.LoadAsync(id))!;
        var edit = loaded.Input;
        edit.Title = "改过的标题";
        edit.Body = "改过的正文";

        var saved = await service.SaveAsync(TestActors.Admin, edit);
        var moved = await service.MoveAsync(TestActors.Admin, id, BulletinStatus.Draft, loaded.Input.ConcurrencyStamp);
        var again = await fx.App.Get<BulletinPublisher>().PublishAsync(TestActors.Admin, id, loaded.Input.ConcurrencyStamp, "test");

        Assert.Contains(saved.Violations, v => v.Code == "BulletinPublished");
        Assert.Contains(moved.Violations, v => v.Code == "BulletinBadTransition");
        Assert.Equal(BulletinPublishOutcome.Conflict, again.Outcome);
        var after = (await service.LoadAsync(id))!;
        Assert.Equal(("原标题", "原正文", BulletinStatus.Published), (after.Input.Title, after.Input.Body, after.Status));
    }

    [Fact]
    public async Task A_correction_is_a_new_issue_that_points_at_the_original_and_takes_the_next_number()
    {
        var series = await BulletinTestData.NewSeriesAsync(fx.App, counterYear: 2025, nextInYear: 3, nextCumulative: 30);
        var original = await BulletinTestData.NewIssueAsync(fx.App, series, "有误的一期", "正文有误");
        await BulletinTestData.PublishAsync(fx.App, original);

        var correction = await fx.App.Get<BulletinService>().CreateCorrectionAsync(TestActors.Admin, original);
        var published = await BulletinTestData.PublishAsync(fx.App, correction.Id);

        Assert.Equal(SaveOutcome.Saved, correction.Outcome);
        // A correction is dated the day it is made, so it counts in this year; the cumulative number simply continues.
        var year = DateTime.UtcNow.Year;
        Assert.Equal(new IssueNumbers(year, year == 2025 ? 4 : 1, 31), published.Numbers);
        var details = (await fx.App.Get<BulletinService>().LoadAsync(correction.Id))!;
        Assert.Equal(original, details.CorrectsId);
        Assert.Equal("2025-3（总第30期）", details.CorrectsNumbers);
        var view = (await fx.App.Get<BulletinService>().ViewAsync(correction.Id))!;
        Assert.Equal("2025-3（总第30期）", view.CorrectsNumbers);
    }

    [Fact]
    public async Task A_stale_save_is_refused_and_keeps_the_newer_text()
    {
        var series = await BulletinTestData.NewSeriesAsync(fx.App);
        var id = await BulletinTestData.NewIssueAsync(fx.App, series, "标题", "正文");
        var service = fx.App.Get<BulletinService>();
        var first = (await service.LoadAsync(id))!.Input;
        var second = (await service.LoadAsync(id))!.Input;
        first.Title = "甲改";
        second.Title = "乙改";

        Assert.Equal(SaveOutcome.Saved, (await service.SaveAsync(TestActors.Admin, first)).Outcome);
        Assert.Equal(SaveOutcome.Conflict, (await service.SaveAsync(TestActors.Admin, second)).Outcome);
        Assert.Equal("甲改", (await service.LoadAsync(id))!.Input.Title);
    }
}
