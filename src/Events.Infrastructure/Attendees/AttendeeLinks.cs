namespace Events.Infrastructure.Attendees;

/// <summary>The attendee pages' paths, shared by the pages, the mail and the downloads.</summary>
public static class AttendeeLinks
{
    public static string Event(string slug) => $"/events/{Uri.EscapeDataString(slug)}";
    public static string Register(string slug) => $"{Event(slug)}/register";
    public static string MyEvent(string slug) => $"{Event(slug)}/me";

    /// <summary>The attendee's page with the cancel confirmation open; cancelling itself is a button there, never a GET.</summary>
    public static string Cancel(string slug) => $"{MyEvent(slug)}?cancel=1";

    public static string Manage(int eventId) => $"/manage/events/{eventId}/registrations";
    public static string Export(int eventId) => $"{Manage(eventId)}.xlsx";
    public const string MyRegistrations = "/account/registrations";
}
