using Events.Core.Access;
using Events.Core.Attendees;
using Events.Infrastructure.Attendees;
using Events.Infrastructure.Mail;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Attendees;

/// <summary>The registration mails through the outbox to a real SMTP server on 127.0.0.1, read back as received.</summary>
public sealed class RegistrationMailTests : IAsyncLifetime, IDisposable
{
    private const string Symposium = "future-symposium";
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

    private async Task<int> OpenSymposiumAsync()
    {
        // The seeded symposium is over; this one is years ahead, on fixed dates the mail text can be checked against.
        var id = await TestEvents.CreateFutureAsync(app, Symposium, "第七届全国区域创新学术研讨会", startDate: new DateOnly(2030, 7, 29));
        await app.Get<RegistrationSettingsEditor>().SaveAsync(TestActors.Admin, id, new RegistrationSettingsInput { IsOpen = true, Capacity = 2 });
        return id;
    }

    private static RegistrationInput Form(string name, string email) =>
        new() { Name = name, Organization = "四川省科学技术发展战略研究院", Title = "研究员", Email = email };

    [Fact]
    public async Task The_confirmation_arrives_in_Chinese_with_the_attendee_page_and_cancel_links()
    {
        var eventId = await OpenSymposiumAsync();
        var user = await TestUsers.CreateAsync(app, "wangbing@test.local", [Roles.Attendee]);

        var result = await app.Get<RegistrationService>().RegisterAsync(eventId, user.Id, Form("王冰", "wangbing@example.cn"));
        Assert.Equal(RegistrationOutcome.Registered, result.Outcome);
        Assert.Equal(1, await app.Get<OutboxSender>().RunOnceAsync());

        var received = Assert.Single(await server.MessagesAsync());
        Assert.Equal("报名成功：第七届全国区域创新学术研讨会", received.Subject);
        Assert.Equal(("wangbing@example.cn", "王冰"), (received.To.Single().Address, received.To.Single().Name));
        var mime = await server.SourceAsync(received.Id);
        Assert.Contains("王冰，您好", mime.TextBody, StringComparison.Ordinal);
        Assert.Contains("2030年7月29日—30日", mime.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://events.test/events/future-symposium/me?cancel=1", mime.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://events.test/events/future-symposium/me\">", mime.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_attendee_who_chose_English_gets_English_mail_and_a_cancellation_notice_when_an_organizer_cancels()
    {
        var eventId = await OpenSymposiumAsync();
        var user = await TestUsers.CreateAsync(app, "guest@test.local", [Roles.Attendee]);
        await using (var db = app.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, "en"));
        }
        var registration = await app.Get<RegistrationService>().RegisterAsync(eventId, user.Id, Form("Gary Hack", "gary@example.org"));
        Assert.True(await app.Get<RegistrationService>().CancelForAttendeeAsync(TestActors.Admin, eventId, registration.RegistrationId));

        Assert.Equal(2, await app.Get<OutboxSender>().RunOnceAsync());

        var subjects = (await server.MessagesAsync()).Select(m => m.Subject).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Registration cancelled: 第七届全国区域创新学术研讨会", "You are registered: 第七届全国区域创新学术研讨会"], subjects);
    }
}
