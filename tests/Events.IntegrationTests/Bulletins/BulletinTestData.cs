using Events.Core.Bulletins;
using Events.Core.Common;
using Events.Infrastructure.Bulletins;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Bulletins;

/// <summary>Series and issues made through the real services, each test with its own series so numbers never collide.</summary>
public static class BulletinTestData
{
    public static async Task<int> NewSeriesAsync(EventsAppFactory app, int counterYear = 2025, int nextInYear = 1, int nextCumulative = 1, BulletinHouseStyle? style = null)
    {
        var input = new BulletinSeriesInput
        {
            Style = style ?? BulletinHouseStyle.Classic(),
            Name = $"测试简报{Guid.NewGuid():N}"[..20],
            Publisher = "测试编印单位",
            CounterYear = counterYear,
            NextNumberInYear = nextInYear,
            NextCumulativeNumber = nextCumulative,
            Director = "编委会主任甲",
            Deputies = "副主任乙、副主任丙",
            EditorInChief = "主编丁",
            Phone = "021-00000000",
            Address = "上海市某路1号",
            Postcode = "200000",
        };
        var result = await app.Get<BulletinService>().SaveSeriesAsync(TestActors.Admin, input);
        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        return result.Id;
    }

    public static async Task<int> NewIssueAsync(EventsAppFactory app, int seriesId, string title, string body, DateOnly? date = null, string? mailTo = null)
    {
        var result = await app.Get<BulletinService>().CreateAsync(TestActors.Admin, new BulletinInput
        {
            SeriesId = seriesId,
            IssueDate = date ?? new DateOnly(2025, 3, 1),
            Title = title,
            EditorsNote = "编者按测试文字。",
            RunLabel = "测试专报之一",
            Body = body,
            CompiledBy = "整理人甲、整理人乙",
            Editor = "编辑丙",
            ManagingEditor = "责任编辑丁",
            SentTo = "有关部门",
            CopiedTo = "有关单位",
            MailTo = mailTo,
            Authors = [new BulletinAuthorInput { Name = "作者甲", Note = "某研究院研究员" }],
        });
        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        return result.Id;
    }

    /// <summary>Submits a draft for review and publishes it, the way an organizer would.</summary>
    public static async Task<BulletinPublishResult> PublishAsync(EventsAppFactory app, int id)
    {
        var service = app.Get<BulletinService>();
        var loaded = await service.LoadAsync(id) ?? throw new InvalidOperationException("no such issue");
        if (loaded.Status == BulletinStatus.Draft)
        {
            Assert.Equal(SaveOutcome.Saved, (await service.MoveAsync(TestActors.Admin, id, BulletinStatus.InReview, loaded.Input.ConcurrencyStamp)).Outcome);
            loaded = await service.LoadAsync(id) ?? throw new InvalidOperationException("no such issue");
        }
        return await app.Get<BulletinPublisher>().PublishAsync(TestActors.Admin, id, loaded.Input.ConcurrencyStamp, "test");
    }

    public static async Task<int> SeededIssueIdAsync(EventsAppFactory app)
    {
        await using var db = app.CreateDbContext();
        return await db.Bulletins.Where(b => b.Series!.Name == "浦江创新观察" && b.CumulativeNumber == 13).Select(b => b.Id).SingleAsync();
    }

    /// <summary>A body long enough for several pages: numbered sections of paragraphs with bold names and a list.</summary>
    public static string LongBody(int sections, int paragraphs)
    {
        var text = new System.Text.StringBuilder();
        for (var s = 1; s <= sections; s++)
        {
            text.Append("## 第").Append(s).AppendLine("部分：区域科技创新中心的建设路径").AppendLine();
            for (var p = 1; p <= paragraphs; p++)
            {
                text.Append("**刘冬梅**认为，区域科技创新中心应当依托本地产业基础，聚焦关键领域，推动科研机构、高等院校和企业之间形成稳定的合作关系，")
                    .Append("在人才培养、成果转化和开放合作方面持续发力，第").Append(s).Append('-').Append(p).AppendLine("段。").AppendLine();
            }
            text.AppendLine("1. 统筹创新资源；").AppendLine("2. 完善协同机制；").AppendLine("3. 优化创新生态。").AppendLine();
        }
        return text.ToString();
    }
}
