namespace Events.Core.Access;

/// <summary>
/// The signed-in user a service acts for. Every service method that changes data takes one and asks the rights
/// class before writing, so a page that forgets its own check cannot open a hole. Built from the sign-in's claims
/// by the web layer; the roles are the site roles of <see cref="Roles"/>.
/// </summary>
public sealed record Actor(string UserId, bool IsAdministrator, bool IsOrganizer)
{
    /// <summary>Organizers and administrators run the shared lists (organizations, people, bulletin series).</summary>
    public bool HasOrganizerRole => IsAdministrator || IsOrganizer;

    public static Actor User(string userId, IEnumerable<string> roles)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        return new Actor(userId, set.Contains(Roles.Administrator), set.Contains(Roles.Organizer));
    }
}

/// <summary>
/// A service refused a change the acting user has no right to. Pages hide what a user may not do, so this
/// only happens when a page forgot its check or a request was forged; nothing was written.
/// </summary>
public sealed class AccessDeniedException(string message) : Exception(message);
