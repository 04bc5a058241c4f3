using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.Attendees.Forms;
using Events.Core.Common;
using Events.Core.Events;
using Events.Core.Mail;
using Events.Infrastructure.Attendees;
using Events.Infrastructure.Events;
using Events.Infrastructure.Identity;
using Events.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Attendees;

/// <summary>
/// Categories with their own seats, fees and approval; the 回执 checked on the server and stored; ended events refused;
/// self-service; personal data encrypted, masked, logged and erased. One app for the class, an event per test.
/// </summary>
public sealed class RegistrationCategoryTests(EventsAppFactory app) : IClassFixture<EventsAppFactory>
{
    private RegistrationService Service => app.Get<RegistrationService>();

    private async Task<int> FutureEventAsync(int? capacity = null)
    {
        _ = app.Server;
        var id = await TestEvents.CreateFutureAsync(app, $"cat-{Guid.NewGuid():N}"[..20], "全国区域创新学术研讨会");
        var view = (await app.Get<RegistrationSettingsEditor>().LoadAsync(id))!;
        view.Input.IsOpen = true;
        view.Input.Capacity = capacity;
        Assert.Equal(SaveOutcome.Saved, (await app.Get<RegistrationSettingsEditor>().SaveAsync(TestActors.Admin, id, view.Input)).Outcome);
        return id;
    }

    private async Task<int> CategoryAsync(int eventId, string name, int? capacity, bool approval = false, decimal? fee = null,
        decimal? earlyFee = null, DateOnly? earlyUntil = null)
    {
        var input = new RegistrationCategoryInput
        {
            Name = name, Capacity = capacity, RequiresApproval = approval, Fee = fee, EarlyBirdFee = earlyFee, EarlyBirdUntilDay = earlyUntil,
        };
        var saved = await app.Get<RegistrationCategoryEditor>().SaveAsync(TestActors.Admin, eventId, input);
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        return saved.Id;
    }

