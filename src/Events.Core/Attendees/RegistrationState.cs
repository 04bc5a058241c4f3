namespace Events.Core.Attendees;

public enum RegistrationState
{
    Active,
    Cancelled,
}
