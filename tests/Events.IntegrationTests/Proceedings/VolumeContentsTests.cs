using Events.Core.Proceedings;
using Events.Infrastructure.Proceedings;
using Events.IntegrationTests.Infrastructure;
using Events.IntegrationTests.Pdf;

namespace Events.IntegrationTests.Proceedings;

/// <summary>What the database gives the volume: accepted papers only, grouped by their program sessions, with the organizer's order.</summary>
[Collection(PdfCollection.Name)]
public sealed class VolumeContentsTests(PdfAppFixture fx)
{
    [Fact]
    public async Task Papers_grouped_by_session_follow_session_times_and_item_order_and_the_manual_order_inside_a_session()
    {
        var data = await VolumeTestData.CreateAsync(fx.App, grouping: PaperGrouping.Session);
        var p = data.Accepted;
        await VolumeTestData.PlaceInSessionsAsync(fx.App, data.EventId,
        [
            (p[0].SubmissionId, "下午：数字经济", 6, 2),
            (p[1].SubmissionId, "上午：区域创新", 1, 2),
            (p[2].SubmissionId, "上午：区域创新", 1, 1),
        ]);
        var volumes = fx.App.Get<ProceedingsService>();

        var sections = await volumes.ArrangedPapersAsync(data.EventId, "其他论文");

        Assert.Equal(["上午：区域创新", "下午：数字经济", "其他论文"], sections.Select(s => s.Heading));
        Assert.Equal([p[2].SubmissionId, p[1].SubmissionId, p[0].SubmissionId, p[3].SubmissionId], sections.SelectMany(s => s.Papers).Select(x => x.SubmissionId));
        Assert.DoesNotContain(sections.SelectMany(s => s.Papers), x => x.Title == data.RejectedTitle);

        var stamp = (await volumes.GetAsync(data.EventId))!.ConcurrencyStamp;
        Assert.Equal(Core.Common.SaveOutcome.Saved, (await volumes.SaveOrderAsync(TestActors.Admin, data.EventId, PaperOrdering.Move(sections, p[1].SubmissionId, -1), stamp)).Outcome);
        var moved = await volumes.ArrangedPapersAsync(data.EventId, "其他论文");
        Assert.Equal([p[1].SubmissionId, p[2].SubmissionId], moved[0].Papers.Select(x => x.SubmissionId));
    }
}
