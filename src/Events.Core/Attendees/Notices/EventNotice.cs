using Events.Core.Common;
using Events.Core.Validation;

namespace Events.Core.Attendees.Notices;

/// <summary>
/// A staged notice (会议通知) of one event: 第一轮通知 (the call and the dates), 第二轮通知 (acceptance, fees, the 回执),
/// 第三轮通知 (sessions, transport, hotel) … It keeps its number and date. A draft is seen only by the event's staff;
/// once released it has a public page and PDF in the event's style and may be mailed to a segment (held in the
/// outbox until an organizer releases the batch). A released notice's text no longer changes.
/// </summary>
public class EventNotice : IConcurrencyVersioned
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 50_000;
    public const int MaxNumber = 99;

    public int Id { get; set; }
    public int EventId { get; set; }

    /// <summary>The round: 1 → 第一轮通知; unique within the event.</summary>
    public int Number { get; set; }
    public required string Title { get; set; }

    /// <summary>The date printed on the notice (落款日期).</summary>
    public DateOnly NoticeDate { get; set; }

    /// <summary>Markdown without HTML, as bulletins (headings, lists, bold, tables).</summary>
    public required string Body { get; set; }

    /// <summary>When it was released (public page, PDF, mail allowed); null while a draft.</summary>
    public DateTimeOffset? ReleasedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public bool IsReleased => ReleasedAt is not null;
}

/// <summary>Who a notice is mailed to.</summary>
public enum NoticeSegment
{
    /// <summary>Everyone invited with a personal link (<see cref="EventInvitation"/>).</summary>
    Invited,

    /// <summary>Every open registration: confirmed, awaiting approval, or on the waiting list.</summary>
    Registered,

    /// <summary>Confirmed registrations (approved, or not needing approval).</summary>
    Approved,

    /// <summary>Confirmed registrations whose fee is recorded as 未缴 or not recorded (as 费用登记 counts them).</summary>
    Unpaid,

    /// <summary>People on the event's program (and its sub-forums) with an email address.</summary>
    Speakers,

    /// <summary>Open registrations of one category.</summary>
    Category,
}

/// <summary>What the organizer edits.</summary>
public sealed class EventNoticeInput
{
    public int Number { get; set; } = 1;
    public string Title { get; set; } = "";
    public DateOnly? NoticeDate { get; set; }
    public string Body { get; set; } = "";
    public Guid ConcurrencyStamp { get; set; }

    public IReadOnlyList<RuleViolation> Validate()
    {
        var errors = new List<RuleViolation>();
        if (Number < 1 || Number > EventNotice.MaxNumber) errors.Add(new(nameof(Number), "NoticeNumberRange"));
        if (string.IsNullOrWhiteSpace(Title)) errors.Add(new(nameof(Title), "Required"));
        else if (Title.Trim().Length > EventNotice.MaxTitleLength) errors.Add(new(nameof(Title), "TooLong"));
        if (NoticeDate is null) errors.Add(new(nameof(NoticeDate), "Required"));
        if (string.IsNullOrWhiteSpace(Body)) errors.Add(new(nameof(Body), "Required"));
        else if (Body.Length > EventNotice.MaxBodyLength) errors.Add(new(nameof(Body), "TooLong"));
        return errors;
    }

    public static EventNoticeInput From(EventNotice n) => new()
    {
        Number = n.Number, Title = n.Title, NoticeDate = n.NoticeDate, Body = n.Body, ConcurrencyStamp = n.ConcurrencyStamp,
    };
}

/// <summary>第一轮通知 … in Chinese numerals; "First notice" … in English; the notice's date in either language.</summary>
public static class NoticeNumbering
{
    private const string Digits = "〇一二三四五六七八九";

    private static readonly string[] EnglishOrdinals =
        ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth"];

    public static string Label(int number, bool english) =>
        english ? $"{EnglishOrdinal(number)} notice" : $"第{ChineseNumber(number)}轮通知";

    /// <summary>The notice's date (a date of the event's calendar, so no zone to convert): 2030年5月9日, May 9, 2030.</summary>
    public static string Date(DateOnly date, bool english) => english
        ? date.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.GetCultureInfo("en"))
        : date.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>First … Tenth, then 11th, 12th, 21st, 22nd, 23rd ….</summary>
    public static string EnglishOrdinal(int n)
    {
        if (n is >= 1 and <= 10) return EnglishOrdinals[n - 1];
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(System.Globalization.CultureInfo.InvariantCulture) + suffix;
    }

    /// <summary>1–99 as written in a heading: 一, 十, 十二, 二十, 二十三.</summary>
    public static string ChineseNumber(int n)
    {
        if (n is < 1 or > 99) return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (n < 10) return Digits[n].ToString();
        var tens = n / 10;
        var ones = n % 10;
        return (tens == 1 ? "" : Digits[tens].ToString()) + "十" + (ones == 0 ? "" : Digits[ones].ToString());
    }
}
