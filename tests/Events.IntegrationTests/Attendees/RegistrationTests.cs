using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.Common;
using Events.Core.Events;
using Events.Core.Mail;
using Events.Infrastructure.Attendees;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Attendees;

/// <summary>Registering, the seat count under concurrency, cancelling, and the settings, on the real app and a real SQLite file.</summary>
public sealed class RegistrationTests : IDisposable
{
    private const string Symposium = "future-symposium";
    private const string Forum = "future-forum";
    private const string SubForum = "future-forum-regional";
    private readonly EventsAppFactory app = new();

    public RegistrationTests() => _ = app.Server;

    public void Dispose() => app.Dispose();

    private RegistrationService Service => app.Get<RegistrationService>();

    /// <summary>The test's own future events (the seeded ones are over and take no registrations), made on first use.</summary>
    private async Task<int> EventIdAsync(string slug)
    {
        await using (var db = app.CreateDbContext())
        {
            var id = await db.Events.Where(e => e.Slug == slug).Select(e => (int?)e.Id).SingleOrDefaultAsync();
            if (id is { } found) return found;
        }
        return slug switch
        {
            Symposium => await TestEvents.CreateFutureAsync(app, Symposium, "第七届全国区域创新学术研讨会"),
            Forum => await TestEvents.CreateFutureAsync(app, Forum, "浦江创新论坛"),
            SubForum => await TestEvents.CreateFutureAsync(app, SubForum, "区域创新分论坛", await EventIdAsync(Forum)),
            _ => throw new ArgumentException(slug),
        };
    }

    private async Task<int> OpenAsync(string slug, int? capacity, DateOnly? closesOn = null, TimeOnly? closesAt = null)
    {
        var id = await EventIdAsync(slug);
        var view = (await app.Get<RegistrationSettingsEditor>().LoadAsync(id))!;
        view.Input.IsOpen = true;
        view.Input.Capacity = capacity;
        view.Input.ClosesOn = closesOn;
        view.Input.ClosesAtTime = closesAt;
        Assert.Equal(SaveOutcome.Saved, (await app.Get<RegistrationSettingsEditor>().SaveAsync(TestActors.Admin, id, view.Input)).Outcome);
        return id;
    }

    private async Task<string[]> UsersAsync(int count, string prefix = "u")
    {
        var ids = new string[count];
        for (var i = 0; i < count; i++) ids[i] = (await TestUsers.CreateAsync(app, $"{prefix}{i}@test.local", [Roles.Attendee])).Id;
        return ids;
    }

    private static RegistrationInput Form(string name = "王冰", string email = "wangbing@example.cn") => new()
    {
        Name = name,
        Organization = "四川省科学技术发展战略研究院",
        Title = "研究员",
        Email = email,
        Phone = "028-8522 1234",
    };

    private async Task<(int Active, int SeatsTaken)> CountAsync(int eventId)
    {
        await using var db = app.CreateDbContext();
        var active = await db.Registrations.CountAsync(r => r.EventId == eventId && r.State == RegistrationState.Active);
        var taken = await db.RegistrationSettings.Where(s => s.EventId == eventId).Select(s => s.SeatsTaken).SingleAsync();
        return (active, taken);
    }

