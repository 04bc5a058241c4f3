using Events.Core.Mail;
using Events.Core.Papers;
using Events.Infrastructure.Mail;
using Events.Infrastructure.Papers;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Papers;

/// <summary>The receipt goes through the outbox to every author with an email, and arrives at a real SMTP server.</summary>
public sealed class SubmissionReceiptMailTests : IAsyncLifetime, IDisposable
{
    private readonly MailServer server = new();
    private MailAppFactory app = default!;

    public async Task InitializeAsync()
    {
        await server.StartAsync();
        app = new MailAppFactory(server);
        _ = app.Server;
    }

    public async Task DisposeAsync()
    {
        app.Dispose();
        await server.DisposeAsync();
    }

    public void Dispose() => app?.Dispose();

    [Fact]
    public async Task Every_author_with_an_email_receives_a_receipt_naming_the_number_and_title_and_one_without_email_is_skipped()
    {
        var (eventId, slug) = await PaperTestKit.CreateCallAsync(app);
        var submitter = await TestUsers.CreateAsync(app, "wangbing@example.cn", []);
        var input = PaperTestKit.Input(await PaperTestKit.TopicAsync(app, eventId),
            new AuthorInput { Name = "王冰", Affiliation = "四川大学", Email = "wangbing@example.cn", IsCorresponding = true, IsPresenter = true },
            new AuthorInput { Name = "李梅", Affiliation = "电子科技大学", Email = "limei@example.cn" },
            new AuthorInput { Name = "Anna Schmidt", Affiliation = "TU Berlin", Email = "anna@example.de" },
            new AuthorInput { Name = "张无邮", Affiliation = "西南交通大学" });
        await PaperTestKit.SubmitAsync(app, slug, submitter.Id, input);

        Assert.Equal(3, await app.Get<OutboxSender>().RunOnceAsync());

        var received = await server.MessagesAsync();
        Assert.Equal(["anna@example.de", "limei@example.cn", "wangbing@example.cn"], received.Select(m => m.To.Single().Address).Order(StringComparer.Ordinal));
        var chinese = received.Single(m => m.To.Single().Address == "limei@example.cn");
        Assert.Equal("“论文测试研讨会”已收到您的投稿（第1号）", chinese.Subject);
        Assert.Equal("李梅", chinese.To.Single().Name);
        var mime = await server.SourceAsync(chinese.Id);
        Assert.Contains("成渝地区双城经济圈协同创新的路径研究", mime.TextBody, StringComparison.Ordinal);
        Assert.Contains("王冰、李梅、Anna Schmidt、张无邮", mime.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://events.test/papers", mime.TextBody, StringComparison.Ordinal);
        var english = received.Single(m => m.To.Single().Address == "anna@example.de");
        Assert.Equal("Your paper was received by 论文测试研讨会 (No. 1)", english.Subject);

        await using var db = app.CreateDbContext();
        Assert.All(await db.OutboxMessages.Where(m => m.TemplateKey == MailTemplateKeys.SubmissionReceived).ToListAsync(),
            m => Assert.Equal((OutboxState.Sent, eventId), (m.State, m.EventId!.Value)));
    }

    [Fact]
    public async Task Editing_a_submission_sends_no_second_receipt()
    {
        var (_, slug) = await PaperTestKit.CreateCallAsync(app);
        var author = await TestUsers.CreateAsync(app, $"a-{Guid.NewGuid():N}@test.local", []);
        var id = await PaperTestKit.SubmitAsync(app, slug, author.Id);
        var service = app.Get<SubmissionService>();
        var (input, _) = (await service.LoadForEditAsync(id, author.Id))!.Value;
        input.Title = "改过的题目";
        await service.UpdateAsync(input, author.Id);

        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.TemplateKey == MailTemplateKeys.SubmissionReceived && m.RelatedEntity!.StartsWith("Submission:")));
    }
}
