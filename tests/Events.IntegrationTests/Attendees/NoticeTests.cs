using System.Text.RegularExpressions;
using Events.Core.Attendees;
using Events.Core.Attendees.Fees;
using Events.Core.Attendees.Forms;
using Events.Core.Attendees.Notices;
using Events.Core.Common;
using Events.Core.Mail;
using Events.Infrastructure.Notices;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Attendees;

/// <summary>
/// Staged notices: nothing is mailed before release, each segment gets exactly its recipients (held in the outbox), and
/// invitations carry a signed personal link that pre-fills the registration form and cannot be guessed or edited.
/// </summary>
public sealed partial class NoticeTests : IAsyncLifetime, IDisposable
{
    private const string Symposium = "regional-innovation-symposium-7";
    private readonly EventsAppFactory app = new();
    private int eventId;
    private int otherEventId;
    private int studentId;
    private int delegateId;
    private readonly Dictionary<string, string> emails = [];

    public async Task InitializeAsync()
    {
        _ = app.Server;
        await using (var db = app.CreateDbContext())
        {
            eventId = await db.Events.Where(e => e.Slug == Symposium).Select(e => e.Id).SingleAsync();
            otherEventId = await db.Events.Where(e => e.Slug != Symposium && e.ParentEventId == null).Select(e => e.Id).FirstAsync();
        }
        var names = new[] { "甲", "乙", "丙", "丁", "戊", "己", "庚" };
        var ids = await RegistrantSeed.AddAsync(app, eventId, names.Select(n => new RegistrantSeed.Person(n, "复旦大学")));
        await using (var db = app.CreateDbContext())
        {
            var student = new RegistrationCategory { EventId = eventId, Name = "学生", SortOrder = 1 };
            var regular = new RegistrationCategory { EventId = eventId, Name = "正式代表", SortOrder = 2 };
            db.RegistrationCategories.AddRange(student, regular);
            await db.SaveChangesAsync();
            studentId = student.Id;
            delegateId = regular.Id;
            var regs = await db.Registrations.Where(r => ids.Contains(r.Id)).OrderBy(r => r.Id).ToListAsync();
            // 甲 student active (unpaid, no record); 乙 student pending; 丙 delegate waiting; 丁 delegate cancelled;
            // 戊 delegate active, paid; 己 no category, active, recorded unpaid; 庚 refused.
            (regs[0].CategoryId, regs[0].State) = (student.Id, RegistrationState.Active);
            (regs[1].CategoryId, regs[1].State) = (student.Id, RegistrationState.PendingApproval);
            (regs[2].CategoryId, regs[2].State) = (regular.Id, RegistrationState.Waiting);
            (regs[3].CategoryId, regs[3].State) = (regular.Id, RegistrationState.Cancelled);
            (regs[4].CategoryId, regs[4].State) = (regular.Id, RegistrationState.Active);
            regs[6].State = RegistrationState.Refused;
            db.FeeRecords.Add(new FeeRecord { RegistrationId = regs[4].Id, EventId = eventId, State = PaymentState.Paid, Amount = 800 });
            db.FeeRecords.Add(new FeeRecord { RegistrationId = regs[5].Id, EventId = eventId, State = PaymentState.Unpaid });
            await db.SaveChangesAsync();
            for (var i = 0; i < names.Length; i++) emails[names[i]] = regs[i].Email;
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => app.Dispose();

    private NoticeService Notices => app.Get<NoticeService>();

    private InvitationService Invitations => app.Get<InvitationService>();

    private async Task<int> ReleasedNoticeAsync(int number)
    {
        var saved = await Notices.SaveAsync(TestActors.Admin, eventId, null,
            new EventNoticeInput { Number = number, Title = "关于召开学术研讨会的通知", NoticeDate = new DateOnly(2026, 3, 1), Body = "## 一、会议时间\n\n2026年5月10日。" });
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        Assert.True(await Notices.ReleaseAsync(TestActors.Admin, eventId, saved.Id));
        return saved.Id;
    }

    private async Task<IReadOnlyList<string>> AddressesAsync(NoticeSegment segment, int? category = null) =>
        (await Notices.RecipientsAsync(eventId, segment, category)).Select(r => r.Address).Order(StringComparer.Ordinal).ToList();

    private List<string> Of(params string[] names) => names.Select(n => emails[n]).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Each_segment_gets_exactly_its_recipients()
    {
        Assert.Equal(Of("甲", "乙", "丙", "戊", "己"), await AddressesAsync(NoticeSegment.Registered));
        Assert.Equal(Of("甲", "戊", "己"), await AddressesAsync(NoticeSegment.Approved));
        Assert.Equal(Of("甲", "己"), await AddressesAsync(NoticeSegment.Unpaid));
        Assert.Equal(Of("甲", "乙"), await AddressesAsync(NoticeSegment.Category, studentId));
        Assert.Equal(Of("丙", "戊"), await AddressesAsync(NoticeSegment.Category, delegateId));
        Assert.Empty(await AddressesAsync(NoticeSegment.Category));

        await Invitations.AddAsync(TestActors.Admin, eventId,
        [
            new InviteeInput("王教授", "Wang@Example.test", "北京大学"),
            new InviteeInput("李研究员", "li@example.test"),
            new InviteeInput("已报名的人", emails["甲"]),
        ]);
        var li = (await Invitations.SearchAsync(eventId, new PageRequest(0, 10, "li@"))).Items.Single();
        Assert.True(await Invitations.WithdrawAsync(TestActors.Admin, eventId, li.Id));
        Assert.Equal(["wang@example.test"], await AddressesAsync(NoticeSegment.Invited));

        await using var db = app.CreateDbContext();
        // The seeded speakers have no addresses: give two of them one (the second in upper case, to be counted once with a third).
        var people = await db.EventParticipants.Where(p => p.EventId == eventId || p.Event!.ParentEventId == eventId)
            .Select(p => p.Person!).Distinct().OrderBy(p => p.Id).Take(3).ToListAsync();
        Assert.Equal(3, people.Count);
        people[0].Email = "speaker-a@example.test";
        people[1].Email = "speaker-b@example.test";
        people[2].Email = "SPEAKER-B@example.test";
        await db.SaveChangesAsync();
        Assert.Equal(["speaker-a@example.test", "speaker-b@example.test"],
            (await AddressesAsync(NoticeSegment.Speakers)).Select(a => a.ToLowerInvariant()).Order(StringComparer.Ordinal));
        Assert.Equal(5, await Notices.CountAsync(eventId, NoticeSegment.Registered, null));
    }

    [Fact]
    public async Task Nothing_is_queued_before_release_and_a_released_notice_is_held_for_exactly_the_segment()
    {
        var draft = await Notices.SaveAsync(TestActors.Admin, eventId, null,
            new EventNoticeInput { Number = 1, Title = "第一轮通知", NoticeDate = new DateOnly(2026, 1, 15), Body = "征文通知。" });
        Assert.Equal(SaveOutcome.Saved, draft.Outcome);
        var before = await CountMailAsync();
        Assert.Equal(NoticeSendRefusal.NotReleased, (await Notices.SendAsync(TestActors.Admin, eventId, draft.Id, NoticeSegment.Registered, null)).Refusal);
        Assert.Equal(before, await CountMailAsync());
        Assert.Null(await Notices.ViewAsync(draft.Id, includeDraft: false));
        Assert.NotNull(await Notices.ViewAsync(draft.Id, includeDraft: true));

        var id = await ReleasedNoticeAsync(2);
        Assert.Equal(NoticeSendRefusal.UnknownCategory, (await Notices.SendAsync(TestActors.Admin, eventId, id, NoticeSegment.Category, null)).Refusal);
        var sent = await Notices.SendAsync(TestActors.Admin, eventId, id, NoticeSegment.Category, studentId);
        Assert.Equal(2, sent.Mailing!.Queued);

        await using var db = app.CreateDbContext();
        var mail = await db.OutboxMessages.Include(m => m.Recipients).Where(m => m.RelatedEntity == NoticeService.RelatedEntity(id)).ToListAsync();
        Assert.Equal(Of("甲", "乙"), mail.Select(m => m.Recipients.Single().Address).Order(StringComparer.Ordinal));
        Assert.All(mail, m =>
        {
            Assert.Equal(OutboxState.Held, m.State);
            Assert.Equal(sent.Mailing.BatchId, m.BatchId);
            Assert.Equal(MailTemplateKeys.EventNotice, m.TemplateKey);
            Assert.Contains("第二轮通知", m.Subject, StringComparison.Ordinal);
            Assert.Contains($"/notices/{id}", m.TextBody, StringComparison.Ordinal);
        });
        var listed = (await Notices.ListAsync(eventId)).Single(n => n.Id == id);
        Assert.Equal((2, 2), (listed.Mailed, listed.Held));
    }

    [Fact]
    public async Task The_notice_mail_in_the_outbox_carries_the_notices_pdf_with_its_title_and_the_link()
    {
        var id = await ReleasedNoticeAsync(4);
        var sent = await Notices.SendAsync(TestActors.Admin, eventId, id, NoticeSegment.Approved, null);
        Assert.Equal(3, sent.Mailing!.Queued);

        await using var db = app.CreateDbContext();
        var mail = await db.OutboxMessages.Include(m => m.Attachments).Where(m => m.RelatedEntity == NoticeService.RelatedEntity(id)).ToListAsync();
        Assert.Equal(3, mail.Count);
        var files = app.Get<Events.Infrastructure.Files.FileStore>();
        foreach (var m in mail)
        {
            Assert.Equal(OutboxState.Held, m.State);
            Assert.Contains($"/notices/{id}.pdf", m.TextBody, StringComparison.Ordinal);
            var attachment = Assert.Single(m.Attachments);
            Assert.Equal(("regional-innovation-symposium-7-notice-4.pdf", "application/pdf"), (attachment.FileName, attachment.ContentType));
            Assert.InRange(attachment.Size, 1, NoticeService.MaxAttachmentBytes);
            await using var stream = files.OpenRead(Events.Infrastructure.Mail.Outbox.AttachmentFolder, attachment.StoredName)!;
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.Equal(attachment.Size, copy.Length);
            Pdf.PdfQuality.AssertSound(copy.ToArray());
            Pdf.PdfQuality.AssertContainsText(copy.ToArray(), "第四轮通知", "关于召开学术研讨会的通知", "一、会议时间");
        }
    }

    [Fact]
    public async Task A_released_notices_public_PDF_is_printed_once_not_by_every_anonymous_request()
    {
        // The PDF is public and printed by Chromium: a query string of its own per request (or a flood of them) must not
        // make the server print it again each time, and the staff's prints wait for none of them.
        var id = await ReleasedNoticeAsync(9);
        using var client = app.CreateClient();
        var first = await client.GetByteArrayAsync($"/events/{Symposium}/notices/{id}.pdf");
        var others = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => client.GetByteArrayAsync($"/events/{Symposium}/notices/{id}.pdf?v={Guid.NewGuid():N}")));

        Pdf.PdfQuality.AssertContainsText(first, "第九轮通知", "关于召开学术研讨会的通知");
        Assert.All(others, pdf => Assert.Equal(first, pdf));
    }

