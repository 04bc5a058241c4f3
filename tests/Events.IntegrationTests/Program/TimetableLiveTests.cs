using Events.Core.Common;
using Events.Core.Papers;
using Events.Core.Program;
using Events.Infrastructure.Program;
using Events.Infrastructure.Reviews;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Program;

/// <summary>
/// The live timetable's incremental path (change notices naming the sessions, conflicts kept in memory and rechecked for the
/// change) and sending sessions and papers back to the unscheduled tray, through the services the page calls.
/// </summary>
public sealed class TimetableLiveTests(EventsAppFactory app) : IClassFixture<EventsAppFactory>
{
    private static readonly DateOnly Day = new(2023, 7, 29);
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private async Task<int> RootAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Events.Where(e => e.Slug == "regional-innovation-symposium-7").Select(e => e.Id).SingleAsync();
    }

    [Fact]
    public async Task Each_change_notice_names_its_session_and_the_kept_conflicts_equal_a_full_check()
    {
        var root = await RootAsync();
        var program = app.Get<ProgramService>();
        await program.ConflictsAsync(root);
        var grid = (await program.GridAsync(root, null, Day))!;
        var sessions = grid.Sessions.Where(s => s.RoomId is not null).Take(4).ToList();
        Assert.Equal(4, sessions.Count);
        var target = sessions[0];

        // Three moves: onto another session's room and time (a clash), somewhere else, and back; each checked incrementally.
        var moves = new[]
        {
            (sessions[1].RoomId, sessions[1].Start, sessions[1].Start + (target.End - target.Start)),
            (sessions[2].RoomId, sessions[2].Start.AddMinutes(5), sessions[2].Start.AddMinutes(35)),
            (target.RoomId, target.Start, target.End),
        };
        var stamp = target.Stamp;
        var first = true;
        foreach (var (room, start, end) in moves)
        {
            var before = program.Sequence;
            var moved = await program.MoveSessionAsync(TestActors.AdminAs("live"), root, target.Id, stamp, target.EventId, room, start, end);
            Assert.Equal(SaveOutcome.Saved, moved.Outcome);

            var note = Assert.Single(program.ChangesSince(root, before)!);
            Assert.Equal((ProgramEdit.Moved, target.Id, false), (note.Edit, Assert.Single(note.SessionIds!), note.Tray));
            var patched = Assert.Single(await program.GridSessionsAsync(root, grid.Forums.Select(f => f.EventId).ToList(), Day, [target.Id]));
            Assert.Equal((room, start, end), (patched.RoomId, patched.Start, patched.End));
            stamp = patched.Stamp;

            var kept = await program.CurrentConflictsAsync(root);
            var full = await program.ConflictsAsync(root);
            Assert.Equal(full.Select(c => (c.Conflict, c.SessionTitle, c.OtherTitle, c.PersonName, c.RoomName)), kept.Select(c => (c.Conflict, c.SessionTitle, c.OtherTitle, c.PersonName, c.RoomName)));
            // The first move put it on top of another session in that room: the kept check saw the clash.
            if (first) Assert.Contains(kept, c => c.Conflict.Kind == Events.Core.Program.Conflicts.ConflictKind.RoomDoubleBooked
                && new[] { c.Conflict.SessionId, c.Conflict.OtherSessionId }.Contains(target.Id) && new[] { c.Conflict.SessionId, c.Conflict.OtherSessionId }.Contains(sessions[1].Id));
            first = false;
        }
    }

    [Fact]
    public async Task A_room_added_or_removed_tells_every_open_timetable_to_reload_naming_who_and_which_room()
    {
        var root = await RootAsync();
        var program = app.Get<ProgramService>();
        var told = new List<int>();
        using var subscription = app.Get<Events.Infrastructure.LiveUpdates.ILiveUpdates>().Subscribe(ProgramService.LiveTopic, key => told.Add(key));
        var before = program.Sequence;

        var room = await program.AddRoomAsync(TestActors.AdminAs("rooms"), root, "临时第二会议室", 40);

        Assert.NotNull(room);
        var added = Assert.Single(program.ChangesSince(root, before)!);
        // A notice naming no sessions is the screens' cue to reload everything, columns included.
        Assert.Equal((ProgramEdit.RoomAdded, "rooms", "临时第二会议室", (IReadOnlyList<int>?)null), (added.Edit, added.UserId, added.SessionTitle, added.SessionIds));
        Assert.Contains(root, told);

        before = program.Sequence;
        await program.RemoveRoomAsync(TestActors.AdminAs("rooms"), root, room.Id);
        var removed = Assert.Single(program.ChangesSince(root, before)!);
        Assert.Equal((ProgramEdit.RoomRemoved, "临时第二会议室", (IReadOnlyList<int>?)null), (removed.Edit, removed.SessionTitle, removed.SessionIds));

        // Removing a room that is already gone changes nothing and tells nobody.
        before = program.Sequence;
        await program.RemoveRoomAsync(TestActors.AdminAs("rooms"), root, room.Id);
        Assert.Empty(program.ChangesSince(root, before)!);
    }

    [Fact]
    public async Task A_screen_too_far_behind_is_told_to_reload_everything()
    {
        var root = await RootAsync();
        var program = app.Get<ProgramService>();
        var session = (await program.GridAsync(root, null, Day))!.Sessions[0];
        var before = program.Sequence;
        var stamp = session.Stamp;
        for (var i = 0; i <= ProgramService.ChangeLogDepth; i++)
        {
            var result = await program.MoveSessionAsync(TestActors.Admin, root, session.Id, stamp, session.EventId, session.RoomId, session.Start.AddMinutes(5 * (i % 2 + 1)), session.End.AddMinutes(5 * (i % 2 + 1)));
            Assert.Equal(SaveOutcome.Saved, result.Outcome);
            stamp = (await program.LoadSessionAsync(session.Id))!.ConcurrencyStamp;
        }
        Assert.Null(program.ChangesSince(root, before));
        Assert.Equal(ProgramService.ChangeLogDepth, program.ChangesSince(root, program.Sequence - ProgramService.ChangeLogDepth)!.Count);
        Assert.Equal(SaveOutcome.Saved, (await program.MoveSessionAsync(TestActors.Admin, root, session.Id, stamp, session.EventId, session.RoomId, session.Start, session.End)).Outcome);
    }

    [Fact]
    public async Task A_session_sent_back_to_the_tray_leaves_the_grid_and_undo_puts_it_back()
    {
        var root = await RootAsync();
        var program = app.Get<ProgramService>();
        await program.ConflictsAsync(root);
        var session = (await program.GridAsync(root, null, Day))!.Sessions.Last(s => s.RoomId is not null);
        var actor = TestActors.AdminAs("tray-back");

        Assert.Equal(SaveOutcome.Conflict, (await program.UnscheduleSessionAsync(actor, root, session.Id, Guid.NewGuid())).Outcome);
        var before = program.Sequence;
        Assert.Equal(SaveOutcome.Saved, (await program.UnscheduleSessionAsync(actor, root, session.Id, session.Stamp)).Outcome);

        var note = Assert.Single(program.ChangesSince(root, before)!);
        Assert.Equal((ProgramEdit.Unscheduled, session.Id, true), (note.Edit, Assert.Single(note.SessionIds!), note.Tray));
        Assert.DoesNotContain((await program.GridAsync(root, null, Day))!.Sessions, s => s.Id == session.Id);
        Assert.Contains((await program.TrayAsync(root)).Entries, e => e.Kind == TrayKind.Session && e.Id == session.Id);
        // Without a length it clashes with nothing (its items may still not fit, as the detector says of any such session).
        var kept = await program.CurrentConflictsAsync(root);
        Assert.DoesNotContain(kept, c => c.Conflict.OtherSessionId is not null && (c.Conflict.SessionId == session.Id || c.Conflict.OtherSessionId == session.Id));
        Assert.Equal((await program.ConflictsAsync(root)).Select(c => c.Conflict), kept.Select(c => c.Conflict));
        var stored = (await program.LoadSessionAsync(session.Id))!;
        Assert.Equal((session.EventId, session.RoomId), (stored.EventId, stored.RoomId));

        Assert.Equal(SaveOutcome.Saved, (await program.UndoAsync(actor, root)).Outcome);
        var back = Assert.Single((await program.GridAsync(root, null, Day))!.Sessions, s => s.Id == session.Id);
        Assert.Equal((session.RoomId, session.Start, session.End), (back.RoomId, back.Start, back.End));
        Assert.DoesNotContain((await program.TrayAsync(root)).Entries, e => e.Kind == TrayKind.Session && e.Id == session.Id);
        var full = await program.ConflictsAsync(root);
        Assert.Equal(full.Select(c => c.Conflict), (await program.CurrentConflictsAsync(root)).Select(c => c.Conflict));
    }

    [Fact]
    public async Task A_paper_sent_back_to_the_tray_leaves_its_session_and_is_kept()
    {
        var root = await RootAsync();
        var program = app.Get<ProgramService>();
        var placement = app.Get<PaperPlacement>();
        int paper;
        await using (var db = app.CreateDbContext())
        {
            var number = (await db.Submissions.Where(s => s.EventId == root).Select(s => (int?)s.Number).MaxAsync() ?? 0) + 1;
            var submission = new Submission
            {
                EventId = root, Number = number, Title = "退回待安排的论文", Abstract = "摘要", SubmitterUserId = "submitter", Decision = Decision.AcceptOral,
                Authors = [new Author { Name = "退回作者", Affiliation = "某研究院", Email = $"back-{Guid.NewGuid():N}@test.local", IsPresenter = true }],
            };
            db.Submissions.Add(submission);
            await db.SaveChangesAsync();
            paper = submission.Id;
        }
        var target = (await placement.SessionsAsync(root))[0];
        var placed = await placement.PlaceAsync(TestActors.Admin, root, paper, target.SessionId, null, []);
        Assert.Equal(PlacementOutcome.Placed, placed.Outcome);
        var item = placed.ItemId!.Value;
        Assert.Contains(item, await program.PaperItemIdsAsync(target.SessionId));
        var input = (await program.LoadSessionAsync(target.SessionId))!;
        var items = input.Items.Count;

        Assert.Equal(SaveOutcome.Conflict, (await program.ReturnPaperToTrayAsync(TestActors.Admin, root, target.SessionId, item, Guid.NewGuid())).Outcome);
        Assert.Equal(SaveOutcome.Saved, (await program.ReturnPaperToTrayAsync(TestActors.Admin, root, target.SessionId, item, input.ConcurrencyStamp)).Outcome);

        var after = (await program.LoadSessionAsync(target.SessionId))!;
        Assert.Equal(items - 1, after.Items.Count);
        Assert.DoesNotContain(after.Items, i => i.Id == item);
        Assert.Contains((await program.TrayAsync(root, take: 1000)).Entries, e => e.Kind == TrayKind.Paper && e.Id == paper);
        await using var check = app.CreateDbContext();
        Assert.Null(await check.Submissions.Where(s => s.Id == paper).Select(s => s.SessionItemId).SingleAsync());
        // An item that holds no paper is not sent back this way.
        Assert.Equal(SaveOutcome.NotFound, (await program.ReturnPaperToTrayAsync(TestActors.Admin, root, target.SessionId, item, after.ConcurrencyStamp)).Outcome);
    }
}
