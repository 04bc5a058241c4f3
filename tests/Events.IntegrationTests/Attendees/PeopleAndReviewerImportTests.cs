using Events.Core.Attendees.Imports;
using Events.Core.Organizations;
using Events.Core.People;
using Events.Core.Reviews;
using Events.Infrastructure.Imports;
using Events.Infrastructure.Reviews;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Attendees;

/// <summary>
/// The registrant import, pointed at the people list and at an event's reviewers: the same reading of office sheets,
/// column guessing limited to what the target takes, duplicates by mobile or email against the sheet and the target,
/// nothing written before confirmation, then exactly the good rows (reviewers invited through the outbox).
/// </summary>
public sealed class PeopleAndReviewerImportTests(EventsAppFactory app) : IClassFixture<EventsAppFactory>
{
    private RegistrantImportService Import => app.Get<RegistrantImportService>();

    [Fact]
    public async Task A_people_sheet_previews_without_writing_then_adds_the_good_rows_with_their_units()
    {
        await using (var db = app.CreateDbContext())
        {
            db.Organizations.Add(new Organization { Name = "导入测试交通大学" });
            db.People.Add(new Person { Name = "已在库中", Email = "known@people-import.test" });
            await db.SaveChangesAsync();
        }
        var sheet = TestSheets.Write("2026年专家库补充名单", ["序号", "姓 名", "工作单位", "职务/职称", "手机号码", "电子邮箱", "分组"],
        [
            [1.0, "张 导入", "导入测试交通大学", "教授", "１３９０００１１１１１", "zhang@people-import.test", "第一组"],
            [2.0, "李导入", "导入测试新研究院", "研究员", null, null, null],
            [3.0, "", "导入测试交通大学", "", null, "noname@people-import.test", null],
            [4.0, "王导入", "", "", null, "ZHANG@people-import.test", null],
            [5.0, "赵导入", "", "", null, "known@people-import.test", null],
        ]);
        var before = await DatabaseFingerprint.TakeAsync(app);

        var preview = Assert.IsType<ImportPreview>((await Import.PreviewAsync(ImportTarget.People, 0, new MemoryStream(sheet), sheet.Length)).Preview);

        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(app));
        // 分组 is not something a person has: the column is not mapped.
        Assert.Equal([ImportField.Ignore, ImportField.Name, ImportField.Organization, ImportField.Title, ImportField.Mobile, ImportField.Email, ImportField.Ignore], preview.Mapping);
        Assert.Empty(preview.MissingFields);
        Assert.Equal(2, preview.ValidCount);
        Assert.Equal([ImportProblem.NameMissing], preview.Refused.Single(r => r.RowNumber == 5).Problems);
        Assert.Equal(3, preview.Refused.Single(r => r.RowNumber == 6).DuplicateOf);
        Assert.Equal([ImportProblem.AlreadyInPeople], preview.Refused.Single(r => r.RowNumber == 7).Problems);

        var outcome = await Import.ConfirmAsync(TestActors.Admin, preview);

        Assert.Equal(2, outcome.Written);
        Assert.Equal([5, 6, 7], outcome.Refused.Select(r => r.RowNumber));
        await using var check = app.CreateDbContext();
        var zhang = await check.People.Include(p => p.Positions).ThenInclude(x => x.Organization).SingleAsync(p => p.Name == "张导入");
        Assert.Equal(("13900011111", "zhang@people-import.test"), (zhang.Phone, zhang.Email));
        Assert.Equal("导入测试交通大学教授", zhang.DisplayTitle);
        Assert.Equal(1, await check.Organizations.CountAsync(o => o.Name == "导入测试交通大学"));
        var li = await check.People.Include(p => p.Positions).ThenInclude(x => x.Organization).SingleAsync(p => p.Name == "李导入");
        Assert.Equal("导入测试新研究院", li.Positions.Single().Organization!.Name);
        Assert.False(await check.People.AnyAsync(p => p.Name == "王导入" || p.Name == "赵导入"));
    }

    [Fact]
    public async Task A_reviewer_sheet_invites_the_good_rows_by_mail_only_after_confirmation()
    {
        await using var db = app.CreateDbContext();
        var eventId = await db.Events.Where(e => e.Slug == "regional-innovation-symposium-7").Select(e => e.Id).SingleAsync();
        await app.Get<ReviewerService>().InviteAsync(TestActors.Admin, eventId, new ReviewerInvite { Name = "已邀请", Email = "invited@reviewer-import.test" });
        var sheet = TestSheets.Write(null, ["姓名", "单位", "手机", "邮箱"],
        [
            ["审稿甲", "某大学", "13900022222", "jia@reviewer-import.test"],
            ["审稿乙", null, null, "yi@reviewer-import.test"],
            ["审稿丙", "某大学", null, null],
            ["审稿丁", "某大学", null, "INVITED@reviewer-import.test"],
        ]);
        var before = await DatabaseFingerprint.TakeAsync(app);

        var preview = (await Import.PreviewAsync(ImportTarget.Reviewers, eventId, new MemoryStream(sheet), sheet.Length)).Preview!;

        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(app));
        Assert.Equal([ImportField.Name, ImportField.Organization, ImportField.Ignore, ImportField.Email], preview.Mapping);
        Assert.Equal(2, preview.ValidCount);
        Assert.Equal([ImportProblem.EmailMissing], preview.Refused.Single(r => r.Name == "审稿丙").Problems);
        Assert.Equal([ImportProblem.AlreadyReviewer], preview.Refused.Single(r => r.Name == "审稿丁").Problems);

        var outcome = await Import.ConfirmAsync(TestActors.Admin, preview);

        Assert.Equal(2, outcome.Written);
        await using var check = app.CreateDbContext();
        var added = await check.Reviewers.Where(r => r.EventId == eventId && r.Email.EndsWith("@reviewer-import.test") && r.Name != "已邀请")
            .OrderBy(r => r.Email).ToListAsync();
        Assert.Equal(["jia@reviewer-import.test", "yi@reviewer-import.test"], added.Select(r => r.Email));
        Assert.All(added, r => Assert.Equal(ReviewerState.Invited, r.State));
        Assert.Equal("某大学", added[0].Affiliation);
        var mailed = await check.OutboxMessages.Where(m => m.EventId == eventId).SelectMany(m => m.Recipients).Select(r => r.Address)
            .Where(e => e.EndsWith("@reviewer-import.test")).ToListAsync();
        Assert.Equal(["invited@reviewer-import.test", "jia@reviewer-import.test", "yi@reviewer-import.test"], mailed.Order());
    }
}