    [Fact]
    public async Task Registering_stores_the_registration_takes_a_seat_and_queues_the_confirmation_in_Chinese()
    {
        var eventId = await OpenAsync(Symposium, capacity: 100);
        var user = (await UsersAsync(1))[0];

        var result = await Service.RegisterAsync(eventId, user, Form());

        Assert.Equal(RegistrationOutcome.Registered, result.Outcome);
        Assert.Equal((1, 1), await CountAsync(eventId));
        Assert.True(await app.Get<RegistrationStatus>().IsRegisteredAsync(eventId, user));
        await using var db = app.CreateDbContext();
        var mail = await db.OutboxMessages.Include(m => m.Recipients).SingleAsync(m => m.TemplateKey == MailTemplateKeys.RegistrationConfirmed);
        Assert.Equal(("zh-CN", OutboxState.Pending, "wangbing@example.cn", $"Registration:{result.RegistrationId}"),
            (mail.Culture, mail.State, mail.Recipients.Single().Address, mail.RelatedEntity));
        Assert.Equal("报名成功：第七届全国区域创新学术研讨会", mail.Subject);
        Assert.Contains($"/events/{Symposium}/me?cancel=1", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_event_is_full_the_next_registration_is_refused_and_nothing_is_written()
    {
        var eventId = await OpenAsync(Symposium, capacity: 1);
        var users = await UsersAsync(2);
        Assert.Equal(RegistrationOutcome.Registered, (await Service.RegisterAsync(eventId, users[0], Form())).Outcome);

        var second = await Service.RegisterAsync(eventId, users[1], Form("李四", "lisi@example.cn"));

        Assert.Equal((RegistrationOutcome.Refused, RegistrationRefusal.Full), (second.Outcome, second.Refusal));
        Assert.Equal((1, 1), await CountAsync(eventId));
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.TemplateKey == MailTemplateKeys.RegistrationConfirmed));
    }

    [Fact]
    public async Task Many_people_asking_for_the_last_seats_at_once_get_exactly_the_seats_there_are()
    {
        const int seats = 3;
        var eventId = await OpenAsync(Symposium, capacity: seats);
        var users = await UsersAsync(12);

        var results = await Task.WhenAll(users.Select((u, i) => Task.Run(() => Service.RegisterAsync(eventId, u, Form($"参会者{i}", $"p{i}@example.cn")))));

        Assert.Equal(seats, results.Count(r => r.Outcome == RegistrationOutcome.Registered));
        Assert.All(results.Where(r => r.Outcome != RegistrationOutcome.Registered), r => Assert.Equal(RegistrationRefusal.Full, r.Refusal));
        Assert.Equal((seats, seats), await CountAsync(eventId));
        await using var db = app.CreateDbContext();
        Assert.Equal(seats, await db.OutboxMessages.CountAsync(m => m.TemplateKey == MailTemplateKeys.RegistrationConfirmed));
    }

