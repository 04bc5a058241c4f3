using System.Globalization;
using Events.Core.Common;
using Events.Core.Program;

namespace Events.Infrastructure.Program.Exports;

/// <summary>
/// The words of a program export in one language: session kinds and item roles as the pages show them, labels,
/// column headers and punctuation. The web app fills it from its resources (SharedResource.resx / .en.resx), so a
/// spreadsheet or calendar says what the program page says, in the language asked for.
/// </summary>
/// <param name="Culture">The language; English readers get English titles and names where they are stored.</param>
/// <param name="Text">Looks up a resource by key, e.g. "SessionKind.Panel", "Export.Header.Date".</param>
public sealed class ExportWording(CultureInfo culture, Func<string, string> text)
{
    public CultureInfo Culture { get; } = culture;

    public bool IsEnglish => Bilingual.IsEnglish(Culture);

    /// <summary>frab's language code.</summary>
    public string LanguageCode => IsEnglish ? "en" : "zh";

    public string Kind(SessionKind kind) => text($"SessionKind.{kind}");

    public string Role(ItemRole role) => text($"ItemRole.{role}");

    /// <summary>Room name for a session that has no room yet.</summary>
    public string UnassignedRoom => text("Export.UnassignedRoom");

    /// <summary>A participant with neither a person nor a label.</summary>
    public string ToBeAnnounced => text("Export.ToBeAnnounced");

    public string SheetName => text("Export.SheetName");

    public IReadOnlyList<string> Headers => HeaderKeys.Select(h => text($"Export.Header.{h}")).ToList();

    /// <summary>The spreadsheet's columns, each worded by the resource Export.Header.{name}.</summary>
    public static IReadOnlyList<string> HeaderKeys { get; } = ["Date", "Start", "End", "Forum", "Room", "Kind", "Session", "Chairs", "Item", "People"];

    /// <summary>"主持：甲" / "Chair: A".</summary>
    public string Labelled(string labelKey, string value) => Format("LabelFormat", text(labelKey)) + value;

    /// <summary>"甲（某大学教授）" / "A (Professor, X University)".</summary>
    public string WithNote(string value, string note) => Format("NoteFormat", value, note);

    /// <summary>"（20分钟）" / " (20 min)".</summary>
    public string Minutes(int minutes) => Format("Export.Minutes", minutes);

    /// <summary>、 in Chinese, ", " in English.</summary>
    public string ListSeparator => text("ListSeparator");

    /// <summary>，in Chinese, ", " in English.</summary>
    public string Comma => text("Export.Comma");

    /// <summary>； in Chinese, "; " in English.</summary>
    public string GroupSeparator => text("Export.GroupSeparator");

    /// <summary>The title the reader should see: the English one for English when stored.</summary>
    public string Title(string title, string? titleEn) => Bilingual.Pick(title, titleEn, Culture);

    /// <summary>A person's name for the reader; in English with the Chinese name beside it.</summary>
    public string Name(SnapshotPerson p) => Bilingual.PersonName(p.Name, p.NameEn, Culture, withChinese: true);

    private string Format(string key, params object[] args) => string.Format(Culture, text(key), args);
}
