using System.Globalization;
using System.Text;
using Events.Core.Events;
using Events.Core.Program;

namespace Events.Core.Bulletins;

/// <summary>
/// The sentence patterns a first draft is written with. They come from the resource files (so the wording can be
/// changed without code) and use composite-format placeholders: {0}, {1} ….
/// </summary>
public sealed record BulletinDraftPhrases
{
    /// <summary>{0} event title.</summary>
    public required string Title { get; init; }

    /// <summary>{0} event title, {1} dates.</summary>
    public required string Held { get; init; }

    /// <summary>{0} event title, {1} dates, {2} city (and venue).</summary>
    public required string HeldIn { get; init; }

    /// <summary>{0} theme.</summary>
    public required string Theme { get; init; }

    /// <summary>{0} parent forum title.</summary>
    public required string PartOf { get; init; }

    public required string NoteClosing { get; init; }
    public required string OverviewHeading { get; init; }

    /// <summary>{0} unit list label (指导单位), {1} names.</summary>
    public required string Units { get; init; }
    public required IReadOnlyDictionary<OrganizerRole, string> UnitLabels { get; init; }
    public required string SpeakersHeading { get; init; }

    /// <summary>{0} session title, {1} chairs.</summary>
    public required string Chair { get; init; }

    /// <summary>{0} person, {1} talk title.</summary>
    public required string Talk { get; init; }

    /// <summary>{0} person.</summary>
    public required string Address { get; init; }

    /// <summary>{0} item title, {1} moderator, {2} panelists.</summary>
    public required string Panel { get; init; }

    /// <summary>{0} discussants.</summary>
    public required string Discussant { get; init; }
    public required string ReleaseHeading { get; init; }

    /// <summary>{0} publication titles.</summary>
    public required string Release { get; init; }
}

/// <summary>The facts of one event (or sub-forum) a draft is written from; sessions come from its published program.</summary>
public sealed record BulletinDraftSource(
    string Title, string? Theme, DateOnly StartDate, DateOnly EndDate, string? City, string? Venue, string? ParentTitle,
    IReadOnlyDictionary<OrganizerRole, IReadOnlyList<string>> Units, IReadOnlyList<SnapshotSession> Sessions);

public sealed record BulletinDraft(string Title, string EditorsNote, string Body);

/// <summary>
/// Writes a first draft of an issue from data alone: who hosted, the theme, who spoke on what, what was released.
/// Every sentence is one of the <see cref="BulletinDraftPhrases"/> filled with names and titles; nothing is made up.
/// The body is Markdown: ## headings become numbered sections, names are **bold**.
/// </summary>
public static class BulletinDraftComposer
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    public static BulletinDraft Compose(BulletinDraftSource source, BulletinDraftPhrases phrases)
    {
        var dates = EventDateText.Format(source.StartDate, source.EndDate, Zh);
        var place = string.Join("", new[] { source.City, source.Venue }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var held = place.Length > 0 ? Format(phrases.HeldIn, Escape(source.Title), dates, Escape(place)) : Format(phrases.Held, Escape(source.Title), dates);
        var theme = string.IsNullOrWhiteSpace(source.Theme) ? "" : Format(phrases.Theme, Escape(source.Theme.Trim()));

        var note = held + theme + phrases.NoteClosing;
        var body = new StringBuilder();
        body.Append("## ").AppendLine(phrases.OverviewHeading).AppendLine();
        body.Append(held);
        if (source.ParentTitle is { } parent) body.Append(Format(phrases.PartOf, Escape(parent)));
        body.AppendLine(theme).AppendLine();
        foreach (var role in Enum.GetValues<OrganizerRole>())
        {
            if (source.Units.TryGetValue(role, out var names) && names.Count > 0)
            {
                body.AppendLine(Format(phrases.Units, phrases.UnitLabels[role], string.Join("、", names.Select(Escape)))).AppendLine();
            }
        }

        var talks = Talks(source.Sessions, phrases);
        if (talks.Count > 0)
        {
            body.Append("## ").AppendLine(phrases.SpeakersHeading).AppendLine();
            foreach (var paragraph in talks) body.AppendLine(paragraph).AppendLine();
        }

        var publications = source.Sessions.SelectMany(s => s.Items).SelectMany(i => i.Publications).Distinct().ToList();
        if (publications.Count > 0)
        {
            body.Append("## ").AppendLine(phrases.ReleaseHeading).AppendLine();
            body.AppendLine(Format(phrases.Release, string.Join("", publications.Select(Bracketed))));
        }
        return new BulletinDraft(Format(phrases.Title, source.Title), note, body.ToString().Trim());
    }

    private static List<string> Talks(IEnumerable<SnapshotSession> sessions, BulletinDraftPhrases phrases)
    {
        var paragraphs = new List<string>();
        foreach (var session in sessions.Where(s => s.Kind != SessionKind.Break).OrderBy(s => s.Start))
        {
            if (session.Chairs.Count > 0) paragraphs.Add(Format(phrases.Chair, Escape(session.Title), string.Join("、", session.Chairs.Select(Plain))));
            foreach (var item in session.Items)
            {
                var named = item.Participants.Where(p => p.Person is not null).ToList();
                var panelists = named.Where(p => p.Role == ItemRole.Panelist).Select(p => Bold(p.Person!)).ToList();
                var moderators = named.Where(p => p.Role == ItemRole.Moderator).Select(p => Plain(p.Person!)).ToList();
                if (panelists.Count > 0 || (moderators.Count > 0 && session.Kind == SessionKind.Panel))
                {
                    paragraphs.Add(Format(phrases.Panel, Escape(item.Title), string.Join("、", moderators), string.Join("、", panelists)));
                }
                foreach (var p in named)
                {
                    switch (p.Role)
                    {
                        case ItemRole.Speaker or ItemRole.CoSpeaker:
                            paragraphs.Add(Format(phrases.Talk, Bold(p.Person!), Escape(item.Title)));
                            break;
                        case ItemRole.Address:
                            paragraphs.Add(Format(phrases.Address, Bold(p.Person!)));
                            break;
                    }
                }
                var discussants = named.Where(p => p.Role == ItemRole.Discussant).Select(p => Bold(p.Person!)).ToList();
                if (discussants.Count > 0) paragraphs.Add(Format(phrases.Discussant, string.Join("、", discussants)));
            }
        }
        return paragraphs;
    }

    /// <summary>**Name**（title）, the way the bulletin introduces a speaker.</summary>
    private static string Bold(SnapshotPerson p) =>
        string.IsNullOrWhiteSpace(p.DisplayTitle) ? $"**{Escape(p.Name)}**" : $"**{Escape(p.Name)}**（{Escape(p.DisplayTitle)}）";

    private static string Plain(SnapshotPerson p) =>
        string.IsNullOrWhiteSpace(p.DisplayTitle) ? Escape(p.Name) : $"{Escape(p.Name)}（{Escape(p.DisplayTitle)}）";

    private static string Bracketed(string title) => title.StartsWith('《') ? Escape(title) : $"《{Escape(title)}》";

    /// <summary>Names are data, not Markdown: characters Markdown would act on are escaped.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '#' or '<' or '>' or '!' or '|' or '~') builder.Append('\\');
            builder.Append(c);
        }
        return builder.ToString();
    }

    private static string Format(string pattern, params object?[] args) => string.Format(Zh, pattern, args);
}
