namespace Events.Core.Events;

public enum EventKind
{
    Symposium,
    Forum,
    SubForum,
    Salon,
    Workshop,
}
