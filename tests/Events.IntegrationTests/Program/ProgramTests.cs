using System.Net;
using Events.Core.Common;
using Events.Core.Mail;
using Events.Core.Program;
using Events.Infrastructure.Program;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Program;

/// <summary>Programs from the organizer's edit to the published version the public and other systems read.</summary>
public sealed class ProgramTests : IDisposable
{
    private readonly EventsAppFactory app = new();

    public ProgramTests() => _ = app.Server;

    public void Dispose() => app.Dispose();

    private async Task<int> EventIdAsync(string slug)
    {
        await using var db = app.CreateDbContext();
        return await db.Events.Where(e => e.Slug == slug).Select(e => e.Id).SingleAsync();
    }

    private async Task<int> PersonIdAsync(string name)
    {
        await using var db = app.CreateDbContext();
        return await db.People.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
    }

    [Fact]
    public async Task Seeded_programs_are_published_as_version_1_and_have_no_conflicts()
    {
        var symposium = await EventIdAsync("regional-innovation-symposium-7");
        var versions = await app.Get<ProgramPublisher>().VersionsAsync(symposium);
        Assert.Equal(1, Assert.Single(versions).Number);
        Assert.Empty(await app.Get<ProgramService>().ConflictsAsync(symposium));

        var view = await app.Get<PublishedPrograms>().GetAsync("regional-innovation-symposium-7");
        Assert.NotNull(view);
        Assert.Equal(5, view.Sessions.Where(s => s.Kind == SessionKind.Keynote).SelectMany(s => s.Items).Count());
        var release = Assert.Single(view.Sessions, s => s.Kind == SessionKind.Release);
        Assert.Equal(4, release.Items.SelectMany(i => i.Publications).Count());
        var papers = Assert.Single(view.Sessions, s => s.Kind == SessionKind.PaperSession);
        Assert.Equal(12, papers.Items.SelectMany(i => i.Participants).Count(p => p.Role == ItemRole.Speaker && p.Person is null));
        Assert.Equal(["郭俊华", "唐家龙"], papers.Items.SelectMany(i => i.Participants).Where(p => p.Role == ItemRole.Discussant).Select(p => p.Person!.Name));
    }

    [Fact]
    public async Task A_sub_forum_slug_shows_only_its_own_sessions_of_the_parent_program()
    {
        var view = await app.Get<PublishedPrograms>().GetAsync("pujiang-forum-2024-regional");
        Assert.NotNull(view);
        var sub = await EventIdAsync("pujiang-forum-2024-regional");
        Assert.NotEmpty(view.Sessions);
        Assert.All(view.Sessions, s => Assert.Equal(sub, s.EventId));
        Assert.Contains(view.Sessions.SelectMany(s => s.Items).SelectMany(i => i.Participants), p => p.Person?.NameEn == "Gary Hack");
    }

    [Fact]
    public async Task Publishing_again_numbers_the_version_and_logs_what_moved_was_added_and_removed()
    {
        var root = await EventIdAsync("regional-innovation-symposium-7");
        var program = app.Get<ProgramService>();
        var view = (await program.TimetableAsync(root, root, new DateOnly(2023, 7, 29)))!;
        var opening = view.Sessions.First(s => s.Kind == SessionKind.Opening);
        var breakSession = view.Sessions.First(s => s.Kind == SessionKind.Break);

        // Move the opening by half an hour (the keynotes move too, to keep the program free of clashes).
        var input = (await program.LoadSessionAsync(opening.Id))!;
        input.StartTime = new TimeOnly(8, 30);
        input.EndTime = new TimeOnly(9, 0);
        Assert.Equal(SaveOutcome.Saved, (await program.SaveSessionAsync(TestActors.Admin, root, input)).Outcome);
        var removed = (await program.LoadSessionAsync(breakSession.Id))!;
        Assert.Equal(SaveOutcome.Saved, (await program.DeleteSessionAsync(TestActors.Admin, breakSession.Id, removed.ConcurrencyStamp)).Outcome);
        var added = new SessionInput { EventId = root, Kind = SessionKind.Closing, Title = "合影", Day = new DateOnly(2023, 7, 30), StartTime = new TimeOnly(12, 15), EndTime = new TimeOnly(12, 30) };
        Assert.Equal(SaveOutcome.Saved, (await program.SaveSessionAsync(TestActors.Admin, root, added)).Outcome);

        var result = await app.Get<ProgramPublisher>().PublishAsync(TestActors.Admin, root, "organizer@test", acknowledgeConflicts: false);

        Assert.Equal(PublishOutcome.Published, result.Outcome);
        Assert.Equal(2, result.Version);
        var v2 = (await app.Get<ProgramPublisher>().VersionsAsync(root))[0];
        Assert.Equal(2, v2.Number);
        Assert.Contains(v2.Changes, c => c.Kind == ChangeKind.Moved && c.SessionId == opening.Id && c.NewStart == c.OldStart!.Value.AddMinutes(-30));
        Assert.Contains(v2.Changes, c => c.Kind == ChangeKind.Removed && c.SessionId == breakSession.Id);
        Assert.Contains(v2.Changes, c => c.Kind == ChangeKind.Added && c.Title == "合影");
        Assert.Equal(3, v2.Changes.Count);

        var published = await app.Get<PublishedPrograms>().GetAsync("regional-innovation-symposium-7");
        Assert.Equal(2, published!.Snapshot.Version);
        Assert.DoesNotContain(published.Sessions, s => s.Id == breakSession.Id);
    }

