using System.Linq.Expressions;

namespace Events.Core.Attendees;

/// <summary>When an event takes one more registration.</summary>
public static class RegistrationRules
{
    /// <summary>
    /// The first reason a registration is refused, or null when it may be taken. The order is the order an attendee
    /// can act on: an unpublished event is not there at all; someone already registered needs no seat; a closed
    /// registration is closed whether or not seats are left.
    /// </summary>
    public static RegistrationRefusal? Refusal(bool eventIsPublic, RegistrationSettings? settings, bool alreadyRegistered, DateTimeOffset now, bool eventEnded = false)
    {
        if (!eventIsPublic) return RegistrationRefusal.NotPublished;
        if (eventEnded) return RegistrationRefusal.EventEnded;
        if (alreadyRegistered) return RegistrationRefusal.AlreadyRegistered;
        if (settings is null || !settings.IsOpen) return RegistrationRefusal.NotOpen;
        if (settings.ClosesAt is { } closes && closes <= now) return RegistrationRefusal.DeadlinePassed;
        if (settings.Capacity is { } capacity && settings.SeatsTaken >= capacity) return RegistrationRefusal.Full;
        return null;
    }

    /// <summary>
    /// The same open, deadline and capacity rule as a predicate the database evaluates inside the update that takes
    /// the seat, so two people asking for the last seat at once cannot both get it.
    /// </summary>
    public static Expression<Func<RegistrationSettings, bool>> HasSeatAt(DateTimeOffset now) =>
        s => s.IsOpen && (s.ClosesAt == null || s.ClosesAt > now) && (s.Capacity == null || s.SeatsTaken < s.Capacity);

    /// <summary>
    /// Whether the registrant may still change their own registration (edit the 回执, cancel, hand the place over):
    /// null when they may, else why not. The event's end closes it whatever the setting says.
    /// </summary>
    public static RegistrationRefusal? SelfServiceRefusal(RegistrationSettings? settings, bool eventEnded, DateTimeOffset now)
    {
        if (eventEnded) return RegistrationRefusal.EventEnded;
        if (settings?.SelfServiceUntil is { } until && until <= now) return RegistrationRefusal.SelfServiceClosed;
        return null;
    }

    /// <summary>The same category rule as a predicate: a seat is left in the category.</summary>
    public static Expression<Func<RegistrationCategory, bool>> CategoryHasSeat() =>
        c => !c.IsClosed && (c.Capacity == null || c.SeatsTaken < c.Capacity);

    /// <summary>Seats left; null when there is no limit. Never negative, even after an organizer lowered the capacity.</summary>
    public static int? SeatsLeft(int? capacity, int taken) => capacity is { } c ? Math.Max(0, c - taken) : null;
}
