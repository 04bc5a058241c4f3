using Events.Core.Common;
using Events.Core.People;
using Events.Infrastructure.Events;
using Events.Infrastructure.People;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests;

/// <summary>Two organizers edit the same record; the second save must be refused, never silently win.</summary>
public sealed class ConcurrencyTests(EventsAppFactory app) : IClassFixture<EventsAppFactory>
{
    [Fact]
    public async Task Saving_an_event_someone_else_changed_meanwhile_reports_a_conflict_and_keeps_their_change()
    {
        _ = app.Server;
        var editor = app.Get<EventEditor>();
        int id;
        await using (var db = app.CreateDbContext())
        {
            id = await db.Events.Where(e => e.Slug == "pujiang-forum-2024").Select(e => e.Id).SingleAsync();
        }
        var first = (await editor.LoadAsync(id))!;
        var second = (await editor.LoadAsync(id))!;

        first.Venue = "第一位组织者的会场";
        Assert.Equal(SaveOutcome.Saved, (await editor.SaveAsync(TestActors.AdminAs("user-1"), first)).Outcome);

        second.Venue = "第二位组织者的会场";
        Assert.Equal(SaveOutcome.Conflict, (await editor.SaveAsync(TestActors.AdminAs("user-2"), second)).Outcome);
        Assert.Equal("第二位组织者的会场", second.Venue);

        Assert.Equal("第一位组织者的会场", (await editor.LoadAsync(id))!.Venue);
    }

    [Fact]
    public async Task A_change_to_units_alone_is_also_checked_for_conflicts()
    {
        _ = app.Server;
        var editor = app.Get<EventEditor>();
        int id;
        await using (var db = app.CreateDbContext())
        {
            id = await db.Events.Where(e => e.Slug == "regional-innovation-symposium-7").Select(e => e.Id).SingleAsync();
        }
        var first = (await editor.LoadAsync(id))!;
        var second = (await editor.LoadAsync(id))!;
        first.Units[Events.Core.Events.OrganizerRole.Host].Reverse();
        Assert.Equal(SaveOutcome.Saved, (await editor.SaveAsync(TestActors.AdminAs("user-1"), first)).Outcome);

        second.Units[Events.Core.Events.OrganizerRole.Host].RemoveAt(0);
        Assert.Equal(SaveOutcome.Conflict, (await editor.SaveAsync(TestActors.AdminAs("user-2"), second)).Outcome);
        Assert.Equal(4, (await editor.LoadAsync(id))!.Units[Events.Core.Events.OrganizerRole.Host].Count);
    }

    [Fact]
    public async Task Saving_a_person_someone_else_changed_meanwhile_reports_a_conflict()
    {
        _ = app.Server;
        var people = app.Get<PersonService>();
        var created = new PersonInput { Name = "测试嘉宾", Positions = [new PositionInput { Title = "研究员" }] };
        var id = (await people.SaveAsync(TestActors.Admin, created)).Id;

        var first = (await people.LoadAsync(id))!;
        var second = (await people.LoadAsync(id))!;
        first.Positions.Add(new PositionInput { Title = "教授" });
        Assert.Equal(SaveOutcome.Saved, (await people.SaveAsync(TestActors.Admin, first)).Outcome);

        second.Bio = "另一位组织者写的简介";
        Assert.Equal(SaveOutcome.Conflict, (await people.SaveAsync(TestActors.Admin, second)).Outcome);

        var stored = (await people.GetAsync(id))!;
        Assert.Null(stored.Bio);
        Assert.Equal("研究员、教授", stored.DisplayTitle);
    }

    [Fact]
    public async Task After_a_successful_save_the_same_form_can_save_again()
    {
        _ = app.Server;
        var people = app.Get<PersonService>();
        var input = new PersonInput { Name = "连续保存" };
        Assert.Equal(SaveOutcome.Saved, (await people.SaveAsync(TestActors.Admin, input)).Outcome);
        input.Bio = "第二次保存";
        Assert.Equal(SaveOutcome.Saved, (await people.SaveAsync(TestActors.Admin, input)).Outcome);
    }
}
