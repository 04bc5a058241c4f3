using System.Globalization;
using Events.Core.Common;
using Events.Core.Program;
using Events.Infrastructure.Program;
using Events.IntegrationTests.Infrastructure;
using Events.Web.Components.Pages.Program;
using Events.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Events.IntegrationTests.Program;

/// <summary>
/// Publishing tells the organizer how many notices it queued and who got none for want of an address, instead of
/// saying everyone affected will be told.
/// </summary>
public sealed class PublishNoticeTests : IDisposable
{
    private readonly EventsAppFactory app = new();

    public PublishNoticeTests() => _ = app.Server;

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task The_toast_counts_the_queued_notices_and_names_the_people_without_an_email_address_in_both_languages()
    {
        int root;
        await using (var db = app.CreateDbContext())
        {
            root = await db.Events.Where(e => e.Slug == "regional-innovation-symposium-7").Select(e => e.Id).SingleAsync();
            foreach (var p in await db.People.ToListAsync()) p.Email = p.Name == "田云辉" ? "tianyunhui@example.cn" : null;
            await db.SaveChangesAsync();
        }
        var program = app.Get<ProgramService>();
        var view = (await program.TimetableAsync(root, root, new DateOnly(2023, 7, 29)))!;
        var opening = (await program.LoadSessionAsync(view.Sessions.First(s => s.Kind == SessionKind.Opening).Id))!;
        opening.Title = "开幕式（调整）";
        opening.Items[0].Title = "四川省科学技术厅致辞";
        // 陈光 joins the opening too, and has no email address.
        var chen = await PersonIdAsync("陈光");
        opening.Items[0].Participants.Add(new ParticipantInput { PersonId = chen, Role = ItemRole.Speaker });
        Assert.Equal(SaveOutcome.Saved, (await program.SaveSessionAsync(TestActors.Admin, root, opening)).Outcome);

        var result = await app.Get<ProgramPublisher>().PublishAsync(TestActors.Admin, root, null, acknowledgeConflicts: true);

        Assert.Equal(1, result.MailsQueued);
        Assert.Contains("陈光", result.WithoutEmail);
        Assert.DoesNotContain("田云辉", result.WithoutEmail);
        Assert.Equal(result.PeopleToNotify, result.MailsQueued + result.WithoutEmail.Count);

        var chinese = Message(result, "zh-CN");
        Assert.Equal(
            $"已发布第 2 版。{result.PeopleToNotify} 位嘉宾的安排有变动：1 封通知邮件已在发件箱等待审核；{result.WithoutEmail.Count} 位没有邮箱地址：{string.Join("、", result.WithoutEmail)}。",
            chinese);
        var english = Message(result, "en");
        Assert.Equal(
            $"Version 2 published. People affected: {result.PeopleToNotify}. Notices waiting for review in the outbox: 1. Without an email address, so not notified: {result.WithoutEmail.Count} ({string.Join(", ", result.WithoutEmail)}).",
            english);
    }

    private async Task<int> PersonIdAsync(string name)
    {
        await using var db = app.CreateDbContext();
        return await db.People.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
    }

    [Fact]
    public void Without_changed_slots_the_toast_only_names_the_version()
    {
        Assert.Equal("已发布第 3 版。", Message(new PublishResult(PublishOutcome.Published, 3), "zh-CN"));
    }

    private string Message(PublishResult result, string culture)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return PublishMessage.For(app.Get<IStringLocalizer<SharedResource>>(), result);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
