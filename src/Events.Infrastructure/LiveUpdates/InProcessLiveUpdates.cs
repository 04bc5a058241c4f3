using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Events.Infrastructure.LiveUpdates;

/// <summary>Live updates within this process: a notification reaches every subscriber of its topic at once.</summary>
public sealed class InProcessLiveUpdates : ILiveUpdates
{
    private readonly ConcurrentDictionary<string, ImmutableList<Action<int>>> subscribers = new();

    public void Notify(string topic, int key)
    {
        if (!subscribers.TryGetValue(topic, out var handlers)) return;
        foreach (var handler in handlers) handler(key);
    }

    public IDisposable Subscribe(string topic, Action<int> changed)
    {
        subscribers.AddOrUpdate(topic, _ => [changed], (_, list) => list.Add(changed));
        return new Subscription(() => subscribers.AddOrUpdate(topic, _ => [], (_, list) => list.Remove(changed)));
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) unsubscribe();
        }
    }
}
