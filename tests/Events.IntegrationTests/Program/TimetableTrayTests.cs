using Events.Core.Access;
using Events.Core.Common;
using Events.Core.Papers;
using Events.Core.People;
using Events.Core.Program;
using Events.Core.Program.Conflicts;
using Events.Infrastructure.Identity;
using Events.Infrastructure.LiveUpdates;
using Events.Infrastructure.Program;
using Events.Infrastructure.Reviews;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Program;

/// <summary>The timetable's unscheduled tray and speakers' availability, through the services the page calls.</summary>
public sealed class TimetableTrayTests(EventsAppFactory app) : IClassFixture<EventsAppFactory>
{
    private static readonly DateOnly Day = new(2023, 7, 29);

    private async Task<int> RootAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Events.Where(e => e.Slug == "regional-innovation-symposium-7").Select(e => e.Id).SingleAsync();
    }

    /// <summary>An accepted paper of the event with one presenting author, not placed.</summary>
    private async Task<int> AcceptedPaperAsync(int eventId, string title, Decision? decision = Decision.AcceptOral)
    {
        await using var db = app.CreateDbContext();
        var number = (await db.Submissions.Where(s => s.EventId == eventId).Select(s => (int?)s.Number).MaxAsync() ?? 0) + 1;
        var paper = new Submission
        {
            EventId = eventId, Number = number, Title = title, Abstract = "摘要", SubmitterUserId = "submitter", Decision = decision,
            Authors = [new Author { Name = "作者" + number, Affiliation = "某研究院", Email = $"author{number}-{Guid.NewGuid():N}@test.local", IsPresenter = true }],
        };
        db.Submissions.Add(paper);
        await db.SaveChangesAsync();
        return paper.Id;
    }

    [Fact]
    public async Task The_tray_lists_accepted_unplaced_papers_and_sessions_without_a_time_and_drops_place_them()
    {
        var root = await RootAsync();
        var program = app.Get<ProgramService>();
        var placement = app.Get<PaperPlacement>();
        var paper = await AcceptedPaperAsync(root, "托盘中的论文");
        var rejected = await AcceptedPaperAsync(root, "未录用的论文", Decision.Reject);
        int timeless;
        await using (var db = app.CreateDbContext())
        {
            var at = new DateTimeOffset(2023, 7, 29, 1, 0, 0, TimeSpan.Zero);
            var session = new Session { EventId = root, Kind = SessionKind.Break, Title = "未定时间的茶歇", Start = at, End = at };
            db.Sessions.Add(session);
            await db.SaveChangesAsync();
            timeless = session.Id;
        }

        var (entries, papers, sessions) = await program.TrayAsync(root);
        Assert.Contains(entries, e => e is { Kind: TrayKind.Paper } && e.Id == paper);
        Assert.DoesNotContain(entries, e => e.Kind == TrayKind.Paper && e.Id == rejected);
        var waiting = Assert.Single(entries, e => e.Kind == TrayKind.Session);
        Assert.Equal((timeless, 1), (waiting.Id, sessions));
        Assert.True(papers >= 1);
        // A session without a time is in the tray, not on the grid.
        Assert.DoesNotContain((await program.GridAsync(root, null, Day))!.Sessions, s => s.Id == timeless);

        var live = app.Get<ILiveUpdates>();
        var told = new List<int>();
        using var subscription = live.Subscribe(ProgramService.LiveTopic, key => told.Add(key));
        var grid = (await program.GridAsync(root, null, Day))!;
        var room = grid.Rooms.First(r => r.EventId == root).Id;
        var start = ProgramTime.ToInstant(Day, new TimeOnly(19, 5), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

        // The paper dropped on an empty slot becomes a paper session of its own, holding it, snapped to five minutes.
        var placed = await placement.PlaceInNewSessionAsync(TestActors.AdminAs("tray"), root, paper, root, room, start);
        Assert.Equal(PlacementOutcome.Placed, placed.Outcome);
        var created = (await program.GridAsync(root, null, Day))!.Sessions.Single(s => s.Title == "托盘中的论文");
        Assert.Equal((SessionKind.PaperSession, room, start, start.AddMinutes(PaperPlacement.DefaultMinutes)), (created.Kind, created.RoomId, created.Start, created.End));
        Assert.Contains(root, told);
        Assert.Equal(ProgramEdit.Added, program.LastChange(root)!.Edit);
        Assert.DoesNotContain((await program.TrayAsync(root)).Entries, e => e.Kind == TrayKind.Paper && e.Id == paper);
        Assert.Equal(PlacementOutcome.AlreadyPlaced, (await placement.PlaceInNewSessionAsync(TestActors.Admin, root, paper, root, room, start.AddHours(1))).Outcome);

        // Undo takes the new session away again, and the paper goes back to the tray.
        Assert.Equal(SaveOutcome.Saved, (await program.UndoAsync(TestActors.AdminAs("tray"), root)).Outcome);
        Assert.Contains((await program.TrayAsync(root)).Entries, e => e.Kind == TrayKind.Paper && e.Id == paper);

        // The session without a time dropped on the grid gets one (with the stamp the tray showed; a stale one is refused).
        Assert.Equal(SaveOutcome.Conflict, (await program.MoveSessionAsync(TestActors.Admin, root, timeless, Guid.NewGuid(), root, room, start, start.AddMinutes(30))).Outcome);
        Assert.Equal(SaveOutcome.Saved, (await program.MoveSessionAsync(TestActors.Admin, root, timeless, waiting.Stamp, root, room, start, start.AddMinutes(30))).Outcome);
        Assert.Contains((await program.GridAsync(root, null, Day))!.Sessions, s => s.Id == timeless);
        Assert.DoesNotContain((await program.TrayAsync(root)).Entries, e => e.Kind == TrayKind.Session);
    }

    [Fact]
    public async Task A_paper_dropped_into_a_paper_session_becomes_its_last_talk()
    {
        var root = await RootAsync();
        var paper = await AcceptedPaperAsync(root, "放入场次的论文");
        var placement = app.Get<PaperPlacement>();
        var target = (await placement.SessionsAsync(root))[0];

        var placed = await placement.PlaceAsync(TestActors.Admin, root, paper, target.SessionId, null, []);

        Assert.Equal(PlacementOutcome.Placed, placed.Outcome);
        await using var db = app.CreateDbContext();
        var items = await db.SessionItems.Where(i => i.SessionId == target.SessionId).OrderBy(i => i.Order).ToListAsync();
        Assert.Equal("放入场次的论文", items[^1].Title);
    }

    [Fact]
    public async Task A_deleted_session_comes_back_with_undo_with_its_items_people_and_the_paper_it_presented()
    {
        var root = await RootAsync();
        var program = app.Get<ProgramService>();
        var placement = app.Get<PaperPlacement>();
        var paper = await AcceptedPaperAsync(root, "删除后撤销的论文");
        var actor = TestActors.AdminAs("deleter");
        var at = new DateTimeOffset(2023, 7, 29, 10, 0, 0, TimeSpan.Zero);
        var placed = await placement.PlaceInNewSessionAsync(actor, root, paper, root, null, at, 30);
        Assert.Equal(PlacementOutcome.Placed, placed.Outcome);
        await using var db = app.CreateDbContext();
        var sessionId = await db.SessionItems.Where(i => i.Id == placed.ItemId).Select(i => i.SessionId).SingleAsync();
        var before = (await program.LoadSessionAsync(sessionId))!;
        var steps = program.UndoCount("deleter", root);

        Assert.Equal(SaveOutcome.Saved, (await program.DeleteSessionAsync(actor, sessionId, before.ConcurrencyStamp)).Outcome);
        Assert.Null(await program.LoadSessionAsync(sessionId));
        Assert.Null(await db.Submissions.Where(p => p.Id == paper).Select(p => p.SessionItemId).SingleAsync());
        Assert.Equal(steps + 1, program.UndoCount("deleter", root));

        Assert.Equal(SaveOutcome.Saved, (await program.UndoAsync(actor, root)).Outcome);

        var item = await db.Submissions.Where(p => p.Id == paper).Select(p => p.SessionItemId).SingleAsync();
        Assert.NotNull(item);
        var back = (await program.LoadSessionAsync(await db.SessionItems.Where(i => i.Id == item).Select(i => i.SessionId).SingleAsync()))!;
        Assert.Equal((before.Title, before.Day, before.StartTime, before.EndTime, before.RoomId, before.EventId), (back.Title, back.Day, back.StartTime, back.EndTime, back.RoomId, back.EventId));
        Assert.Equal(before.Items.Select(i => (i.Title, i.Minutes, string.Join(",", i.Participants.Select(p => p.PersonId)))),
            back.Items.Select(i => (i.Title, i.Minutes, string.Join(",", i.Participants.Select(p => p.PersonId)))));
        Assert.Equal(ProgramEdit.Undone, program.LastChange(root)!.Edit);
        // Bringing it back is not itself a step: the stack is where it was before the delete.
        Assert.Equal(steps, program.UndoCount("deleter", root));
    }

    [Fact]
    public async Task Availability_entered_for_a_speaker_reports_their_sessions_outside_it_and_clears_when_widened()
    {
        var root = await RootAsync();
        var program = app.Get<ProgramService>();
        var grid = (await program.GridAsync(root, root, Day))!;
        var keynote = grid.Sessions.First(s => s.Kind == SessionKind.Keynote);
        var speaker = (await program.LoadSessionAsync(keynote.Id))!.Items.SelectMany(i => i.Participants).First(p => p.PersonId is not null).PersonId!.Value;
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(keynote.Start, zone).DateTime);
        var told = new List<int>();
        using var subscription = app.Get<ILiveUpdates>().Subscribe(ProgramService.LiveTopic, key => told.Add(key));

        var view = (await program.AvailabilityAsync(root, speaker))!;
        Assert.Empty(view.Ranges);
        // Available only in the evening: the morning keynote is outside it.
        var saved = await program.SaveAvailabilityAsync(TestActors.AdminAs("planner"), root, speaker, view.Version, [new AvailabilityInput(Day, new TimeOnly(18, 0), TimeOnly.MinValue)]);
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        Assert.Contains(root, told);
        Assert.Equal((ProgramEdit.Availability, "planner"), (program.LastChange(root)!.Edit, program.LastChange(root)!.UserId));
        var conflicts = await program.ConflictsAsync(root);
        Assert.Contains(conflicts, c => c.Conflict == new Conflict(ConflictKind.OutsideAvailability, keynote.Id, PersonId: speaker));

        // A save against the version loaded before is someone else's stale edit: refused, nothing written.
        Assert.Equal(SaveOutcome.Conflict, (await program.SaveAvailabilityAsync(TestActors.Admin, root, speaker, view.Version, [])).Outcome);
        var reloaded = (await program.AvailabilityAsync(root, speaker))!;
        Assert.Equal(new AvailabilityInput(Day, new TimeOnly(18, 0), TimeOnly.MinValue), Assert.Single(reloaded.Ranges));

        // Bad input is named and saves nothing.
        var invalid = await program.SaveAvailabilityAsync(TestActors.Admin, root, speaker, reloaded.Version,
            [new AvailabilityInput(Day.AddDays(-5), new TimeOnly(9, 0), new TimeOnly(10, 0)), new AvailabilityInput(Day, new TimeOnly(11, 0), new TimeOnly(10, 0))]);
        Assert.Equal(["OutsideEventDays", "EndBeforeStart"], invalid.Violations.Select(v => v.Code));
        // The same hours twice, or a range inside a longer one of the same day, are named; touching ranges are fine.
        var overlapping = await program.SaveAvailabilityAsync(TestActors.Admin, root, speaker, reloaded.Version,
            [new AvailabilityInput(Day, new TimeOnly(9, 0), new TimeOnly(17, 0)), new AvailabilityInput(Day, new TimeOnly(10, 0), new TimeOnly(11, 0)),
             new AvailabilityInput(Day, new TimeOnly(14, 0), new TimeOnly(15, 0)), new AvailabilityInput(Day, new TimeOnly(17, 0), TimeOnly.MinValue),
             new AvailabilityInput(Day, new TimeOnly(17, 0), TimeOnly.MinValue)]);
        Assert.Equal([("Ranges[1].From", "OverlapsAnother"), ("Ranges[2].From", "OverlapsAnother"), ("Ranges[4].From", "OverlapsAnother")],
            overlapping.Violations.Select(v => (v.Field, v.Code)));
        Assert.Equal(new AvailabilityInput(Day, new TimeOnly(18, 0), TimeOnly.MinValue), Assert.Single((await program.AvailabilityAsync(root, speaker))!.Ranges));

        var widened = await program.SaveAvailabilityAsync(TestActors.Admin, root, speaker, reloaded.Version,
            [new AvailabilityInput(Day, local.AddHours(-1), new TimeOnly(12, 0)), new AvailabilityInput(Day, new TimeOnly(12, 0), TimeOnly.MinValue)]);
        Assert.Equal(SaveOutcome.Saved, widened.Outcome);
        Assert.DoesNotContain(await program.ConflictsAsync(root), c => c.Conflict.Kind == ConflictKind.OutsideAvailability && c.Conflict.PersonId == speaker);
    }

    [Fact]
    public async Task A_speaker_signed_in_with_their_confirmed_address_edits_their_own_availability_and_nobody_elses()
    {
        var root = await RootAsync();
        var program = app.Get<ProgramService>();
        var keynote = (await program.GridAsync(root, root, Day))!.Sessions.First(s => s.Kind == SessionKind.Keynote);
        var people = (await program.LoadSessionAsync(keynote.Id))!.Items.SelectMany(i => i.Participants).Select(p => p.PersonId).OfType<int>().Distinct().ToList();
        var (speaker, other) = (people[0], (await program.ProgramPeopleAsync(root, null, 50)).First(p => p.Id != people[0]).Id);
        var email = $"speaker-{Guid.NewGuid():N}@test.local";
        await using (var db = app.CreateDbContext())
        {
            (await db.People.SingleAsync(p => p.Id == speaker)).Email = email;
            db.Users.Add(new AppUser { Id = "speaker-user", UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true });
            db.Users.Add(new AppUser { Id = "unconfirmed-user", UserName = "x" + email, Email = email, EmailConfirmed = false });
            await db.SaveChangesAsync();
        }
        var self = new Actor("speaker-user", false, false);

        var mine = Assert.Single(await program.SpeakingEventsAsync("speaker-user"), e => e.RootId == root);
        Assert.Equal(speaker, mine.PersonId);
        Assert.Empty(await program.SpeakingEventsAsync("unconfirmed-user"));
        var view = (await program.AvailabilityAsync(root, speaker))!;
        Assert.Equal(SaveOutcome.Saved, (await program.SaveAvailabilityAsync(self, root, speaker, view.Version, [new AvailabilityInput(Day, new TimeOnly(8, 0), new TimeOnly(20, 0))])).Outcome);

        var otherView = (await program.AvailabilityAsync(root, other))!;
        await Assert.ThrowsAsync<AccessDeniedException>(() => program.SaveAvailabilityAsync(self, root, other, otherView.Version, []));
        await Assert.ThrowsAsync<AccessDeniedException>(() => program.SaveAvailabilityAsync(new Actor("unconfirmed-user", false, false), root, speaker, "", []));
    }
}
