using Events.IntegrationTests.Infrastructure;

namespace Events.IntegrationTests.Reviews;

/// <summary>One app with the review scenario, shared by every row of the papers authorization matrix.</summary>
public sealed class ReviewAuthorizationFixture : IAsyncLifetime
{
    public EventsAppFactory App { get; } = new();
    public ReviewScenario Scenario { get; private set; } = default!;
    public Dictionary<string, TestUser?> Users { get; } = [];

    public async Task InitializeAsync()
    {
        _ = App.Server;
        Scenario = await ReviewScenario.CreateAsync(App);
        Users["anonymous"] = null;
        Users["author"] = Scenario.Author;
        Users["other-author"] = Scenario.OtherAuthor;
        Users["reviewer"] = Scenario.Reviewer;
        Users["conflicted-reviewer"] = Scenario.ConflictedReviewer;
        Users["organizer-this"] = Scenario.OrganizerThis;
        Users["organizer-other"] = Scenario.OrganizerOther;
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