    [Fact]
    public async Task The_same_user_registering_twice_at_once_gets_one_registration_and_one_seat()
    {
        var eventId = await OpenAsync(Symposium, capacity: 10);
        var user = (await UsersAsync(1))[0];

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Service.RegisterAsync(eventId, user, Form()))));

        Assert.Single(results, r => r.Outcome == RegistrationOutcome.Registered);
        Assert.All(results.Where(r => r.Outcome != RegistrationOutcome.Registered), r => Assert.Equal(RegistrationRefusal.AlreadyRegistered, r.Refusal));
        Assert.Equal((1, 1), await CountAsync(eventId));
    }

    [Fact]
    public async Task Cancelling_frees_the_seat_for_someone_else_and_the_attendee_can_register_again_later()
    {
        var eventId = await OpenAsync(Symposium, capacity: 1);
        var users = await UsersAsync(2);
        var first = await Service.RegisterAsync(eventId, users[0], Form());
        Assert.Equal(RegistrationRefusal.Full, (await Service.RegisterAsync(eventId, users[1], Form("李四", "lisi@example.cn"))).Refusal);

        Assert.True(await Service.CancelAsync(first.RegistrationId, users[0]));
        Assert.False(await Service.CancelAsync(first.RegistrationId, users[0]));
        Assert.Equal((0, 0), await CountAsync(eventId));
        Assert.False(await app.Get<RegistrationStatus>().IsRegisteredAsync(eventId, users[0]));

        var second = await Service.RegisterAsync(eventId, users[1], Form("李四", "lisi@example.cn"));
        Assert.Equal(RegistrationOutcome.Registered, second.Outcome);
        Assert.True(await Service.CancelAsync(second.RegistrationId, users[1]));

        var again = await Service.RegisterAsync(eventId, users[0], Form());
        Assert.Equal(RegistrationOutcome.Registered, again.Outcome);
        Assert.Equal((1, 1), await CountAsync(eventId));
        await using var db = app.CreateDbContext();
        Assert.Equal([RegistrationState.Cancelled, RegistrationState.Active],
            await db.Registrations.Where(r => r.UserId == users[0]).OrderBy(r => r.Id).Select(r => r.State).ToListAsync());
    }

    [Fact]
    public async Task An_attendee_cannot_cancel_someone_elses_registration()
    {
        var eventId = await OpenAsync(Symposium, capacity: null);
        var users = await UsersAsync(2);
        var theirs = await Service.RegisterAsync(eventId, users[0], Form());

        Assert.False(await Service.CancelAsync(theirs.RegistrationId, users[1]));
        Assert.True(await app.Get<RegistrationStatus>().IsRegisteredAsync(eventId, users[0]));
    }

    [Fact]
    public async Task An_organizer_cancels_only_registrations_of_their_event_and_the_attendee_is_told()
    {
        var eventId = await OpenAsync(Symposium, capacity: 5);
        var other = await EventIdAsync(Forum);
        var user = (await UsersAsync(1))[0];
        var registration = await Service.RegisterAsync(eventId, user, Form());

        Assert.False(await Service.CancelForAttendeeAsync(TestActors.Admin, other, registration.RegistrationId));
        Assert.True(await Service.CancelForAttendeeAsync(TestActors.Admin, eventId, registration.RegistrationId));

        Assert.Equal((0, 0), await CountAsync(eventId));
        await using var db = app.CreateDbContext();
        var stored = await db.Registrations.SingleAsync(r => r.Id == registration.RegistrationId);
        Assert.True(stored.CancelledByOrganizer);
        var notice = await db.OutboxMessages.SingleAsync(m => m.TemplateKey == MailTemplateKeys.RegistrationCancelled);
        Assert.Contains($"/events/{Symposium}/register", notice.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closed_registration_a_passed_deadline_an_unpublished_event_and_a_second_registration_are_refused_with_their_reasons()
    {
        var users = await UsersAsync(1);
        var symposium = await EventIdAsync(Symposium);
        Assert.Equal(RegistrationRefusal.NotOpen, (await Service.RegisterAsync(symposium, users[0], Form())).Refusal);

        var past = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1));
        await OpenAsync(Symposium, capacity: null, closesOn: past);
        Assert.Equal(RegistrationRefusal.DeadlinePassed, (await Service.RegisterAsync(symposium, users[0], Form())).Refusal);

        await OpenAsync(Symposium, capacity: null, closesOn: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)));
        Assert.Equal(RegistrationOutcome.Registered, (await Service.RegisterAsync(symposium, users[0], Form())).Outcome);
        Assert.Equal(RegistrationRefusal.AlreadyRegistered, (await Service.RegisterAsync(symposium, users[0], Form())).Refusal);

        int draft;
        await using (var db = app.CreateDbContext())
        {
            var ev = new Event { Slug = "draft-registration", Title = "草稿活动", StartDate = new DateOnly(2027, 1, 1), EndDate = new DateOnly(2027, 1, 1) };
            db.Events.Add(ev);
            await db.SaveChangesAsync();
            draft = ev.Id;
        }
        await OpenAsync("draft-registration", capacity: null);
        Assert.Equal(RegistrationRefusal.NotPublished, (await Service.RegisterAsync(draft, users[0], Form())).Refusal);
    }

    [Fact]
    public async Task An_invalid_form_is_refused_with_its_rule_codes_and_takes_no_seat()
    {
        var eventId = await OpenAsync(Symposium, capacity: 1);
        var user = (await UsersAsync(1))[0];

        var result = await Service.RegisterAsync(eventId, user, new RegistrationInput { Name = "王冰", Email = "not-an-address" });

        Assert.Equal(RegistrationOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Violations, v => v is { Field: "Email", Code: "EmailFormat" });
        Assert.Equal((0, 0), await CountAsync(eventId));
    }

    [Fact]
    public async Task A_registration_for_a_forum_admits_the_user_to_its_sub_forums()
    {
        var forum = await OpenAsync(Forum, capacity: null);
        var sub = await EventIdAsync(SubForum);
        var user = (await UsersAsync(1))[0];
        Assert.False(await app.Get<RegistrationStatus>().IsRegisteredAsync(sub, user));

        await Service.RegisterAsync(forum, user, Form());

        Assert.True(await app.Get<RegistrationStatus>().IsRegisteredAsync(sub, user));
        var admission = await app.Get<RegistrationStatus>().ForEventAsync(SubForum, user);
        Assert.Equal((sub, forum), (admission!.EventId, admission.Registration!.EventId));
    }

    [Fact]
    public async Task The_form_is_prefilled_from_the_account_then_from_the_last_registration()
    {
        var user = await TestUsers.CreateAsync(app, "prefill@test.local", [Roles.Attendee]);
        await OpenAsync(Symposium, capacity: null);
        await OpenAsync(Forum, capacity: null);

        var fresh = (await Service.OverviewAsync(Symposium, user.Id))!;
        Assert.Equal(("prefill@test.local", ""), (fresh.Prefill.Email, fresh.Prefill.Organization));
        Assert.Null(fresh.Refusal);

        await Service.RegisterAsync(fresh.EventId, user.Id, Form());
        var next = (await Service.OverviewAsync(Forum, user.Id))!;
        Assert.Equal(("王冰", "四川省科学技术发展战略研究院", "研究员"), (next.Prefill.Name, next.Prefill.Organization, next.Prefill.Title));
        Assert.Equal(RegistrationRefusal.AlreadyRegistered, (await Service.OverviewAsync(Symposium, user.Id))!.Refusal);
    }

    [Fact]
    public async Task Two_organizers_saving_the_settings_from_stale_forms_get_a_conflict_and_the_seat_count_survives()
    {
        var eventId = await OpenAsync(Symposium, capacity: 50);
        var user = (await UsersAsync(1))[0];
        var editor = app.Get<RegistrationSettingsEditor>();
        var first = (await editor.LoadAsync(eventId))!.Input;
        var second = (await editor.LoadAsync(eventId))!.Input;
        await Service.RegisterAsync(eventId, user, Form());

        first.Capacity = 60;
        Assert.Equal(SaveOutcome.Saved, (await editor.SaveAsync(TestActors.Admin, eventId, first)).Outcome);
        second.IsOpen = false;
        Assert.Equal(SaveOutcome.Conflict, (await editor.SaveAsync(TestActors.Admin, eventId, second)).Outcome);

        var stored = (await editor.LoadAsync(eventId))!;
        Assert.Equal((true, (int?)60, 1), (stored.Input.IsOpen, stored.Input.Capacity, stored.SeatsTaken));
    }

    [Fact]
    public async Task Two_organizers_opening_registration_for_the_first_time_at_once_get_one_save_and_one_conflict()
    {
        var eventId = await EventIdAsync(Symposium);
        var editor = app.Get<RegistrationSettingsEditor>();
        var first = (await editor.LoadAsync(eventId))!.Input;
        var second = (await editor.LoadAsync(eventId))!.Input;
        first.IsOpen = second.IsOpen = true;

        Assert.Equal(SaveOutcome.Saved, (await editor.SaveAsync(TestActors.Admin, eventId, first)).Outcome);
        Assert.Equal(SaveOutcome.Conflict, (await editor.SaveAsync(TestActors.Admin, eventId, second)).Outcome);
    }
}
