using Events.Core.Access;

namespace Events.Web.Access;

/// <summary>The named rules every page and endpoint declares. Each is decided in one place, on the server.</summary>
public static class Policies
{
    /// <summary>May create events and edit the shared lists of organizations and people.</summary>
    public const string Organizer = nameof(Organizer);

    /// <summary>Administrators, or a user on the staff list of the event named in the route.</summary>
    public const string EventStaff = nameof(EventStaff);

    public const string Administrator = nameof(Administrator);

    /// <summary>An accepted reviewer of the event named in the route.</summary>
    public const string EventReviewer = nameof(EventReviewer);

    /// <summary>The assigned reviewer of the paper named in the route, with no conflict of interest.</summary>
    public const string PaperReviewer = nameof(PaperReviewer);

    public static readonly string[] OrganizerRoles = [Roles.Organizer, Roles.Administrator];
}