    /// <summary>Accounts written straight to the table: hundreds of password hashes would only time the hashing.</summary>
    private async Task<string[]> UsersAsync(int count)
    {
        await using var db = app.CreateDbContext();
        var users = Enumerable.Range(0, count).Select(_ =>
        {
            var email = $"r{Guid.NewGuid():N}@test.local";
            return new AppUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString() };
        }).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        return users.Select(u => u.Id).ToArray();
    }

    private static RegistrationInput Form(int? categoryId, string name = "王冰", string email = "wangbing@example.cn") => new()
    {
        Name = name, Organization = "四川省科学技术发展战略研究院", Title = "研究员", Email = email, Phone = "138 0013 8000", CategoryId = categoryId,
    };

    private async Task<int> MailsAsync(int eventId, string template)
    {
        await using var db = app.CreateDbContext();
        return await db.OutboxMessages.CountAsync(m => m.EventId == eventId && m.TemplateKey == template);
    }

    [Fact]
    public async Task Five_hundred_people_registering_at_once_into_300_seats_over_two_categories_never_overbook_and_the_rest_are_told()
    {
        var eventId = await FutureEventAsync(capacity: 300);
        var delegates = await CategoryAsync(eventId, "正式代表", 200);
        var students = await CategoryAsync(eventId, "学生", 100, approval: true);
        var users = await UsersAsync(500);

        var results = await Task.WhenAll(users.Select((u, i) => Task.Run(() =>
            Service.RegisterAsync(eventId, u, Form(i % 2 == 0 ? delegates : students, $"代表{i}", $"p{i}@example.cn")))));

        Assert.All(results, r => Assert.Equal(RegistrationOutcome.Registered, r.Outcome));
        await using var db = app.CreateDbContext();
        var byCategory = await db.Registrations.Where(r => r.EventId == eventId)
            .GroupBy(r => new { r.CategoryId, r.State }).Select(g => new { g.Key.CategoryId, g.Key.State, Count = g.Count() }).ToListAsync();
        int Count(int c, RegistrationState s) => byCategory.FirstOrDefault(x => x.CategoryId == c && x.State == s)?.Count ?? 0;
        Assert.Equal((200, 50), (Count(delegates, RegistrationState.Active), Count(delegates, RegistrationState.Waiting)));
        Assert.Equal((100, 150), (Count(students, RegistrationState.PendingApproval), Count(students, RegistrationState.Waiting)));
        Assert.Equal(300, await db.RegistrationSettings.Where(s => s.EventId == eventId).Select(s => s.SeatsTaken).SingleAsync());
        Assert.Equal([200, 100], await db.RegistrationCategories.Where(c => c.EventId == eventId).OrderBy(c => c.SortOrder).Select(c => c.SeatsTaken).ToListAsync());
        // Everyone is told by mail: confirmed, awaiting approval, or on the waiting list — one mail each.
        Assert.Equal((200, 100, 200), (await MailsAsync(eventId, MailTemplateKeys.RegistrationConfirmed),
            await MailsAsync(eventId, MailTemplateKeys.RegistrationPending), await MailsAsync(eventId, MailTemplateKeys.RegistrationWaiting)));
    }

    [Fact]
    public async Task Approval_holds_the_seat_and_the_registrant_is_told_approved_or_refused_and_a_refusal_frees_the_seat()
    {
        var eventId = await FutureEventAsync();
        var media = await CategoryAsync(eventId, "媒体", 1, approval: true);
        var users = await UsersAsync(3);
        var first = await Service.RegisterAsync(eventId, users[0], Form(media));
        var second = await Service.RegisterAsync(eventId, users[1], Form(media, "李四", "lisi@example.cn"));
        Assert.Equal((RegistrationState.PendingApproval, RegistrationState.Waiting), (first.State, second.State));
        Assert.False(await app.Get<RegistrationStatus>().IsRegisteredAsync(eventId, users[0]));

        // No seat for the waiting one while the pending one holds it.
        Assert.Equal(DecisionOutcome.NoSeat, await Service.DecideAsync(TestActors.Admin, eventId, second.RegistrationId, approve: true));
        Assert.Equal(DecisionOutcome.Done, await Service.DecideAsync(TestActors.Admin, eventId, first.RegistrationId, approve: false));
        Assert.Equal(DecisionOutcome.Done, await Service.DecideAsync(TestActors.Admin, eventId, second.RegistrationId, approve: true));
        Assert.Equal(DecisionOutcome.NotFound, await Service.DecideAsync(TestActors.Admin, eventId, second.RegistrationId, approve: false));

        Assert.True(await app.Get<RegistrationStatus>().IsRegisteredAsync(eventId, users[1]));
        Assert.Equal((1, 1), (await MailsAsync(eventId, MailTemplateKeys.RegistrationRefused), await MailsAsync(eventId, MailTemplateKeys.RegistrationApproved)));
        await using var db = app.CreateDbContext();
        var refused = await db.OutboxMessages.Include(m => m.Recipients).SingleAsync(m => m.EventId == eventId && m.TemplateKey == MailTemplateKeys.RegistrationRefused);
        Assert.Equal(("wangbing@example.cn", "报名未通过审核：全国区域创新学术研讨会"), (refused.Recipients.Single().Address, refused.Subject));
        Assert.Contains("“媒体”", refused.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, await db.RegistrationCategories.Where(c => c.Id == media).Select(c => c.SeatsTaken).SingleAsync());
    }

    [Fact]
    public async Task The_fee_is_the_early_bird_fee_before_its_deadline_and_a_category_is_required_when_the_event_has_some()
    {
        var eventId = await FutureEventAsync();
        var early = await CategoryAsync(eventId, "正式代表", null, fee: 1200m, earlyFee: 900m, earlyUntil: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)));
        var late = await CategoryAsync(eventId, "学生", null, fee: 600m, earlyFee: 400m, earlyUntil: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)));
        var users = await UsersAsync(3);

        var missing = await Service.RegisterAsync(eventId, users[0], Form(null));
        Assert.Contains(missing.Violations, v => v is { Field: "CategoryId", Code: "Required" });
        var a = await Service.RegisterAsync(eventId, users[0], Form(early));
        var b = await Service.RegisterAsync(eventId, users[1], Form(late));

        await using var db = app.CreateDbContext();
        Assert.Equal([900m, 600m], await db.Registrations.Where(r => r.Id == a.RegistrationId || r.Id == b.RegistrationId)
            .OrderBy(r => r.Id).Select(r => r.FeeAmount!.Value).ToListAsync());
    }

    [Fact]
    public async Task An_event_that_has_ended_takes_no_registration_and_no_change()
    {
        var eventId = await FutureEventAsync();
        var users = await UsersAsync(2);
        var registered = await Service.RegisterAsync(eventId, users[0], Form(null));
        await using (var db = app.CreateDbContext())
        {
            var past = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3));
            await db.Events.Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.StartDate, past).SetProperty(e => e.EndDate, past));
        }

        Assert.Equal(RegistrationRefusal.EventEnded, (await Service.RegisterAsync(eventId, users[1], Form(null, "李四", "lisi@example.cn"))).Refusal);
        var edit = await Service.UpdateAsync(registered.RegistrationId, users[0], Form(null, "王冰冰"));
        Assert.Equal((ChangeOutcome.Refused, RegistrationRefusal.EventEnded), (edit.Outcome, edit.Refusal));
        Assert.False(await Service.CancelAsync(registered.RegistrationId, users[0]));
        Assert.Equal(ChangeOutcome.Refused, (await Service.UpdateForAttendeeAsync(TestActors.Admin, eventId, registered.RegistrationId, Form(null, "王冰冰"))).Outcome);
    }

    private static ReplyFormDefinition ReplyForm()
    {
        var form = new ReplyFormDefinition();
        foreach (var preset in new[] { ReplyFieldPresets.GenderPreset, ReplyFieldPresets.MobilePreset, ReplyFieldPresets.IdPreset, ReplyFieldPresets.LodgingPreset, ReplyFieldPresets.DietPreset })
            ReplyFormDesign.AddPreset(form, preset);
        form.Find(ReplyFieldKeys.Hotel)!.Options = [new() { Key = "jinjiang", Label = "锦江宾馆" }, new() { Key = "minshan", Label = "岷山饭店" }];
        form.Find(ReplyFieldKeys.Mobile)!.Required = true;
        form.Fields.Add(new ReplyField { Key = "student_card", Type = ReplyFieldType.File, Label = "学生证照片" });
        return form;
    }

    /// <summary>A resident ID number of a made-up person born 1990-03-07, with its computed check digit.</summary>
    private static readonly string IdNumber = "51010719900307003" + Core.Validation.ChineseIdentifiers.ResidentIdCheckDigit("51010719900307003");

    private async Task<int> EventWithFormAsync()
    {
        var eventId = await FutureEventAsync();
        var saved = await app.Get<ReplyFormEditor>().SaveAsync(TestActors.Admin, eventId, ReplyForm(), Guid.Empty);
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        return eventId;
    }

    private static RegistrationInput Answered(string mobile = "＋86 139 1234 5678", string? hotel = "jinjiang")
    {
        var input = Form(null);
        input.Answers[ReplyFieldKeys.Gender] = ReplyFieldKeys.GenderFemale;
        input.Answers[ReplyFieldKeys.Mobile] = mobile;
        input.Answers[ReplyFieldKeys.IdType] = ReplyFieldKeys.IdTypeResident;
        input.Answers[ReplyFieldKeys.IdNumber] = IdNumber;
        input.Answers[ReplyFieldKeys.Lodging] = "true";
        input.Answers[ReplyFieldKeys.Hotel] = hotel;
        input.Answers[ReplyFieldKeys.RoomType] = ReplyFieldKeys.RoomTwinShared;
        input.Answers[ReplyFieldKeys.CheckIn] = "2030-07-28";
        input.Answers[ReplyFieldKeys.Nights] = "2";
        input.Answers[ReplyFieldKeys.Diet] = ReplyFieldKeys.DietHalal;
        return input;
    }

    [Fact]
    public async Task The_reply_form_is_checked_on_the_server_with_its_conditions_and_a_refusal_writes_nothing()
    {
        var eventId = await EventWithFormAsync();
        var user = (await UsersAsync(1))[0];

        var bad = Answered(mobile: "1281234567", hotel: null);
        bad.Answers[ReplyFieldKeys.IdNumber] = IdNumber[..17] + (IdNumber[17] == '0' ? '1' : '0');
        bad.Answers[ReplyFieldKeys.Diet] = ReplyFieldKeys.DietOther;
        var refused = await Service.RegisterAsync(eventId, user, bad);

        Assert.Equal(RegistrationOutcome.Invalid, refused.Outcome);
        Assert.Equal(
            [(ReplyFieldKeys.Mobile, ReplyFormRules.MobileFormat), (ReplyFieldKeys.IdNumber, ReplyFormRules.IdCheckDigit),
             (ReplyFieldKeys.Hotel, ReplyFormRules.Required), (ReplyFieldKeys.DietDetail, ReplyFormRules.Required)],
            refused.Violations.Select(v => (v.Field, v.Code)).ToList());
        await using (var db = app.CreateDbContext()) Assert.False(await db.Registrations.AnyAsync(r => r.EventId == eventId));

        // Without lodging the hotel is neither asked nor kept.
        var good = Answered();
        good.Answers[ReplyFieldKeys.Lodging] = "false";
        var ok = await Service.RegisterAsync(eventId, user, good);
        Assert.Equal(RegistrationOutcome.Registered, ok.Outcome);
        var own = (await Service.OwnAsync(ok.RegistrationId, user))!;
        var answers = new RegistrationAnswers(own.Input.Answers);
        Assert.Equal(("13912345678", IdNumber, (string?)null, false), (answers.Mobile, answers.IdNumber, answers.Hotel, answers.Lodging));
    }

    [Fact]
    public async Task Mobile_and_ID_numbers_are_not_in_the_database_file_are_masked_for_staff_without_the_right_and_each_export_is_logged()
    {
        var eventId = await EventWithFormAsync();
        var user = (await UsersAsync(1))[0];
        var ok = await Service.RegisterAsync(eventId, user, Answered());
        Assert.Equal(RegistrationOutcome.Registered, ok.Outcome);

        // The raw columns, read without EF or Data Protection.
        var path = app.CreateDbContext().Database.GetDbConnection().DataSource;
        await using (var raw = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False"))
        {
            await raw.OpenAsync();
            await using var cmd = raw.CreateCommand();
            cmd.CommandText = "SELECT group_concat(a.Value, '|') || '|' || r.Phone FROM RegistrationAnswers a JOIN Registrations r ON r.Id = a.RegistrationId WHERE r.Id = $id";
            cmd.Parameters.AddWithValue("$id", ok.RegistrationId);
            var text = (string)(await cmd.ExecuteScalarAsync())!;
            Assert.Contains(ReplyFieldKeys.DietHalal, text, StringComparison.Ordinal);
            Assert.DoesNotContain("13912345678", text, StringComparison.Ordinal);
            Assert.DoesNotContain(IdNumber, text, StringComparison.Ordinal);
            Assert.DoesNotContain("13800138000", text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        var list = app.Get<AttendeeList>();
        var masked = (await list.SearchAsync(eventId, new AttendeeQuery(new PageRequest(0, 20, null)))).Items.Single();
        var full = (await list.SearchAsync(eventId, new AttendeeQuery(new PageRequest(0, 20, null), FullPersonalData: true))).Items.Single();
        Assert.Equal(("138****8000", "138 0013 8000"), (masked.Phone, full.Phone));

        // The event's creator has the right; staff added later do not until given it.
        var staff = await TestUsers.CreateAsync(app, $"s{Guid.NewGuid():N}@test.local", [Roles.Organizer]);
        await using (var db = app.CreateDbContext())
        {
            db.EventStaff.Add(new EventStaff { EventId = eventId, UserId = staff.Id });
            await db.SaveChangesAsync();
        }
        var staffActor = new Actor(staff.Id, false, true);
        var rights = app.Get<Events.Infrastructure.Access.EventRights>();
        Assert.False(await rights.MaySeePersonalDataAsync(staffActor, eventId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.Get<PersonalData>().LogExportAsync(staffActor, eventId, "x.xlsx", 1));
        Assert.True(await app.Get<EventStaffEditor>().SetPersonalDataRightAsync(TestActors.Admin, eventId, staff.Id, true));
        Assert.True(await rights.MaySeePersonalDataAsync(staffActor, eventId));

        using var response = await app.CreateRawClient().SendAsync(staff.Get($"/manage/events/{eventId}/registrations.xlsx"));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var log = await app.Get<PersonalData>().LogAsync(TestActors.Admin, eventId);
        Assert.Equal((staff.Id, 1), (log.Single().UserId, log.Single().Count));
        Assert.EndsWith(".xlsx", log.Single().What, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Personal_data_is_erased_when_the_retention_period_after_the_event_has_run_out()
    {
        var eventId = await EventWithFormAsync();
        var user = (await UsersAsync(1))[0];
        var ok = await Service.RegisterAsync(eventId, user, Answered());
        var view = (await app.Get<RegistrationSettingsEditor>().LoadAsync(eventId))!;
        view.Input.PersonalDataRetentionDays = 30;
        Assert.Equal(SaveOutcome.Saved, (await app.Get<RegistrationSettingsEditor>().SaveAsync(TestActors.Admin, eventId, view.Input)).Outcome);
        var personal = app.Get<PersonalData>();
        // An invitee's mobile (邀请报名) is the event's personal data too.
        await app.Get<Events.Infrastructure.Notices.InvitationService>().AddAsync(TestActors.Admin, eventId,
            [new Events.Core.Attendees.Notices.InviteeInput("周老师", $"zhou-{Guid.NewGuid():N}@example.test", "南京大学", null, "13911112222")]);

        Assert.Equal(0, await personal.EraseExpiredAsync());
        await using (var db = app.CreateDbContext())
        {
            var ended = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-31));
            await db.Events.Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.StartDate, ended).SetProperty(e => e.EndDate, ended));
        }
        Assert.True(await personal.EraseExpiredAsync() >= 1);

        var own = (await Service.OwnAsync(ok.RegistrationId, user))!;
        var answers = new RegistrationAnswers(own.Input.Answers);
        Assert.Equal(((string?)null, (string?)null, (string?)null, ReplyFieldKeys.DietHalal), (answers.Mobile, answers.IdNumber, own.Input.Phone, answers.Diet));
        await using var check = app.CreateDbContext();
        Assert.NotNull(await check.RegistrationSettings.Where(s => s.EventId == eventId).Select(s => s.PersonalDataErasedAt).SingleAsync());
        Assert.Null(Assert.Single(await check.EventInvitations.Where(i => i.EventId == eventId).Select(i => i.Mobile).ToListAsync()));
    }

    [Fact]
    public async Task Until_the_self_service_deadline_the_registrant_edits_the_reply_form_and_hands_the_place_over_and_after_it_cannot()
    {
        var eventId = await EventWithFormAsync();
        var users = await UsersAsync(1);
        var ok = await Service.RegisterAsync(eventId, users[0], Answered());

        var own = (await Service.OwnAsync(ok.RegistrationId, users[0]))!;
        own.Input.Answers[ReplyFieldKeys.Diet] = ReplyFieldKeys.DietVegetarian;
        Assert.Equal(ChangeOutcome.Done, (await Service.UpdateAsync(ok.RegistrationId, users[0], own.Input)).Outcome);
        // The same stale form again: someone (here: the first save) changed it since.
        Assert.Equal(ChangeOutcome.Conflict, (await Service.UpdateAsync(ok.RegistrationId, users[0], own.Input)).Outcome);

        var handover = await Service.HandOverAsync(ok.RegistrationId, users[0], new HandoverInput { Name = "赵六", Email = "zhaoliu@example.cn" });
        Assert.Equal(ChangeOutcome.Done, handover.Outcome);
        await using (var db = app.CreateDbContext())
        {
            var r = await db.Registrations.Include(x => x.Answers).SingleAsync(x => x.Id == ok.RegistrationId);
            Assert.Equal(("赵六", "zhaoliu@example.cn", "王冰"), (r.Name, r.Email, r.HandedOverFrom));
            Assert.DoesNotContain(r.Answers, a => a.IsProtected);
            Assert.Equal(ReplyFieldKeys.DietVegetarian, r.Answers.Single(a => a.FieldKey == ReplyFieldKeys.Diet).Value);
            Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.EventId == eventId && m.Recipients.Any(x => x.Address == "zhaoliu@example.cn")));
        }

        var view = (await app.Get<RegistrationSettingsEditor>().LoadAsync(eventId))!;
        view.Input.SelfServiceUntilDay = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1));
        Assert.Equal(SaveOutcome.Saved, (await app.Get<RegistrationSettingsEditor>().SaveAsync(TestActors.Admin, eventId, view.Input)).Outcome);
        var late = (await Service.OwnAsync(ok.RegistrationId, users[0]))!;
        Assert.Equal(RegistrationRefusal.SelfServiceClosed, late.SelfServiceRefusal);
        Assert.Equal(RegistrationRefusal.SelfServiceClosed, (await Service.UpdateAsync(ok.RegistrationId, users[0], late.Input)).Refusal);
        Assert.False(await Service.CancelAsync(ok.RegistrationId, users[0]));
        // The organizer still may (the mobile number, required here, went with the handover and is given again).
        late.Input.Answers[ReplyFieldKeys.Mobile] = "13712345678";
        Assert.Equal(ChangeOutcome.Done, (await Service.UpdateForAttendeeAsync(TestActors.Admin, eventId, ok.RegistrationId, late.Input)).Outcome);
    }

    [Fact]
    public async Task A_handover_in_a_category_needing_approval_waits_for_the_organizer()
    {
        var eventId = await FutureEventAsync();
        var guests = await CategoryAsync(eventId, "特邀嘉宾", 5, approval: true);
        var user = (await UsersAsync(1))[0];
        var ok = await Service.RegisterAsync(eventId, user, Form(guests));

        Assert.Equal(ChangeOutcome.Pending, (await Service.HandOverAsync(ok.RegistrationId, user, new HandoverInput { Name = "赵六", Email = "zhaoliu@example.cn" })).Outcome);
        await using (var db = app.CreateDbContext())
            Assert.Equal(("王冰", "赵六"), await db.Registrations.Where(r => r.Id == ok.RegistrationId).Select(r => ValueTuple.Create(r.Name, r.HandoverName!)).SingleAsync());

        Assert.Equal(DecisionOutcome.Done, await Service.DecideHandoverAsync(TestActors.Admin, eventId, ok.RegistrationId, approve: true));
        await using var check = app.CreateDbContext();
        var r = await check.Registrations.SingleAsync(x => x.Id == ok.RegistrationId);
        Assert.Equal(("赵六", (string?)null, RegistrationState.PendingApproval), (r.Name, r.HandoverName, r.State));
    }

    [Fact]
    public async Task A_handover_carries_the_colleagues_mobile_checked_encrypted_masked_in_the_list_and_made_their_phone()
    {
        var eventId = await FutureEventAsync();
        var guests = await CategoryAsync(eventId, "特邀嘉宾", 5, approval: true);
        var user = (await UsersAsync(1))[0];
        var ok = await Service.RegisterAsync(eventId, user, Form(guests));

        var bad = await Service.HandOverAsync(ok.RegistrationId, user, new HandoverInput { Name = "赵六", Email = "zhaoliu@example.cn", Mobile = "12345678901" });
        Assert.Equal(ChangeOutcome.Invalid, bad.Outcome);
        Assert.Equal([(nameof(HandoverInput.Mobile), "MobileFormat")], bad.Violations.Select(v => (v.Field, v.Code)));
        await using (var db = app.CreateDbContext())
            Assert.Null(await db.Registrations.Where(r => r.Id == ok.RegistrationId).Select(r => r.HandoverName).SingleAsync());

        // Typed as people type it: full-width digits and spaces.
        var good = new HandoverInput { Name = "赵六", Email = "zhaoliu@example.cn", Mobile = "１３９ 1234 5678" };
        Assert.Equal(ChangeOutcome.Pending, (await Service.HandOverAsync(ok.RegistrationId, user, good)).Outcome);
        await using (var db = app.CreateDbContext())
        {
            var stored = await db.Registrations.Where(r => r.Id == ok.RegistrationId).Select(r => r.HandoverPhone).SingleAsync();
            Assert.NotNull(stored);
            Assert.DoesNotContain("5678", stored, StringComparison.Ordinal);
        }
        var list = app.Get<AttendeeList>();
        var masked = (await list.SearchAsync(eventId, new AttendeeQuery(new PageRequest(0, 20, null)))).Items.Single();
        var full = (await list.SearchAsync(eventId, new AttendeeQuery(new PageRequest(0, 20, null), FullPersonalData: true))).Items.Single();
        Assert.Equal(("赵六", "139****5678", "13912345678"), (masked.HandoverName, masked.HandoverPhone, full.HandoverPhone));

        Assert.Equal(DecisionOutcome.Done, await Service.DecideHandoverAsync(TestActors.Admin, eventId, ok.RegistrationId, approve: true));
        await using var check = app.CreateDbContext();
        var r = await check.Registrations.SingleAsync(x => x.Id == ok.RegistrationId);
        Assert.Equal(("赵六", (string?)null), (r.Name, r.HandoverPhone));
        Assert.Equal("13912345678", app.Get<PersonalDataProtector>().Unprotect(r.Phone));
    }

    [Fact]
    public async Task The_registrants_own_page_finds_their_pending_waiting_or_refused_registration_with_its_category_and_deadline()
    {
        var eventId = await FutureEventAsync();
        var guests = await CategoryAsync(eventId, "特邀嘉宾", 1, approval: true, fee: 800m);
        var users = await UsersAsync(3);
        var pending = await Service.RegisterAsync(eventId, users[0], Form(guests));
        var waiting = await Service.RegisterAsync(eventId, users[1], Form(guests, "李四", "lisi@example.cn"));

        var own = (await Service.OwnForEventAsync(eventId, users[0]))!;
        Assert.Equal((pending.RegistrationId, RegistrationState.PendingApproval, "特邀嘉宾", 800m), (own.RegistrationId, own.State, own.Category!.Name, own.FeeAmount!.Value));
        Assert.Equal((Core.Events.Event.DefaultTimeZone, (DateTimeOffset?)null), (own.TimeZoneId, own.SelfServiceUntil));
        Assert.Equal(RegistrationState.Waiting, (await Service.OwnForEventAsync(eventId, users[1]))!.State);
        Assert.Null(await Service.OwnForEventAsync(eventId, users[2]));

        // Refused: still shown (in words) until they register again; cancelled: nothing to show.
        Assert.Equal(DecisionOutcome.Done, await Service.DecideAsync(TestActors.Admin, eventId, pending.RegistrationId, approve: false));
        Assert.Equal(RegistrationState.Refused, (await Service.OwnForEventAsync(eventId, users[0]))!.State);
        Assert.True(await Service.CancelAsync(waiting.RegistrationId, users[1]));
        Assert.Null(await Service.OwnForEventAsync(eventId, users[1]));
    }
}
