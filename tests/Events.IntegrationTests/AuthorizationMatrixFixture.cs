using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.Events;
using Events.Infrastructure.Attendees;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests;

/// <summary>One seeded app with a user per role, shared by every row of the matrix.</summary>
public class AuthorizationMatrixFixture : IAsyncLifetime
{
    public AuthorizationMatrixFixture() : this(new EventsAppFactory()) { }

    protected AuthorizationMatrixFixture(EventsAppFactory app) => App = app;

    public EventsAppFactory App { get; }
    public Dictionary<string, TestUser?> Users { get; } = [];
    public int SymposiumId { get; private set; }
    public int BulletinSeriesId { get; private set; }
    public int BulletinId { get; private set; }
    public int SessionId { get; private set; }
    public string DraftSlug { get; } = "draft-only-event";

    public async Task InitializeAsync()
    {
        _ = App.Server;
        Users["anonymous"] = null;
        Users["attendee"] = await TestUsers.CreateAsync(App, "attendee@test.local", [Roles.Attendee]);
        Users["author"] = await TestUsers.CreateAsync(App, "author@test.local", [Roles.Author]);
        Users["reviewer"] = await TestUsers.CreateAsync(App, "reviewer@test.local", [Roles.Reviewer]);
        Users["organizer-this"] = await TestUsers.CreateAsync(App, "org-this@test.local", [Roles.Organizer], "regional-innovation-symposium-7");
        Users["organizer-other"] = await TestUsers.CreateAsync(App, "org-other@test.local", [Roles.Organizer], "pujiang-forum-2024");
        Users["administrator"] = await TestUsers.CreateAsync(App, "admin2@test.local", [Roles.Administrator, Roles.Organizer]);

        await using var db = App.CreateDbContext();
        SymposiumId = await db.Events.Where(e => e.Slug == "regional-innovation-symposium-7").Select(e => e.Id).SingleAsync();
        BulletinSeriesId = await db.BulletinSeries.Where(s => s.Name == "浦江创新观察").Select(s => s.Id).SingleAsync();
        BulletinId = await db.Bulletins.Where(b => b.SeriesId == BulletinSeriesId).Select(b => b.Id).FirstAsync();
        SessionId = await db.Sessions.Where(s => s.EventId == SymposiumId).Select(s => s.Id).FirstAsync();
        db.Events.Add(new Event
        {
            Slug = DraftSlug,
            Title = "草稿活动",
            Kind = EventKind.Workshop,
            StartDate = new DateOnly(2027, 5, 1),
            EndDate = new DateOnly(2027, 5, 1),
            Status = EventStatus.Draft,
        });
        await db.SaveChangesAsync();

        // The attendee is registered for the symposium, so its attendee page (/me) answers for them and no one else.
        // The symposium is over and the service takes no registrations for it any more: the row is written directly.
        await App.Get<RegistrationSettingsEditor>().SaveAsync(TestActors.Admin, SymposiumId, new RegistrationSettingsInput { IsOpen = true });
        await TestEvents.AddRegistrationAsync(App, SymposiumId, Users["attendee"]!.Id);
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
