namespace Events.Core.OnSite;

/// <summary>
/// One person let in (签到): at the event's entrance (<see cref="SessionId"/> 0) or at one session. The database holds
/// at most one per registration and place, so a second scan, a second staff phone or a replayed offline scan counts
/// nothing twice.
/// </summary>
public class CheckIn
{
    public const int Entrance = 0;

    public int Id { get; set; }
    public int EventId { get; set; }
    public int RegistrationId { get; set; }

    /// <summary>0 for the event's entrance, otherwise the session's id.</summary>
    public int SessionId { get; set; }

    public DateTimeOffset CheckedInAt { get; set; }
    public required string ByUserId { get; set; }
    public required string ByName { get; set; }

    /// <summary>The id the staff device gave the scan, so a scan sent again after a lost connection is recognised.</summary>
    public string? ClientScanId { get; set; }

    public CheckInMethod Method { get; set; }
}

public enum CheckInMethod
{
    Camera,
    Scanner,
    Search,
}

/// <summary>
/// What a registration is on the day (speaker or delegate, <c>IBadgeBands</c> in Infrastructure), counted at the door.
/// A badge prints this band's colour and word only when its registration has no category: a category's own design wins.
/// </summary>
public enum BadgeBand
{
    Delegate,
    Speaker,
    Guest,
    Staff,
}
