using Events.Core.Attendees.Delegates;
using Events.Core.Booklets;
using Events.Core.Events;
using Events.Core.Program;

namespace Events.Infrastructure.Booklets;

/// <summary>Everything a booklet prints, read before any PDF work starts. Times are already in the event's time zone.</summary>
public sealed record BookletModel(
    string Culture,
    BookletPaper Paper,
    BookletSections Sections,
    string Title,
    string CoverText,
    DateOnly StartDate,
    DateOnly EndDate,
    string? Place,
    string NoticeHtml,
    string ContactsHtml,
    IReadOnlyList<BookletUnitGroup> Units,
    IReadOnlyList<BookletDay> Days,
    IReadOnlyList<BookletGuest> Guests,
    IReadOnlyList<BookletDelegate> Delegates,
    bool DelegatesAreSpeakers,
    DelegateOrder Order,
    IReadOnlyList<BookletRoomGroup> Rooms)
{
    public bool English => Culture == BookletText.English;

    public bool Has(BookletSections section) => (Sections & section) == section;

    /// <summary>Every section in its printed order.</summary>
    public static readonly IReadOnlyList<BookletSections> InOrder =
        [BookletSections.Notice, BookletSections.Units, BookletSections.Agenda, BookletSections.Guests, BookletSections.Delegates, BookletSections.Rooms];

    /// <summary>The sections this booklet prints, in order (the table of contents lists these).</summary>
    public IReadOnlyList<BookletSections> Printed => [.. InOrder.Where(Has)];

    /// <summary>The id of a section's heading, which its contents line links to (the printed link's destination has this name).</summary>
    public static string Anchor(BookletSections section) => "booklet-" + section.ToString().ToLowerInvariant();
}

public sealed record BookletUnitGroup(OrganizerRole Role, IReadOnlyList<string> Names);

public sealed record BookletDay(DateOnly Date, IReadOnlyList<BookletForum> Forums);

public sealed record BookletForum(string Title, string? Venue, IReadOnlyList<BookletSession> Sessions);

public sealed record BookletSession(string Time, string Title, string? Room, IReadOnlyList<BookletPerson> Chairs, IReadOnlyList<BookletItem> Items);

public sealed record BookletItem(string Title, IReadOnlyList<BookletParticipant> Participants);

public sealed record BookletParticipant(ItemRole Role, string Name, string? Title);

public sealed record BookletPerson(string Name, string? Title);

/// <summary>A guest (a speaker or chair of the program) with the full title and, when the person has one, the photo as a data URI.</summary>
public sealed record BookletGuest(string Name, string? Title, string? PhotoDataUri);

public sealed record BookletDelegate(int Number, string Name, string Organization, string Title);

public sealed record BookletRoomGroup(string Forum, string? Venue, IReadOnlyList<BookletRoom> Rooms);

public sealed record BookletRoom(string Name, int? Capacity);

/// <summary>The section headings as the booklet prints them, in its language; the table of contents finds them by these words.</summary>
public sealed record BookletLabels(string Contents, IReadOnlyDictionary<BookletSections, string> Sections);

/// <summary>The booklet as HTML (the web app's Razor document), its contents lines linked to the sections and their page numbers left blank.</summary>
public interface IBookletDocuments
{
    BookletLabels Labels(string culture);

    Task<string> HtmlAsync(BookletModel model);
}
