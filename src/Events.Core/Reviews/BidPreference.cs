namespace Events.Core.Reviews;

/// <summary>A reviewer's wish about one paper. <see cref="Conflict"/> is a declared conflict of interest, never assigned.</summary>
public enum BidPreference
{
    Willing = 0,
    Eager = 1,
    NotWilling = 2,
    Conflict = 3,
}