    [Fact]
    public async Task People_whose_slots_changed_are_queued_a_held_notice_and_others_are_not()
    {
        var root = await EventIdAsync("regional-innovation-symposium-7");
        await using (var db = app.CreateDbContext())
        {
            foreach (var p in await db.People.Where(p => p.Name == "田云辉" || p.Name == "陈光").ToListAsync()) p.Email = $"{p.Id}@example.cn";
            await db.SaveChangesAsync();
        }
        var program = app.Get<ProgramService>();
        var view = (await program.TimetableAsync(root, root, new DateOnly(2023, 7, 29)))!;
        var opening = (await program.LoadSessionAsync(view.Sessions.First(s => s.Kind == SessionKind.Opening).Id))!;
        opening.Title = "开幕式（调整）";
        opening.Items[0].Title = "四川省科学技术厅致辞";
        Assert.Equal(SaveOutcome.Saved, (await program.SaveSessionAsync(TestActors.Admin, root, opening)).Outcome);

        var result = await app.Get<ProgramPublisher>().PublishAsync(TestActors.Admin, root, null, false);

        Assert.NotNull(result.NotificationBatch);
        await using var check = app.CreateDbContext();
        var mail = await check.OutboxMessages.Include(m => m.Recipients).Where(m => m.TemplateKey == MailTemplateKeys.ProgramChanged).ToListAsync();
        var only = Assert.Single(mail);
        Assert.Equal(OutboxState.Held, only.State);
        Assert.Equal($"{await PersonIdAsync("田云辉")}@example.cn", only.Recipients.Single().Address);
        Assert.Contains("开幕式（调整）", only.TextBody, StringComparison.Ordinal);
        Assert.Contains("第2版", only.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_publish_preview_counts_the_changes_names_who_has_no_email_and_a_draft_event_can_be_made_public()
    {
        var root = await EventIdAsync("regional-innovation-symposium-7");
        await using (var db = app.CreateDbContext())
        {
            foreach (var p in await db.People.Where(p => p.Name == "田云辉").ToListAsync()) p.Email = null;
            (await db.Events.SingleAsync(e => e.Id == root)).Status = Core.Events.EventStatus.Draft;
            await db.SaveChangesAsync();
        }
        var program = app.Get<ProgramService>();
        var view = (await program.TimetableAsync(root, root, new DateOnly(2023, 7, 29)))!;
        var opening = (await program.LoadSessionAsync(view.Sessions.First(s => s.Kind == SessionKind.Opening).Id))!;
        opening.Items[0].Title = "四川省科学技术厅致辞";
        Assert.Equal(SaveOutcome.Saved, (await program.SaveSessionAsync(TestActors.Admin, root, opening)).Outcome);
        var publisher = app.Get<ProgramPublisher>();

        var preview = (await publisher.PreviewAsync(root))!;

        Assert.False(preview.EventIsPublic);
        Assert.Equal((2, 0, 1, 0, 0), (preview.NextVersion, preview.Added, preview.Changed, preview.Moved, preview.Removed));
        Assert.Equal(["田云辉"], preview.WithoutEmail);
        Assert.Empty(preview.Notified);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/events/regional-innovation-symposium-7/program")).StatusCode);

        Assert.True(await publisher.MakeEventPublicAsync(TestActors.Admin, root));
        Assert.True((await publisher.PreviewAsync(root))!.EventIsPublic);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/events/regional-innovation-symposium-7/program")).StatusCode);
    }

    [Fact]
    public async Task A_draft_sub_forum_with_sessions_is_named_before_publishing_and_can_be_made_public_with_the_program()
    {
        var sub = await EventIdAsync("pujiang-forum-2024-regional");
        int root;
        string title;
        await using (var db = app.CreateDbContext())
        {
            var forum = await db.Events.SingleAsync(e => e.Id == sub);
            (root, title, forum.Status) = (forum.ParentEventId!.Value, forum.Title, Core.Events.EventStatus.Draft);
            await db.SaveChangesAsync();
        }
        var publisher = app.Get<ProgramPublisher>();
        var rootSlug = (await app.CreateDbContext().Events.SingleAsync(e => e.Id == root)).Slug;
        Assert.DoesNotContain((await app.Get<PublishedPrograms>().GetAsync(rootSlug))!.Sessions, s => s.EventId == sub);

        Assert.Equal([title], (await publisher.PreviewAsync(root))!.DraftForums);

        Assert.Equal(1, await publisher.MakeForumsPublicAsync(TestActors.Admin, root));
        Assert.Empty((await publisher.PreviewAsync(root))!.DraftForums);
        Assert.Contains((await app.Get<PublishedPrograms>().GetAsync(rootSlug))!.Sessions, s => s.EventId == sub);
    }

    [Fact]
    public async Task Publishing_with_a_conflict_needs_an_acknowledgement_and_records_it()
    {
        var root = await EventIdAsync("regional-innovation-symposium-7");
        var chen = await PersonIdAsync("陈光");
        var program = app.Get<ProgramService>();
        // 陈光 also speaks in a salon that overlaps his keynote.
        var clash = new SessionInput
        {
            EventId = root, Kind = SessionKind.Panel, Title = "临时对话", Day = new DateOnly(2023, 7, 29), StartTime = new TimeOnly(11, 0), EndTime = new TimeOnly(11, 30),
            Items = [new ItemInput { Title = "对话", Minutes = 30, Participants = [new ParticipantInput { PersonId = chen, Role = ItemRole.Panelist }] }],
        };
        Assert.Equal(SaveOutcome.Saved, (await program.SaveSessionAsync(TestActors.Admin, root, clash)).Outcome);
        var conflicts = await program.ConflictsAsync(root);
        Assert.Contains(conflicts, c => c.Conflict.Kind == Core.Program.Conflicts.ConflictKind.PersonDoubleBooked && c.PersonName == "陈光");

        var refused = await app.Get<ProgramPublisher>().PublishAsync(TestActors.Admin, root, null, acknowledgeConflicts: false);
        Assert.Equal(PublishOutcome.NeedsAcknowledgement, refused.Outcome);
        Assert.Single(await app.Get<ProgramPublisher>().VersionsAsync(root));

        var published = await app.Get<ProgramPublisher>().PublishAsync(TestActors.Admin, root, null, acknowledgeConflicts: true);
        Assert.Equal(PublishOutcome.Published, published.Outcome);
        Assert.True((await app.Get<ProgramPublisher>().VersionsAsync(root))[0].AcknowledgedConflicts);
    }

    [Fact]
    public async Task Draft_edits_do_not_reach_the_public_program_until_published()
    {
        var root = await EventIdAsync("regional-innovation-symposium-7");
        var program = app.Get<ProgramService>();
        var view = (await program.TimetableAsync(root, root, new DateOnly(2023, 7, 29)))!;
        var input = (await program.LoadSessionAsync(view.Sessions.First(s => s.Kind == SessionKind.Opening).Id))!;
        input.Title = "草稿中的新标题";
        await program.SaveSessionAsync(TestActors.Admin, root, input);

        var html = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync("/events/regional-innovation-symposium-7/program"));
        Assert.DoesNotContain("草稿中的新标题", html, StringComparison.Ordinal);
        Assert.Contains("开幕式", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_edited_by_two_organizers_at_once_reports_a_conflict_to_the_second()
    {
        var root = await EventIdAsync("regional-innovation-symposium-7");
        var program = app.Get<ProgramService>();
        var id = (await program.TimetableAsync(root, root, new DateOnly(2023, 7, 29)))!.Sessions[0].Id;
        var first = (await program.LoadSessionAsync(id))!;
        var second = (await program.LoadSessionAsync(id))!;
        first.Title = "甲的修改";
        second.Title = "乙的修改";
        Assert.Equal(SaveOutcome.Saved, (await program.SaveSessionAsync(TestActors.Admin, root, first)).Outcome);
        Assert.Equal(SaveOutcome.Conflict, (await program.SaveSessionAsync(TestActors.Admin, root, second)).Outcome);
        Assert.Equal("甲的修改", (await program.LoadSessionAsync(id))!.Title);
    }

    [Fact]
    public async Task A_sub_forum_session_may_use_the_parent_rooms_and_keeps_its_room_when_moved_between_forums_but_not_another_program_room()
    {
        var root = await EventIdAsync("pujiang-forum-2024");
        var sub = await EventIdAsync("pujiang-forum-2024-regional");
        var other = await EventIdAsync("regional-innovation-symposium-7");
        var program = app.Get<ProgramService>();
        var hall = (await program.AddRoomAsync(TestActors.Admin, root, "主会场", 300))!;
        var foreign = (await program.AddRoomAsync(TestActors.Admin, other, "别处的会场", null))!;
        var input = new SessionInput { EventId = sub, Kind = SessionKind.PaperSession, Title = "分论坛场次", Day = new DateOnly(2024, 9, 7), StartTime = new TimeOnly(20, 0), EndTime = new TimeOnly(21, 0), RoomId = hall.Id };
        Assert.Equal(SaveOutcome.Saved, (await program.SaveSessionAsync(TestActors.Admin, root, input)).Outcome);

        // Moved to the parent and back, the session keeps the shared room.
        var loaded = (await program.LoadSessionAsync(input.Id!.Value))!;
        loaded.EventId = root;
        Assert.Equal(SaveOutcome.Saved, (await program.SaveSessionAsync(TestActors.Admin, root, loaded)).Outcome);
        Assert.Equal(hall.Id, (await program.LoadSessionAsync(input.Id.Value))!.RoomId);

        var stray = (await program.LoadSessionAsync(input.Id.Value))!;
        stray.RoomId = foreign.Id;
        var refused = await program.SaveSessionAsync(TestActors.Admin, root, stray);
        Assert.Equal(SaveOutcome.Invalid, refused.Outcome);
        Assert.Equal("RoomNotInProgram", Assert.Single(refused.Violations).Code);
        Assert.Equal(hall.Id, (await program.LoadSessionAsync(input.Id.Value))!.RoomId);
    }

    [Fact]
    public async Task A_grid_move_saves_against_the_shown_stamp_tells_open_timetables_who_moved_it_and_undo_puts_it_back()
    {
        var root = await EventIdAsync("regional-innovation-symposium-7");
        var program = app.Get<ProgramService>();
        var live = app.Get<Events.Infrastructure.LiveUpdates.ILiveUpdates>();
        var told = new List<int>();
        using var subscription = live.Subscribe(ProgramService.LiveTopic, key => told.Add(key));
        var grid = (await program.GridAsync(root, null, new DateOnly(2023, 7, 29)))!;
        var session = grid.Sessions.First(s => s.Kind == SessionKind.Break);
        var actor = TestActors.AdminAs("mover");

        var moved = await program.MoveSessionAsync(actor, root, session.Id, session.Stamp, session.EventId, session.RoomId, session.Start.AddHours(5), session.End.AddHours(5).AddMinutes(10));

        Assert.Equal(SaveOutcome.Saved, moved.Outcome);
        Assert.Equal([root], told);
        var note = program.LastChange(root)!;
        Assert.Equal(("mover", ProgramEdit.Moved, session.Id), (note.UserId, note.Edit, note.SessionId));
        var after = (await program.GridAsync(root, null, new DateOnly(2023, 7, 29)))!.Sessions.Single(s => s.Id == session.Id);
        Assert.Equal((session.Start.AddHours(5), session.End.AddHours(5).AddMinutes(10)), (after.Start, after.End));
        // The stamp the grid showed before the move is stale now: a second organizer's drag from it is refused.
        Assert.Equal(SaveOutcome.Conflict, (await program.MoveSessionAsync(TestActors.AdminAs("other"), root, session.Id, session.Stamp, session.EventId, session.RoomId, session.Start, session.End)).Outcome);
        Assert.Equal(1, program.UndoCount("mover", root));
        Assert.Equal(0, program.UndoCount("other", root));

        Assert.Equal(SaveOutcome.Saved, (await program.UndoAsync(actor, root)).Outcome);
        var back = (await program.GridAsync(root, null, new DateOnly(2023, 7, 29)))!.Sessions.Single(s => s.Id == session.Id);
        Assert.Equal((session.Start, session.End, session.RoomId), (back.Start, back.End, back.RoomId));
        Assert.Equal(0, program.UndoCount("mover", root));
        Assert.Equal(SaveOutcome.NotFound, (await program.UndoAsync(actor, root)).Outcome);
    }

    [Fact]
    public async Task Undo_after_someone_else_changed_the_session_reports_a_conflict_and_overwrites_nothing()
    {
        var root = await EventIdAsync("regional-innovation-symposium-7");
        var program = app.Get<ProgramService>();
        var session = (await program.GridAsync(root, null, new DateOnly(2023, 7, 29)))!.Sessions.First(s => s.Kind == SessionKind.Break);
        var mover = TestActors.AdminAs("mover");
        Assert.Equal(SaveOutcome.Saved, (await program.MoveSessionAsync(mover, root, session.Id, session.Stamp, session.EventId, session.RoomId, session.Start.AddHours(5), session.End.AddHours(5))).Outcome);
        var edited = (await program.LoadSessionAsync(session.Id))!;
        edited.Title = "别人改过的茶歇";
        Assert.Equal(SaveOutcome.Saved, (await program.SaveSessionAsync(TestActors.AdminAs("other"), root, edited)).Outcome);

        Assert.Equal(SaveOutcome.Conflict, (await program.UndoAsync(mover, root)).Outcome);

        var now = (await program.GridAsync(root, null, new DateOnly(2023, 7, 29)))!.Sessions.Single(s => s.Id == session.Id);
        Assert.Equal(("别人改过的茶歇", session.Start.AddHours(5)), (now.Title, now.Start));
    }

    [Fact]
    public async Task A_session_time_is_read_in_the_event_time_zone_and_stored_as_UTC()
    {
        var root = await EventIdAsync("regional-innovation-symposium-7");
        var input = new SessionInput { EventId = root, Kind = SessionKind.Break, Title = "早茶", Day = new DateOnly(2023, 7, 30), StartTime = new TimeOnly(8, 0), EndTime = new TimeOnly(8, 30) };
        var id = (await app.Get<ProgramService>().SaveSessionAsync(TestActors.Admin, root, input)).Id;
        await using var db = app.CreateDbContext();
        var stored = await db.Sessions.SingleAsync(s => s.Id == id);
        Assert.Equal(new DateTimeOffset(2023, 7, 30, 0, 0, 0, TimeSpan.Zero), stored.Start.ToUniversalTime());
    }

    [Fact]
    public async Task A_session_past_midnight_saves_from_the_panel_reloads_as_ending_the_next_day_and_saves_again_after_an_edit()
    {
        var root = await EventIdAsync("regional-innovation-symposium-7");
        var program = app.Get<ProgramService>();
        var input = new SessionInput { EventId = root, Kind = SessionKind.Break, Title = "夜场交流", Day = new DateOnly(2023, 7, 29), StartTime = new TimeOnly(22, 0), EndTime = new TimeOnly(1, 0) };
        // Without the next-day mark an end before the start is a mistake, and says so.
        Assert.Equal(["EndBeforeStart"], (await program.SaveSessionAsync(TestActors.Admin, root, input)).Violations.Select(v => v.Code));

        input.EndsNextDay = true;
        var id = (await program.SaveSessionAsync(TestActors.Admin, root, input)).Id;

        await using (var db = app.CreateDbContext())
        {
            var stored = await db.Sessions.SingleAsync(s => s.Id == id);
            Assert.Equal((new DateTimeOffset(2023, 7, 29, 14, 0, 0, TimeSpan.Zero), new DateTimeOffset(2023, 7, 29, 17, 0, 0, TimeSpan.Zero)), (stored.Start.ToUniversalTime(), stored.End.ToUniversalTime()));
        }
        var loaded = (await program.LoadSessionAsync(id))!;
        Assert.Equal((new DateOnly(2023, 7, 29), new TimeOnly(22, 0), new TimeOnly(1, 0), true), (loaded.Day, loaded.StartTime, loaded.EndTime, loaded.EndsNextDay));
        loaded.Title = "夜场交流（改）";
        Assert.Equal(SaveOutcome.Saved, (await program.SaveSessionAsync(TestActors.Admin, root, loaded)).Outcome);

        // Past midnight, but longer than a day, is refused.
        loaded = (await program.LoadSessionAsync(id))!;
        loaded.EndTime = new TimeOnly(23, 0);
        Assert.Equal(["LongerThanADay"], (await program.SaveSessionAsync(TestActors.Admin, root, loaded)).Violations.Select(v => v.Code));
    }

    [Theory]
    [InlineData("/events/regional-innovation-symposium-7/schedule.xml", "application/xml")]
    [InlineData("/events/regional-innovation-symposium-7/schedule.json", "application/json")]
    [InlineData("/events/regional-innovation-symposium-7/schedule.ics", "text/calendar")]
    [InlineData("/events/regional-innovation-symposium-7/program.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("/events/pujiang-forum-2024-regional/schedule.ics", "text/calendar")]
    public async Task Exports_of_a_published_program_are_served_to_anyone(string url, string contentType)
    {
        var response = await app.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
    }

    [Theory]
    [InlineData("/events/no-such-event/schedule.xml")]
    [InlineData("/events/no-such-event/program")]
    [InlineData("/events/pujiang-forum-2024/schedule.json")]
    public async Task Exports_of_unknown_or_never_published_programs_are_not_found(string url)
    {
        // The 2024 forum itself has no sessions of its own, but its sub-forum's are in its program; a draft event has none.
        if (url.Contains("pujiang-forum-2024/", StringComparison.Ordinal))
        {
            await using var db = app.CreateDbContext();
            var ev = await db.Events.SingleAsync(e => e.Slug == "pujiang-forum-2024");
            ev.Status = Core.Events.EventStatus.Draft;
            await db.SaveChangesAsync();
        }
        var response = await app.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("regional-innovation-symposium-7")]
    [InlineData("pujiang-forum-2024")]
    [InlineData("pujiang-forum-2024-regional")]
    public async Task The_served_frab_exports_of_the_seeded_programs_validate_against_the_unchanged_schemas(string slug)
    {
        var client = app.CreateClient();
        var xml = await client.GetStringAsync($"/events/{slug}/schedule.xml");
        Assert.Empty(ExportTests.ValidateXml(xml));
        var json = await client.GetStringAsync($"/events/{slug}/schedule.json");
        Assert.Empty(ExportTests.ValidateJson(json));
        Assert.Contains("第七届全国区域创新学术研讨会", await client.GetStringAsync("/events/regional-innovation-symposium-7/schedule.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calendar_export_parses_and_its_times_match_the_published_program()
    {
        var ics = await app.CreateClient().GetStringAsync("/events/regional-innovation-symposium-7/schedule.ics");
        var calendar = Ical.Net.Calendar.Load(ics)!;
        var view = (await app.Get<PublishedPrograms>().GetAsync("regional-innovation-symposium-7"))!;
        Assert.Equal(view.Sessions.Count(), calendar.Events.Count);
        foreach (var session in view.Sessions)
        {
            var ev = Assert.Single(calendar.Events, e => e.Summary == session.Title && e.DtStart!.AsUtc == session.Start.UtcDateTime);
            Assert.Equal(session.End.UtcDateTime, ev.DtEnd!.AsUtc);
            Assert.Equal("Asia/Shanghai", ev.DtStart!.TzId);
        }
    }

    [Fact]
    public async Task A_personal_agenda_feed_lists_only_the_starred_sessions_and_a_wrong_token_finds_nothing()
    {
        var user = await TestUsers.CreateAsync(app, "attendee@agenda.test", [Core.Access.Roles.Attendee]);
        var agenda = app.Get<AgendaService>();
        var view = (await app.Get<PublishedPrograms>().GetAsync("regional-innovation-symposium-7"))!;
        var keynote = view.Sessions.First(s => s.Kind == SessionKind.Keynote);
        Assert.True(await agenda.ToggleAsync(user.Id, keynote.Id));
        var token = await agenda.FeedTokenAsync(user.Id);

        var ics = await app.CreateClient().GetStringAsync($"/events/regional-innovation-symposium-7/agenda/{token}.ics");
        var calendar = Ical.Net.Calendar.Load(ics)!;
        Assert.Equal(keynote.Title, Assert.Single(calendar.Events).Summary);

        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/events/regional-innovation-symposium-7/agenda/not-a-token.ics")).StatusCode);
        Assert.False(await agenda.ToggleAsync(user.Id, keynote.Id));
    }
}
