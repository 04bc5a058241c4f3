using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Events.Core.Program;

namespace Events.Infrastructure.Program.Exports;

/// <summary>
/// The content of a frab schedule (pentabarf/frab/pretalx exchange format), built once from a snapshot and written
/// as XML by <see cref="FrabScheduleXml"/> and as JSON by <see cref="FrabScheduleJson"/>, so both say the same.
/// </summary>
internal sealed partial record FrabModel(
    string Version,
    string Acronym,
    string Title,
    DateOnly Start,
    DateOnly End,
    string TimeZoneName,
    string BaseUrl,
    string ConferenceUrl,
    IReadOnlyList<FrabTrack> Tracks,
    IReadOnlyList<FrabRoom> Rooms,
    IReadOnlyList<FrabDay> Days)
{
    public const string TimeslotDuration = "00:05";
    public const string GeneratorName = "Events";

    public static FrabModel Build(ProgramSnapshot s, string baseUrl, ExportWording w)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(w);
        var root = NormalizeBaseUrl(baseUrl);
        var time = ExportTime.For(s.TimeZoneId);
        var acronym = AcronymFor(s.EventSlug);
        var sessions = ExportText.Ordered(w, s, s.Sessions);
        var roomNames = ExportText.RoomsInUse(w, s, sessions);

        var rooms = roomNames.Select(name => new FrabRoom(
            name,
            DeterministicGuid.Room(s.EventSlug, name),
            s.Rooms.FirstOrDefault(r => string.Equals(ExportText.Clean(r.Name).Trim(), name, StringComparison.Ordinal))?.Capacity)).ToList();

        var tracks = s.Forums
            .Where(f => sessions.Any(x => ExportText.Forum(s, x).EventId == f.EventId))
            .Select(f => new FrabTrack(ExportText.Clean(w.Title(f.Title, f.TitleEn)), TrackSlug().IsMatch(f.Slug) ? f.Slug : null))
            .DistinctBy(t => t.Name)
            .ToList();

        var events = sessions.Select(x => ToEvent(w, s, x, time, acronym, root)).ToList();

        // Days: the event's dates, widened to any session that falls outside them, so no session is left out.
        var first = s.StartDate;
        var last = s.EndDate < s.StartDate ? s.StartDate : s.EndDate;
        foreach (var e in events)
        {
            var d = DateOnly.FromDateTime(e.Date.DateTime);
            if (d < first) first = d;
            if (d > last) last = d;
        }

        var days = new List<FrabDay>();
        var index = 0;
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            index++;
            var ofDay = events.Where(e => DateOnly.FromDateTime(e.Date.DateTime) == date).ToList();
            var dayStart = ofDay.Count > 0 ? ofDay.Min(e => e.Date) : time.At(date, TimeOnly.MinValue);
            var dayEnd = ofDay.Count > 0 ? ofDay.Max(e => e.End) : time.At(date, new TimeOnly(23, 59));
            var dayRooms = roomNames
                .Select(r => new FrabDayRoom(r, ofDay.Where(e => e.Room == r).ToList()))
                .ToList();
            days.Add(new FrabDay(index, date, dayStart, dayEnd, dayRooms));
        }

        return new FrabModel(
            $"v{s.Version.ToString(CultureInfo.InvariantCulture)}",
            acronym,
            ExportText.Clean(w.Title(s.EventTitle, s.EventTitleEn)),
            first,
            last,
            time.IanaId,
            root + "/",
            $"{root}/events/{Uri.EscapeDataString(s.EventSlug)}",
            tracks,
            rooms,
            days);
    }

    private static FrabEvent ToEvent(ExportWording w, ProgramSnapshot s, SnapshotSession x, ExportTime time, string acronym, string root)
    {
        var forum = ExportText.Forum(s, x);
        var start = time.Local(x.Start);
        var end = time.Local(x.End < x.Start ? x.Start : x.End);
        return new FrabEvent(
            x.Id,
            DeterministicGuid.Session(s.EventSlug, x.Id),
            start,
            end,
            ExportTime.HourMinute(start),
            ExportTime.Duration(end - start),
            ExportText.RoomName(w, s, x),
            $"{acronym}-session-{x.Id.ToString(CultureInfo.InvariantCulture)}",
            ProgramCalendar.SessionUrl(root, forum, x).ToString(),
            ExportText.Clean(w.Title(x.Title, x.TitleEn)),
            "",
            ExportText.Clean(w.Title(forum.Title, forum.TitleEn)),
            w.Kind(x.Kind),
            w.LanguageCode,
            ExportText.Abstract(w, x),
            ExportText.Description(w, x),
            ExportText.NamedPeople(x).Select(p => new FrabPerson(p.Id, ExportText.Clean(w.Name(p)))).ToList());
    }

    /// <summary>
    /// The event slug as a frab acronym. The JSON schema's pattern (^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$)
    /// allows no hyphen after the first character, while our slugs use hyphens (pujiang-forum-2024), so hyphens and
    /// anything else outside [a-z0-9_] become underscores (pujiang_forum_2024); at least 4 characters. The same value
    /// is used in the XML (whose pattern [a-z0-9_-]{4,} allows both) so the two files agree.
    /// </summary>
    public static string AcronymFor(string eventSlug)
    {
        var sb = new StringBuilder();
        foreach (var c in (eventSlug ?? "").Trim().ToLowerInvariant())
        {
            sb.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' ? c : '_');
        }
        while (sb.Length < 4) sb.Append('_');
        return sb.ToString();
    }

    /// <summary>Links must be absolute http(s) URLs (the XSD's httpURI, the JSON schema's uri); no trailing slash.</summary>
    public static string NormalizeBaseUrl(string baseUrl)
    {
        if (!Uri.TryCreate(baseUrl?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The base URL must be an absolute http or https URL, e.g. https://events.example.org.", nameof(baseUrl));
        }
        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    // Valid for both the XSD track slug ([a-z][a-z0-9-]+) and the JSON one (^[a-z0-9_-]+[a-z0-9]$).
    [GeneratedRegex("^[a-z][a-z0-9-]*[a-z0-9]\\z")]
    private static partial Regex TrackSlug();
}

internal sealed record FrabTrack(string Name, string? Slug);

internal sealed record FrabRoom(string Name, Guid Guid, int? Capacity);

internal sealed record FrabDay(int Index, DateOnly Date, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<FrabDayRoom> Rooms);

internal sealed record FrabDayRoom(string Name, IReadOnlyList<FrabEvent> Events);

internal sealed record FrabEvent(
    int Id,
    Guid Guid,
    DateTimeOffset Date,
    DateTimeOffset End,
    string Start,
    string Duration,
    string Room,
    string Slug,
    string Url,
    string Title,
    string Subtitle,
    string Track,
    string Type,
    string Language,
    string Abstract,
    string Description,
    IReadOnlyList<FrabPerson> Persons);

internal sealed record FrabPerson(int Id, string Name);
