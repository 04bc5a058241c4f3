namespace Events.Infrastructure.LiveUpdates;

/// <summary>
/// Pushes "this changed" to open organizer pages instead of each page polling the database. A topic names a kind of
/// change and the key says which record; subscribers reload what they show. The in-process implementation serves one
/// instance; with several, an implementation over a backplane (Redis, SQL Server) fans the same calls out.
/// </summary>
public interface ILiveUpdates
{
    void Notify(string topic, int key);

    /// <summary>Calls <paramref name="changed"/> with the key of each change on <paramref name="topic"/> until disposed. Handlers must not block.</summary>
    IDisposable Subscribe(string topic, Action<int> changed);
}