    [Fact]
    public async Task Releasing_a_notice_drops_the_cached_event_page_which_then_lists_the_released_ones_with_page_and_pdf_links()
    {
        var client = app.CreateRawClient();
        var draft = await Notices.SaveAsync(TestActors.Admin, eventId, null,
            new EventNoticeInput { Number = 5, Title = "第五轮的草稿标题", NoticeDate = new DateOnly(2026, 4, 2), Body = "草稿。" });
        var before = await client.GetStringAsync($"/events/{Symposium}");
        Assert.DoesNotContain("第五轮的草稿标题", before, StringComparison.Ordinal);
        // Changed behind the cache's back: the cached page still answers until a release drops it.
        await using (var db = app.CreateDbContext())
            await db.Events.Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Description, "缓存之后改过的说明"));
        Assert.Equal(before, await client.GetStringAsync($"/events/{Symposium}"));

        Assert.True(await Notices.ReleaseAsync(TestActors.Admin, eventId, draft.Id));
        var released = await ReleasedNoticeAsync(6);
        var after = await client.GetStringAsync($"/events/{Symposium}");
        Assert.Contains("缓存之后改过的说明", after, StringComparison.Ordinal);
        Assert.Contains("第五轮通知：第五轮的草稿标题", after, StringComparison.Ordinal);
        Assert.Contains("2026年4月2日", after, StringComparison.Ordinal);
        Assert.Contains($"/events/{Symposium}/notices/{draft.Id}\"", after, StringComparison.Ordinal);
        Assert.Contains($"/events/{Symposium}/notices/{released}.pdf\"", after, StringComparison.Ordinal);
        Assert.True(after.IndexOf("第五轮通知", StringComparison.Ordinal) < after.IndexOf("第六轮通知", StringComparison.Ordinal));

        var english = new HttpRequestMessage(HttpMethod.Get, $"/events/{Symposium}");
        english.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var page = await (await client.SendAsync(english)).Content.ReadAsStringAsync();
        Assert.Contains("Fifth notice: 第五轮的草稿标题", page, StringComparison.Ordinal);
        Assert.Contains("April 2, 2026", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Rounds_and_dates_read_in_english_as_words()
    {
        Assert.Equal(("First notice", "Second notice", "Tenth notice", "11th notice", "21st notice", "22nd notice", "23rd notice", "12th notice"),
            (NoticeNumbering.Label(1, true), NoticeNumbering.Label(2, true), NoticeNumbering.Label(10, true), NoticeNumbering.Label(11, true),
             NoticeNumbering.Label(21, true), NoticeNumbering.Label(22, true), NoticeNumbering.Label(23, true), NoticeNumbering.Label(12, true)));
        Assert.Equal(("May 9, 2030", "2030年5月9日"), (NoticeNumbering.Date(new DateOnly(2030, 5, 9), true), NoticeNumbering.Date(new DateOnly(2030, 5, 9), false)));
    }

    [Fact]
    public async Task A_released_notice_does_not_change_and_rounds_are_unique()
    {
        var id = await ReleasedNoticeAsync(3);
        var input = EventNoticeInput.From((await Notices.LoadAsync(eventId, id))!);
        input.Title = "改过的标题";
        Assert.Equal(SaveOutcome.NotFound, (await Notices.SaveAsync(TestActors.Admin, eventId, id, input)).Outcome);
        Assert.False(await Notices.DeleteAsync(TestActors.Admin, eventId, id));
        var again = await Notices.SaveAsync(TestActors.Admin, eventId, null, new EventNoticeInput { Number = 3, Title = "重复", NoticeDate = new DateOnly(2026, 1, 1), Body = "x" });
        Assert.Equal(SaveOutcome.Invalid, again.Outcome);
        Assert.Contains(again.Violations, v => v.Code == "NoticeNumberTaken");
        Assert.Equal("第三轮通知", NoticeNumbering.Label(3, false));
        Assert.Equal("第十二轮通知", NoticeNumbering.Label(12, false));
        Assert.Equal("第二十轮通知", NoticeNumbering.Label(20, false));
    }

    [Fact]
    public async Task An_invitation_link_pre_fills_the_form_and_cannot_be_guessed_edited_or_reused_after_withdrawal()
    {
        var added = await Invitations.AddAsync(TestActors.Admin, eventId,
        [
            new InviteeInput("赵老师", "zhao@example.test", "浙江大学", "教授", "139 1234 5678"),
            new InviteeInput("钱老师", "qian@example.test"),
            new InviteeInput("赵老师", "ZHAO@example.test"),
            new InviteeInput("已报名", emails["戊"]),
        ]);
        Assert.Equal(new InvitationAddResult(2, 1, 1), added);
        var (batch, queued) = await Invitations.SendAsync(TestActors.Admin, eventId);
        Assert.Equal(2, queued);
        Assert.Equal(0, (await Invitations.SendAsync(TestActors.Admin, eventId)).Queued);

        await using var db = app.CreateDbContext();
        var mail = await db.OutboxMessages.Include(m => m.Recipients)
            .Where(m => m.BatchId == batch).ToListAsync();
        Assert.All(mail, m => Assert.Equal(OutboxState.Held, m.State));
        var toZhao = mail.Single(m => m.Recipients.Single().Address == "zhao@example.test");
        var token = Uri.UnescapeDataString(InviteLink().Match(toZhao.TextBody).Groups[1].Value);
        Assert.NotEmpty(token);

        var prefill = await Invitations.PrefillAsync(eventId, token);
        Assert.Equal(new InvitationPrefill("赵老师", "zhao@example.test", "浙江大学", "教授", "13912345678"), prefill);
        var form = new RegistrationInput();
        Assert.True(await Invitations.ApplyAsync(eventId, token, form));
        Assert.Equal(("赵老师", "zhao@example.test", "浙江大学", "13912345678"), (form.Name, form.Email, form.Organization, form.Phone));
        Assert.Equal("浙江大学", form.Answers[ReplyFieldKeys.Employer]);
        Assert.Equal("13912345678", form.Answers[ReplyFieldKeys.Mobile]);

        // Another event, an edited token, a guessed one for the next id, and plain garbage are all refused.
        Assert.Null(await Invitations.PrefillAsync(otherEventId, token));
        var edited = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        Assert.Null(await Invitations.PrefillAsync(eventId, edited));
        var claim = app.Get<global::Events.Core.Security.ISignedCodes>().Parse(token)!;
        var qian = await db.EventInvitations.SingleAsync(i => i.Email == "qian@example.test");
        Assert.NotEqual(claim.SubjectId, qian.Id);
        Assert.Null(await Invitations.PrefillAsync(eventId, "not-a-token"));
        var untouched = new RegistrationInput { Name = "原来的" };
        Assert.False(await Invitations.ApplyAsync(eventId, edited, untouched));
        Assert.Equal("原来的", untouched.Name);

        // The mobile is stored protected, and masked in the organizer's list.
        var stored = await db.EventInvitations.AsNoTracking().SingleAsync(i => i.Email == "zhao@example.test");
        Assert.DoesNotContain("13912345678", stored.Mobile!, StringComparison.Ordinal);
        Assert.Equal("139****5678", (await Invitations.SearchAsync(eventId, new PageRequest(0, 10, "zhao"))).Items.Single().MaskedMobile);

        Assert.True(await Invitations.WithdrawAsync(TestActors.Admin, eventId, stored.Id));
        Assert.Null(await Invitations.PrefillAsync(eventId, token));
    }

    [Fact]
    public async Task An_invitation_letters_code_never_opens_an_invitation_link_of_the_same_id_nor_the_other_way_round()
    {
        // An invitation letter (邀请函) is a certificate whose QR and short code are public (/verify); an invitation link
        // pre-fills the invitee's full mobile. Both sign an id and a version: the purposes must keep them apart.
        await Invitations.AddAsync(TestActors.Admin, eventId, [new InviteeInput("孙老师", "sun-letter@example.test", "南京大学", "教授", "13700001111")]);
        var (batch, _) = await Invitations.SendAsync(TestActors.Admin, eventId);
        await using var db = app.CreateDbContext();
        var invitation = await db.EventInvitations.AsNoTracking().SingleAsync(i => i.Email == "sun-letter@example.test");
        var mail = await db.OutboxMessages.Include(m => m.Recipients).SingleAsync(m => m.BatchId == batch && m.Recipients.Any(r => r.Address == "sun-letter@example.test"));
        var linkToken = Uri.UnescapeDataString(InviteLink().Match(mail.TextBody).Groups[1].Value);
        Assert.NotNull(await Invitations.PrefillAsync(eventId, linkToken));

        // The token a letter with the invitation's id and version carries (printed on paper, shown to anyone at /verify).
        var certificates = app.Get<global::Events.Infrastructure.Certificates.CertificateService>();
        var letterToken = certificates.Token(global::Events.Core.Certificates.CertificateKind.Invitation, invitation.Id, invitation.Version);
        Assert.Null(await Invitations.PrefillAsync(eventId, letterToken));

        // And a letter with the invitation's id: the invitation link does not verify as that letter.
        if (!await db.Certificates.AnyAsync(c => c.Id == invitation.Id))
        {
            db.Certificates.Add(new global::Events.Core.Certificates.Certificate
            {
                Id = invitation.Id, EventId = eventId, Kind = global::Events.Core.Certificates.CertificateKind.Invitation, Culture = "zh-CN", Name = "某某",
                IssuedAt = DateTimeOffset.UtcNow, IssuedByUserId = await db.Users.Select(u => u.Id).FirstAsync(), Version = invitation.Version,
            });
            await db.SaveChangesAsync();
        }
        // The letter's own code is recognized as that letter (whether it is still valid depends on its recipient: a made-up one is
        // "no longer valid"); the invitation link's code is not a letter at all.
        Assert.NotEqual(global::Events.Infrastructure.Certificates.VerificationStatus.Invalid, (await certificates.VerifyAsync(letterToken)).Status);
        Assert.Equal(global::Events.Infrastructure.Certificates.VerificationStatus.Invalid, (await certificates.VerifyAsync(linkToken)).Status);
    }

    [Fact]
    public void Pasted_lines_are_read_with_their_parts_and_bad_lines_named()
    {
        var (people, refused) = InviteeLines.Parse("张三，zhang@example.test，复旦大学，13912345678\nli@example.test\n没有邮箱的人\n王五 wang@example.test");
        Assert.Equal(
        [
            new InviteeInput("张三", "zhang@example.test", "复旦大学", null, "13912345678"),
            new InviteeInput("li", "li@example.test"),
            new InviteeInput("王五", "wang@example.test"),
        ], people);
        Assert.Equal([3], refused);
    }

    private async Task<int> CountMailAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.OutboxMessages.CountAsync();
    }

    [GeneratedRegex(@"register\?invite=([A-Za-z0-9_%\-]+)")]
    private static partial Regex InviteLink();
}
