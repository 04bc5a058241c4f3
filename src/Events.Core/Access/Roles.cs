namespace Events.Core.Access;

/// <summary>Site-wide roles. Organizer rights over one event come from its staff list, not from the role alone.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string Organizer = nameof(Organizer);
    public const string Reviewer = nameof(Reviewer);
    public const string Author = nameof(Author);
    public const string Attendee = nameof(Attendee);

    public static readonly IReadOnlyList<string> All = [Administrator, Organizer, Reviewer, Author, Attendee];
}
