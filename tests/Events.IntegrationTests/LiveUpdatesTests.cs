using Events.Infrastructure.LiveUpdates;

namespace Events.IntegrationTests;

public sealed class LiveUpdatesTests
{
    [Fact]
    public void A_notification_reaches_the_subscribers_of_its_topic_until_they_unsubscribe()
    {
        var live = new InProcessLiveUpdates();
        var seen = new List<string>();
        var first = live.Subscribe("builds", key => seen.Add($"first {key}"));
        using var second = live.Subscribe("builds", key => seen.Add($"second {key}"));
        using var other = live.Subscribe("outbox", key => seen.Add($"other {key}"));

        live.Notify("builds", 7);
        first.Dispose();
        live.Notify("builds", 8);

        Assert.Equal(["first 7", "second 7", "second 8"], seen);
    }
}
