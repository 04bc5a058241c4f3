using System.Net;
using System.Text.RegularExpressions;
using Events.Core.Mail;
using Events.Infrastructure.Data;
using Events.Infrastructure.Events;
using Events.Infrastructure.Mail;
using Events.IntegrationTests.Infrastructure;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Events.IntegrationTests;

/// <summary>Mail through the outbox to a real SMTP server on 127.0.0.1, read back as the server received it.</summary>
public sealed partial class MailTests : IAsyncLifetime, IDisposable
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

    private OutboxSender Sender => app.Get<OutboxSender>();

    private async Task<OutboxMessage> QueueStaffMailAsync(string address, string name, string culture = "zh-CN", IReadOnlyList<MailFile>? files = null)
    {
        await using var db = app.CreateDbContext();
        var ev = await db.Events.SingleAsync(e => e.Slug == "regional-innovation-symposium-7");
        var message = await app.Get<Outbox>().EnqueueAsync(db, MailTemplateKeys.StaffAdded, new MailRecipient(address, name, culture),
            new Dictionary<string, string>
            {
                ["name"] = name,
                ["eventTitle"] = ev.Title,
                ["eventDates"] = "2023年7月29日—30日",
                ["eventLink"] = "https://events.test/events/" + ev.Slug,
                ["manageLink"] = $"https://events.test/manage/events/{ev.Id}/edit",
            }, ev.Id, attachments: files);
        await db.SaveChangesAsync();
        return message;
    }

    private async Task<OutboxMessage> ReloadAsync(long id)
    {
        await using var db = app.CreateDbContext();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    [Fact]
    public async Task A_queued_mail_arrives_with_its_Chinese_subject_and_names_both_bodies_and_the_attachment_bytes()
    {
        var pdf = new byte[4096];
        Random.Shared.NextBytes(pdf);
        var queued = await QueueStaffMailAsync("wangbing@example.cn", "王冰", files: [new MailFile("会议议程.pdf", "application/pdf", pdf)]);

        Assert.Equal(1, await Sender.RunOnceAsync());

        var received = Assert.Single(await server.MessagesAsync());
        Assert.Equal("您已被添加为“第七届全国区域创新学术研讨会”的组织人员", received.Subject);
        var to = Assert.Single(received.To);
        Assert.Equal(("wangbing@example.cn", "王冰"), (to.Address, to.Name));

        var mime = await server.SourceAsync(received.Id);
        Assert.Equal(queued.MessageId, mime.MessageId);
        Assert.Equal("会议活动管理", mime.From.Mailboxes.Single().Name);
        Assert.Contains("=?utf-8?", RawHeader(mime, "Subject"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("=?utf-8?", RawHeader(mime, "To"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("王冰，您好", mime.TextBody!, StringComparison.Ordinal);
        Assert.Contains("https://events.test/manage/events/", mime.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://events.test/events/regional-innovation-symposium-7\">", mime.HtmlBody, StringComparison.Ordinal);
        var attachment = Assert.Single(mime.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("会议议程.pdf", attachment.FileName);
        using var bytes = new MemoryStream();
        await attachment.Content!.DecodeToAsync(bytes);
        Assert.Equal(pdf, bytes.ToArray());

        var stored = await ReloadAsync(queued.Id);
        Assert.Equal(OutboxState.Sent, stored.State);
        Assert.Equal(1, stored.Attempts);
    }

    [Fact]
    public async Task The_outbox_notifier_tells_the_events_page_when_mail_is_queued_sent_and_retried_and_nothing_when_a_save_fails()
    {
        var live = app.Get<Events.Infrastructure.LiveUpdates.ILiveUpdates>();
        var told = new System.Collections.Concurrent.ConcurrentQueue<int>();
        using var subscription = live.Subscribe(OutboxLiveUpdates.Topic, told.Enqueue);

        var queued = await QueueStaffMailAsync("zhao@example.cn", "赵敏");
        Assert.Equal([queued.EventId!.Value], told);

        told.Clear();
        Assert.Equal(1, await Sender.RunOnceAsync());
        // Once when claimed (sending), once when marked sent.
        Assert.Equal([queued.EventId.Value, queued.EventId.Value], told);

        // A save that fails (the message's recipient row breaks a constraint) tells no one.
        told.Clear();
        await using (var db = app.CreateDbContext())
        {
            var broken = await app.Get<Outbox>().EnqueueAsync(db, MailTemplateKeys.StaffAdded, new MailRecipient("x@example.cn", "某"),
                new Dictionary<string, string> { ["name"] = "某", ["eventTitle"] = "某", ["eventDates"] = "", ["eventLink"] = "", ["manageLink"] = "" }, queued.EventId);
            broken.EventId = 987654;
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        Assert.Empty(told);

        // Sent mail cannot be cancelled: nothing changed, nothing told.
        Assert.False(await app.Get<OutboxAdmin>().CancelAsync(TestActors.Admin, queued.EventId.Value, queued.Id));
        Assert.Empty(told);
    }

    private static string RawHeader(MimeKit.MimeMessage mime, string name)
    {
        var header = mime.Headers.First(h => h.Field == name);
        return System.Text.Encoding.ASCII.GetString(header.RawValue);
    }

    [Fact]
    public async Task With_the_server_down_mail_stays_pending_with_growing_attempts_and_arrives_exactly_once_when_it_is_back()
    {
        var first = await QueueStaffMailAsync("a@example.cn", "甲");
        var second = await QueueStaffMailAsync("b@example.cn", "乙");
        await server.StopAsync();

        await Sender.RunOnceAsync();
        await Sender.RunOnceAsync();

        foreach (var id in new[] { first.Id, second.Id })
        {
            var m = await ReloadAsync(id);
            Assert.Equal(OutboxState.Pending, m.State);
            Assert.Equal(2, m.Attempts);
            Assert.False(string.IsNullOrEmpty(m.LastError));
        }

        await server.StartAsync();
        await Sender.RunOnceAsync();
        await Sender.RunOnceAsync();

        var received = await server.MessagesAsync();
        Assert.Equal(2, received.Count);
        Assert.Equal(["a@example.cn", "b@example.cn"], received.Select(r => r.To.Single().Address).Order());
        Assert.Equal(OutboxState.Sent, (await ReloadAsync(first.Id)).State);
    }

    [Fact]
    public async Task After_the_last_attempt_a_message_is_failed_and_an_organizer_retry_sends_it()
    {
        var queued = await QueueStaffMailAsync("c@example.cn", "丙");
        await server.StopAsync();
        for (var i = 0; i < 3; i++) await Sender.RunOnceAsync();
        var failed = await ReloadAsync(queued.Id);
        Assert.Equal(OutboxState.Failed, failed.State);
        Assert.Equal(3, failed.Attempts);
        Assert.Equal(0, await Sender.RunOnceAsync());

        await server.StartAsync();
        Assert.True(await app.Get<OutboxAdmin>().RetryAsync(TestActors.Admin, failed.EventId!.Value, failed.Id));
        await Sender.RunOnceAsync();

        Assert.Single(await server.MessagesAsync());
        Assert.Equal(OutboxState.Sent, (await ReloadAsync(queued.Id)).State);
    }

    [Fact]
    public async Task A_crash_between_sending_and_marking_resends_once_with_the_same_Message_ID()
    {
        var queued = await QueueStaffMailAsync("d@example.cn", "丁");
        // What a sender that died after the server accepted the mail leaves behind: a stale claim, and the mail delivered.
        await using (var db = app.CreateDbContext())
        {
            var m = await db.OutboxMessages.Include(x => x.Recipients).Include(x => x.Attachments).SingleAsync(x => x.Id == queued.Id);
            m.State = OutboxState.Sending;
            m.Attempts = 1;
            m.ClaimedAt = DateTimeOffset.UtcNow.AddHours(-1);
            await db.SaveChangesAsync();
            using var smtp = new SmtpClient();
            await smtp.ConnectAsync("127.0.0.1", server.SmtpPort, MailKit.Security.SecureSocketOptions.None);
            await smtp.SendAsync(app.Get<MimeMessageFactory>().Create(m, app.Get<IOptions<MailOptions>>().Value));
            await smtp.DisconnectAsync(true);
        }

        await Sender.RunOnceAsync();
        await Sender.RunOnceAsync();

        var received = await server.MessagesAsync();
        Assert.Equal(2, received.Count);
        var ids = new List<string>();
        foreach (var r in received) ids.Add((await server.SourceAsync(r.Id)).MessageId ?? "");
        Assert.All(ids, id => Assert.Equal(queued.MessageId, id));
        Assert.Equal(OutboxState.Sent, (await ReloadAsync(queued.Id)).State);
    }

    [Fact]
    public async Task A_message_claimed_by_a_live_sender_is_left_alone()
    {
        var queued = await QueueStaffMailAsync("e@example.cn", "戊");
        await using (var db = app.CreateDbContext())
        {
            await db.OutboxMessages.Where(m => m.Id == queued.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, OutboxState.Sending).SetProperty(m => m.ClaimedAt, DateTimeOffset.UtcNow));
        }
        Assert.Equal(0, await Sender.RunOnceAsync());
        Assert.Empty(await server.MessagesAsync());
    }

    [Fact]
    public async Task Two_senders_at_once_deliver_every_message_exactly_once()
    {
        for (var i = 0; i < 20; i++) await QueueStaffMailAsync($"p{i}@example.cn", $"嘉宾{i}");
        var other = new OutboxSender(app.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<EventsDbContext>>(), app.Get<MimeMessageFactory>(),
            app.Get<IOptions<MailOptions>>(), TimeProvider.System, app.Get<Events.Infrastructure.LiveUpdates.ILiveUpdates>(), Microsoft.Extensions.Logging.Abstractions.NullLogger<OutboxSender>.Instance);

        await Task.WhenAll(Sender.RunOnceAsync(), other.RunOnceAsync());
        while (await Sender.RunOnceAsync() > 0) { }

        var received = await server.MessagesAsync();
        Assert.Equal(20, received.Count);
        Assert.Equal(20, received.Select(r => r.To.Single().Address).Distinct().Count());
    }

    [Fact]
    public async Task Bulk_notices_are_held_until_an_organizer_releases_the_batch()
    {
        int eventId;
        await using (var db = app.CreateDbContext())
        {
            eventId = await db.Events.Where(e => e.Slug == "pujiang-forum-2024").Select(e => e.Id).SingleAsync();
            foreach (var p in await db.People.Where(p => p.Name == "刘冬梅" || p.Name == "Gary Hack").ToListAsync())
            {
                p.Email = p.Name == "Gary Hack" ? "gary.hack@example.org" : "liudongmei@example.cn";
            }
            await db.SaveChangesAsync();
        }

        var result = await app.Get<SpeakerNotices>().QueueAsync(TestActors.Admin, eventId, "分论坛的会场已确定，请查看活动页面。");
        Assert.NotNull(result);
        Assert.Equal(2, result.Queued);
        Assert.Equal(5, result.WithoutEmail.Count);

        Assert.Equal(0, await Sender.RunOnceAsync());
        Assert.Empty(await server.MessagesAsync());

        var batch = Assert.Single(await app.Get<OutboxAdmin>().HeldBatchesAsync(eventId));
        Assert.Equal(2, batch.Count);
        Assert.Equal(2, await app.Get<OutboxAdmin>().ReleaseBatchAsync(TestActors.Admin, eventId, batch.BatchId));
        await Sender.RunOnceAsync();

        var received = await server.MessagesAsync();
        Assert.Equal(2, received.Count);
        Assert.Contains(received, r => r.Subject == "A message about 2024浦江创新论坛" && r.To.Single().Name == "Gary Hack");
        Assert.Contains(received, r => r.Subject == "关于“2024浦江创新论坛”的通知" && r.Text!.Contains("分论坛的会场已确定", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Adding_a_staff_member_queues_their_notice_in_the_same_save()
    {
        var user = await TestUsers.CreateAsync(app, "newstaff@example.cn", TestUsers.OrganizerRoles);
        int eventId;
        await using (var db = app.CreateDbContext())
        {
            eventId = await db.Events.Where(e => e.Slug == "regional-innovation-symposium-7").Select(e => e.Id).SingleAsync();
        }

        Assert.Equal(StaffChange.Added, await app.Get<EventStaffEditor>().AddAsync(TestActors.Admin, eventId, "newstaff@example.cn"));
        Assert.Equal(StaffChange.UnknownUser, await app.Get<EventStaffEditor>().AddAsync(TestActors.Admin, eventId, "nobody@example.cn"));

        await using (var db = app.CreateDbContext())
        {
            var mail = await db.OutboxMessages.Include(m => m.Recipients).Where(m => m.TemplateKey == MailTemplateKeys.StaffAdded).ToListAsync();
            Assert.Equal("newstaff@example.cn", Assert.Single(mail).Recipients.Single().Address);
            Assert.True(await db.EventStaff.AnyAsync(s => s.EventId == eventId && s.UserId == user.Id));
        }
    }

    [Fact]
    public async Task An_event_template_override_is_used_and_one_with_an_unknown_placeholder_is_refused()
    {
        var store = app.Get<MailTemplateStore>();
        int eventId;
        await using (var db = app.CreateDbContext())
        {
            eventId = await db.Events.Where(e => e.Slug == "regional-innovation-symposium-7").Select(e => e.Id).SingleAsync();
        }

        var refused = await store.SaveOverrideAsync(TestActors.Admin, eventId, MailTemplateKeys.StaffAdded, "zh-CN", new MailTemplate("欢迎 {{name}}", "请致电 {{speakerPhone}}"), null);
        Assert.Equal(TemplateSaveOutcome.UnknownPlaceholders, refused.Outcome);
        Assert.Equal(["speakerPhone"], refused.Unknown);
        Assert.Null(await store.GetOverrideAsync(eventId, MailTemplateKeys.StaffAdded, "zh-CN"));

        var saved = await store.SaveOverrideAsync(TestActors.Admin, eventId, MailTemplateKeys.StaffAdded, "zh-CN", new MailTemplate("{{eventTitle}}：欢迎加入", "{{name}}，欢迎加入组委会。\n\n{{manageLink}}"), null);
        Assert.Equal(TemplateSaveOutcome.Saved, saved.Outcome);
        var stale = await store.SaveOverrideAsync(TestActors.Admin, eventId, MailTemplateKeys.StaffAdded, "zh-CN", new MailTemplate("x {{name}}", "y"), null);
        Assert.Equal(TemplateSaveOutcome.Conflict, stale.Outcome);

        await QueueStaffMailAsync("f@example.cn", "己");
        await Sender.RunOnceAsync();
        var received = Assert.Single(await server.MessagesAsync());
        Assert.Equal("第七届全国区域创新学术研讨会：欢迎加入", received.Subject);
        Assert.Contains("己，欢迎加入组委会。", received.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forgot_password_mails_an_absolute_link_that_resets_the_password()
    {
        await TestUsers.CreateAsync(app, "reset@example.cn", []);
        var client = app.CreateClient();

        var form = await client.GetStringAsync("/account/forgot-password");
        var post = await client.PostAsync("/account/forgot-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(form),
            ["_handler"] = "forgot",
            ["Form.Email"] = "reset@example.cn",
        }));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("data-testid=\"reset-sent\"", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await Sender.RunOnceAsync();
        var mail = Assert.Single(await server.MessagesAsync());
        Assert.Equal("重置您的登录密码", mail.Subject);
        var link = ResetLink().Match(mail.Text!).Value;
        Assert.StartsWith("https://events.test/account/reset-password?", link, StringComparison.Ordinal);

        var resetPage = await client.GetStringAsync(new Uri(link).PathAndQuery);
        var reset = await client.PostAsync("/account/reset-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(resetPage),
            ["_handler"] = "reset",
            ["Form.Email"] = HiddenValue(resetPage, "Form.Email"),
            ["Form.Code"] = HiddenValue(resetPage, "Form.Code"),
            ["Form.Password"] = "Nieuw#Passw0rd",
        }));
        Assert.Contains("data-testid=\"reset-done\"", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Events.Infrastructure.Identity.AppUser>>();
        var user = await users.FindByEmailAsync("reset@example.cn");
        Assert.True(await users.CheckPasswordAsync(user!, "Nieuw#Passw0rd"));
    }

    [Fact]
    public async Task Forgot_password_for_an_unknown_address_answers_the_same_and_sends_nothing()
    {
        var client = app.CreateClient();
        var form = await client.GetStringAsync("/account/forgot-password");
        var post = await client.PostAsync("/account/forgot-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(form),
            ["_handler"] = "forgot",
            ["Form.Email"] = "nobody@example.cn",
        }));
        Assert.Contains("data-testid=\"reset-sent\"", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await Sender.RunOnceAsync());
    }

    private static string Token(string html) => HiddenValue(html, "__RequestVerificationToken");

    private static string HiddenValue(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"").Groups[1].Value);

    [GeneratedRegex(@"https://events\.test/account/reset-password\?\S+")]
    private static partial Regex ResetLink();
}
