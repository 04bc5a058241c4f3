using Events.Core.Attendees.Delegates;
using Events.Core.Common;
using Events.Core.Validation;

namespace Events.Core.Booklets;

/// <summary>The paper a programme booklet is printed on.</summary>
public enum BookletPaper
{
    A5,
    A4,
}

/// <summary>The sections a booklet can carry, in their printed order; the cover and the table of contents are always there.</summary>
[Flags]
public enum BookletSections
{
    None = 0,
    Notice = 1,
    Units = 2,
    Agenda = 4,
    Guests = 8,
    Delegates = 16,
    Rooms = 32,
    All = Notice | Units | Agenda | Guests | Delegates | Rooms,
}

public enum BookletBuildState
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>An event's programme booklet (会议手册): the organizer's texts and choices, one row per event.</summary>
public class BookletSettings : IConcurrencyVersioned
{
    public int EventId { get; set; }

    /// <summary>Lines printed on the cover under the event's title (a theme, the dates and place as the organizer wants them).</summary>
    public string Cover { get; set; } = "";

    /// <summary>参会须知, in the bulletin Markdown dialect (no raw HTML).</summary>
    public string Notice { get; set; } = "";

    /// <summary>会务联系, in the same dialect: who to call, printed with the rooms.</summary>
    public string Contacts { get; set; } = "";

    public BookletPaper Paper { get; set; } = BookletPaper.A5;
    public BookletSections Sections { get; set; } = BookletSections.All;
    public DelegateOrder Order { get; set; } = DelegateOrder.Stroke;

    /// <summary>zh-CN or en: the language of the booklet's labels and of the titles that have an English form.</summary>
    public string Culture { get; set; } = BookletText.Chinese;

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>One build of a booklet, queued from its page and run in the background; its file stays for download.</summary>
public class BookletBuild : IClaimedBuild<BookletBuildState>
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public BookletBuildState State { get; set; }

    /// <summary>0–100, updated as the build moves on.</summary>
    public int Percent { get; set; }
    public BookletPaper Paper { get; set; }
    public string Culture { get; set; } = BookletText.Chinese;
    public int? Pages { get; set; }
    public string? StoredName { get; set; }
    public long? Size { get; set; }
    public string? Error { get; set; }
    public required string RequestedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>
    /// While running: until when the running instance holds it; it renews this every heartbeat. A build whose claim
    /// lapsed (its process stopped) is queued again, at most <see cref="MaxAttempts"/> starts in all.
    /// </summary>
    public DateTimeOffset? ClaimExpiresAt { get; set; }

    /// <summary>How many times a worker has started it.</summary>
    public int Attempts { get; set; }

    public const int MaxAttempts = 3;
}

public static class BookletText
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    public const int CoverMax = 1000;
    public const int NoticeMax = 20000;
    public const int ContactsMax = 4000;
}

/// <summary>The booklet page's form.</summary>
public sealed class BookletSettingsInput
{
    public string Cover { get; set; } = "";
    public string Notice { get; set; } = "";
    public string Contacts { get; set; } = "";
    public BookletPaper Paper { get; set; } = BookletPaper.A5;
    public BookletSections Sections { get; set; } = BookletSections.All;
    public DelegateOrder Order { get; set; } = DelegateOrder.Stroke;
    public string Culture { get; set; } = BookletText.Chinese;
    public Guid ConcurrencyStamp { get; set; }

    public static BookletSettingsInput From(BookletSettings? s) => s is null
        ? new BookletSettingsInput()
        : new BookletSettingsInput
        {
            Cover = s.Cover, Notice = s.Notice, Contacts = s.Contacts, Paper = s.Paper, Sections = s.Sections, Order = s.Order, Culture = s.Culture,
            ConcurrencyStamp = s.ConcurrencyStamp,
        };

    public IReadOnlyList<RuleViolation> Validate()
    {
        var errors = new List<RuleViolation>();
        if ((Cover ?? "").Trim().Length > BookletText.CoverMax) errors.Add(new(nameof(Cover), "TooLong"));
        if ((Notice ?? "").Length > BookletText.NoticeMax) errors.Add(new(nameof(Notice), "TooLong"));
        if ((Contacts ?? "").Length > BookletText.ContactsMax) errors.Add(new(nameof(Contacts), "TooLong"));
        if (!Enum.IsDefined(Paper)) errors.Add(new(nameof(Paper), "Invalid"));
        if (!Enum.IsDefined(Order)) errors.Add(new(nameof(Order), "Invalid"));
        if ((Sections & ~BookletSections.All) != 0) errors.Add(new(nameof(Sections), "Invalid"));
        if (Culture is not (BookletText.Chinese or BookletText.English)) errors.Add(new(nameof(Culture), "Invalid"));
        return errors;
    }

    public void ApplyTo(BookletSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        s.Cover = (Cover ?? "").Trim();
        s.Notice = (Notice ?? "").TrimEnd();
        s.Contacts = (Contacts ?? "").TrimEnd();
        s.Paper = Paper;
        s.Sections = Sections;
        s.Order = Order;
        s.Culture = Culture;
    }
}
