using System.Diagnostics;
using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.Attendees.Forms;
using Events.Core.Events;
using Events.Infrastructure.Attendees;
using Events.Infrastructure.Data;
using Events.Infrastructure.LiveUpdates;
using Events.Infrastructure.Mail;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Events.E2E;

/// <summary>
/// Issue 16's journey: a 回执 with a conditional field, a refused mobile that keeps the rest of the form, a category that
/// needs approval, the organizer's approval and the mail that tells the registrant.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReplyFormJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_registrant_fills_a_conditional_reply_form_picks_an_approval_category_and_gets_the_approval_mail()
    {
        await using var mail = new MailServer();
        await mail.StartAsync();
        var (eventId, slug, title) = await SeedAsync();
        var email = $"reply-{Guid.NewGuid():N}@e2e.local";
        await app.CreateUserAsync(email, "Registrant#2026", "欧阳明月");

        var page = await app.NewPageAsync();
        await page.SignInAsync(email, "Registrant#2026", $"/events/{slug}/register");
        await Assertions.Expect(page.GetByTestId("category-approval")).ToBeVisibleAsync();
        await page.Field("reg-organization").FillAsync("中国科学院高能物理研究所");
        await page.Field("reg-title").FillAsync("研究员");
        await page.Field("answer-employer").FillAsync("加速器中心");
        await page.Field("answer-mobile").FillAsync("1381234567");

        // The hotel is asked, and required, only once lodging is wanted.
        await Assertions.Expect(page.GetByTestId("reply-hotel_name")).ToHaveCountAsync(0);
        // Clicked rather than checked: the radio is the server's, and turns checked only when its answer comes back.
        await page.Field("answer-lodging-true").ClickAsync(new() { Force = true });
        await Assertions.Expect(page.Field("answer-lodging-true")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByTestId("reply-hotel_name")).ToHaveAttributeAsync("data-required", "true");
        // As a registrant does: a click on the category's name, which the radio's label holds.
        await page.Locator(".reg-category-name", new() { HasText = "特邀嘉宾" }).ClickAsync();
        var guest = page.Locator("input[data-testid=category-radio], [data-testid=category-radio] input").Nth(1);
        await Assertions.Expect(guest).ToBeCheckedAsync();
        await page.GetByTestId("reg-submit").ClickAsync();

        // Refused: the mobile and the missing hotel say why, and everything typed is still there.
        await Assertions.Expect(page.GetByTestId("error-mobile")).ToContainTextAsync("手机号码格式不正确");
        await Assertions.Expect(page.GetByTestId("error-hotel_name")).ToContainTextAsync("必填");
        await Assertions.Expect(page.Field("reg-organization")).ToHaveValueAsync("中国科学院高能物理研究所");
        await Assertions.Expect(page.Field("answer-employer")).ToHaveValueAsync("加速器中心");
        await Assertions.Expect(page.Field("answer-mobile")).ToHaveValueAsync("1381234567");
        await Assertions.Expect(page.Field("answer-lodging-true")).ToBeCheckedAsync();

        await page.Field("answer-mobile").FillAsync("13812345678");
        await page.Field("answer-hotel_name").FillAsync("友谊宾馆");
        await page.Locator("h1").ClickAsync();
        await page.GetByTestId("reg-submit").ClickAsync();
        await page.WaitForURLAsync($"**/events/{slug}/me?registered=1");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("my-state")).ToHaveAttributeAsync("data-state", nameof(RegistrationState.PendingApproval));
        await Assertions.Expect(page.GetByTestId("registered-alert")).ToContainTextAsync("等待会务组审核");

        // The organizer approves from the list.
        var organizer = await app.NewPageAsync();
        await organizer.SignInAsOrganizerAsync($"/manage/events/{eventId}/registrations");
        await organizer.GetByTestId("approve-attendee").ClickAsync();
        await Assertions.Expect(organizer.GetByTestId("approve-attendee")).ToHaveCountAsync(0);

        // The approval mail goes out through the outbox to a real SMTP server.
        var received = await DeliverAsync(mail, eventId, email);
        Assert.Contains(title, received.Subject + received.Text);

        await page.GotoInteractiveAsync($"/events/{slug}/me");
        await Assertions.Expect(page.GetByTestId("my-state")).ToHaveAttributeAsync("data-state", nameof(RegistrationState.Active));
    }

    /// <summary>A future event open for registration with two categories (the second needs approval) and a 回执 whose hotel depends on lodging.</summary>
    private async Task<(int Id, string Slug, string Title)> SeedAsync()
    {
        var slug = $"reply-{Guid.NewGuid().ToString("N")[..8]}";
        var title = "第七届全国加速器物理学术交流会";
        var first = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        var ev = new Event { Title = title, Slug = slug, StartDate = first, EndDate = first.AddDays(2), Status = EventStatus.Published };
        db.Events.Add(ev);
        await db.SaveChangesAsync();
        db.EventStaff.Add(new EventStaff { EventId = ev.Id, UserId = db.Users.Single(u => u.Email == BrowserApp.OrganizerEmail).Id });
        db.RegistrationSettings.Add(new RegistrationSettings { EventId = ev.Id, IsOpen = true, Capacity = 100 });
        await db.SaveChangesAsync();

        var admin = new Actor("seed", IsAdministrator: true, IsOrganizer: true);
        var categories = scope.ServiceProvider.GetRequiredService<RegistrationCategoryEditor>();
        await categories.SaveAsync(admin, ev.Id, new RegistrationCategoryInput { Name = "正式代表", NameEn = "Delegate", Fee = 1200m });
        await categories.SaveAsync(admin, ev.Id, new RegistrationCategoryInput { Name = "特邀嘉宾", NameEn = "Invited guest", RequiresApproval = true });
        var form = new ReplyFormDefinition
        {
            Fields =
            [
                new ReplyField { Key = "employer", Type = ReplyFieldType.Text, Label = "部门", LabelEn = "Department" },
                new ReplyField { Key = "mobile", Type = ReplyFieldType.Text, Label = "手机", LabelEn = "Mobile", Required = true, Format = ReplyFieldFormat.MainlandMobile },
                new ReplyField { Key = "lodging", Type = ReplyFieldType.YesNo, Label = "需要住宿", LabelEn = "Accommodation wanted" },
                new ReplyField
                {
                    Key = "hotel_name", Type = ReplyFieldType.Text, Label = "酒店", LabelEn = "Hotel",
                    ShowWhen = new ReplyCondition { FieldKey = "lodging", Values = ["true"] },
                    RequireWhen = new ReplyCondition { FieldKey = "lodging", Values = ["true"] },
                },
            ],
        };
        var editor = scope.ServiceProvider.GetRequiredService<ReplyFormEditor>();
        var saved = await editor.SaveAsync(admin, ev.Id, form, (await editor.LoadAsync(ev.Id)).ConcurrencyStamp);
        Assert.True(saved.Outcome == Events.Core.Common.SaveOutcome.Saved, string.Join(", ", saved.Violations.Select(e => e.Field + ":" + e.Code)));
        return (ev.Id, slug, title);
    }

    /// <summary>
    /// Sends the registrant's waiting mail with the app's own outbox sender, pointed at maildev (the test host has no
    /// SMTP server of its own, so its background sender only postpones them), and returns the message maildev received.
    /// </summary>
    private async Task<ReceivedMail> DeliverAsync(MailServer mail, int eventId, string email)
    {
        var services = app.Services;
        var factory = services.GetRequiredService<IDbContextFactory<EventsDbContext>>();
        var sender = new OutboxSender(factory, services.GetRequiredService<MimeMessageFactory>(),
            Options.Create(new MailOptions { Smtp = new SmtpOptions { Host = "127.0.0.1", Port = mail.SmtpPort }, SendInBackground = false }),
            TimeProvider.System, services.GetRequiredService<ILiveUpdates>(), NullLogger<OutboxSender>.Instance);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await using (var db = await factory.CreateDbContextAsync())
            {
                // Due now, whatever the background sender's failed attempt against its missing server postponed.
                await db.OutboxMessages.Where(m => m.EventId == eventId && m.State != Events.Core.Mail.OutboxState.Sent)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, Events.Core.Mail.OutboxState.Pending)
                        .SetProperty(m => m.NextAttemptAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
            }
            await sender.RunOnceAsync();
            var approved = (await mail.MessagesAsync()).Where(m => m.To.Any(t => t.Address == email)).ToList();
            // Two mails: 等待审核 on registering, then 审核通过.
            if (approved.FirstOrDefault(m => m.Subject.Contains("审核通过", StringComparison.Ordinal)) is { } found) return found;
            await Task.Delay(200);
        }
        throw new TimeoutException("The approval mail did not reach maildev.");
    }
}
