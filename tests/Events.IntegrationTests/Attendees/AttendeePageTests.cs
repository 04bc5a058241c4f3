using System.Net;
using Events.Core.Access;
using Events.Core.Attendees;
using Events.Infrastructure.Attendees;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Attendees;

/// <summary>The attendee pages as the server first renders them.</summary>
public sealed class AttendeePageTests : IDisposable
{
    private const string Symposium = "regional-innovation-symposium-7";

    /// <summary>An event weeks ahead, for the registration page (the seeded events are over and take no registrations).</summary>
    private const string Future = "future-symposium";
    private readonly EventsAppFactory app = new();

    public AttendeePageTests() => _ = app.Server;

    public void Dispose() => app.Dispose();

    private async Task<string> HtmlAsync(TestUser user, string url)
    {
        using var response = await app.CreateRawClient().SendAsync(user.Get(url));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private async Task<int> OpenAsync(int? capacity, string slug = Symposium)
    {
        await using var db = app.CreateDbContext();
        var id = await db.Events.Where(e => e.Slug == slug).Select(e => (int?)e.Id).SingleOrDefaultAsync()
            ?? await TestEvents.CreateFutureAsync(app, slug, "第八届全国区域创新学术研讨会");
        var view = (await app.Get<RegistrationSettingsEditor>().LoadAsync(id))!;
        view.Input.IsOpen = true;
        view.Input.Capacity = capacity;
        await app.Get<RegistrationSettingsEditor>().SaveAsync(TestActors.Admin, id, view.Input);
        return id;
    }

    [Fact]
    public async Task The_attendee_page_shows_the_registration_the_program_and_the_program_downloads()
    {
        var eventId = await OpenAsync(capacity: null);
        var user = await TestUsers.CreateAsync(app, "me@test.local", [Roles.Attendee]);
        await TestEvents.AddRegistrationAsync(app, eventId, user.Id, "王冰", "四川省科学技术发展战略研究院", "研究员", "wangbing@example.cn");

        var html = await HtmlAsync(user, $"/events/{Symposium}/me?registered=1");

        Assert.Contains("我的活动", html, StringComparison.Ordinal);
        Assert.Contains("报名成功！确认邮件将发送至 wangbing@example.cn。", html, StringComparison.Ordinal);
        Assert.Contains("四川省科学技术发展战略研究院", html, StringComparison.Ordinal);
        Assert.Contains("开幕式", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/events/{Symposium}/schedule.ics\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/events/{Symposium}/program.xlsx\"", html, StringComparison.Ordinal);
        Assert.Contains("您还没有收藏场次", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_the_attendee_and_program_pages_makes_no_feed_token_and_once_made_the_feed_is_listed()
    {
        var eventId = await OpenAsync(capacity: null);
        var user = await TestUsers.CreateAsync(app, "reader@test.local", [Roles.Attendee]);
        await TestEvents.AddRegistrationAsync(app, eventId, user.Id, "王冰", "某单位", "研究员", "wangbing@example.cn");

        var before = await HtmlAsync(user, $"/events/{Symposium}/me");
        await HtmlAsync(user, $"/events/{Symposium}/program");

        await using (var db = app.CreateDbContext())
        {
            Assert.Null(await db.Users.Where(u => u.Id == user.Id).Select(u => u.AgendaFeedToken).SingleAsync());
        }
        Assert.DoesNotMatch($"/events/{Symposium}/agenda/[0-9a-f]{{48}}\\.ics", before);

        var token = await app.Get<Events.Infrastructure.Program.AgendaService>().FeedTokenAsync(user.Id);

        Assert.Contains($"href=\"/events/{Symposium}/agenda/{token}.ics\"", await HtmlAsync(user, $"/events/{Symposium}/me"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_mail_cancel_link_opens_the_confirmation_and_cancels_nothing_by_itself()
    {
        var eventId = await OpenAsync(capacity: 5, Future);
        var user = await TestUsers.CreateAsync(app, "me@test.local", [Roles.Attendee]);
        await TestEvents.AddRegistrationAsync(app, eventId, user.Id, "王冰", "某单位", "研究员", "wangbing@example.cn");

        var html = await HtmlAsync(user, $"/events/{Future}/me?cancel=1");

        Assert.Contains("data-testid=\"cancel-confirm\"", html, StringComparison.Ordinal);
        Assert.True(await app.Get<RegistrationStatus>().IsRegisteredAsync(eventId, user.Id));
    }

    [Fact]
    public async Task The_registration_page_offers_the_form_prefilled_from_the_account_and_shows_the_seats_left()
    {
        var eventId = await OpenAsync(capacity: 2, Future);
        var someone = await TestUsers.CreateAsync(app, "first@test.local", [Roles.Attendee]);
        await app.Get<RegistrationService>().RegisterAsync(eventId, someone.Id,
            new RegistrationInput { Name = "李四", Organization = "某单位", Title = "教授", Email = "lisi@example.cn" });
        var user = await TestUsers.CreateAsync(app, "second@test.local", [Roles.Attendee]);

        var html = await HtmlAsync(user, $"/events/{Future}/register");

        Assert.Contains("data-testid=\"registration-form\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"second@test.local\"", html, StringComparison.Ordinal);
        Assert.Contains("剩余名额 1（共 2 个）", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_event_is_full_the_registration_page_says_so_instead_of_showing_the_form()
    {
        var eventId = await OpenAsync(capacity: 1, Future);
        var someone = await TestUsers.CreateAsync(app, "first@test.local", [Roles.Attendee]);
        await app.Get<RegistrationService>().RegisterAsync(eventId, someone.Id,
            new RegistrationInput { Name = "李四", Organization = "某单位", Title = "教授", Email = "lisi@example.cn" });
        var user = await TestUsers.CreateAsync(app, "second@test.local", [Roles.Attendee]);

        var html = await HtmlAsync(user, $"/events/{Future}/register");

        Assert.Contains("名额已满，暂不接受新的报名。", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"registration-form\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_settings_registration_is_not_open_and_the_event_page_offers_no_button()
    {
        var user = await TestUsers.CreateAsync(app, "u@test.local", [Roles.Attendee]);
        await TestEvents.CreateFutureAsync(app, Future, "第八届全国区域创新学术研讨会");

        Assert.Contains("本活动暂未开放报名。", await HtmlAsync(user, $"/events/{Future}/register"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"register-button\"", await HtmlAsync(user, $"/events/{Future}"), StringComparison.Ordinal);

        await OpenAsync(capacity: null, Future);
        Assert.Contains("data-testid=\"register-button\"", await HtmlAsync(user, $"/events/{Future}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_registrations_lists_active_and_cancelled_registrations()
    {
        var eventId = await OpenAsync(capacity: null, Future);
        var user = await TestUsers.CreateAsync(app, "u@test.local", [Roles.Attendee]);
        var first = await app.Get<RegistrationService>().RegisterAsync(eventId, user.Id,
            new RegistrationInput { Name = "王冰", Organization = "某单位", Title = "研究员", Email = "wangbing@example.cn" });
        await app.Get<RegistrationService>().CancelAsync(first.RegistrationId, user.Id);
        await app.Get<RegistrationService>().RegisterAsync(eventId, user.Id,
            new RegistrationInput { Name = "王冰", Organization = "某单位", Title = "研究员", Email = "wangbing@example.cn" });

        var html = await HtmlAsync(user, "/account/registrations");

        Assert.Equal(2, html.Split("data-testid=\"my-registration-item\"").Length - 1);
        Assert.Equal(1, html.Split("data-testid=\"my-event-link\"").Length - 1);
        Assert.Contains("已取消", html, StringComparison.Ordinal);
    }
}
