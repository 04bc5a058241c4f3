using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Events.Core.Validation;

namespace Events.Core.Bulletins;

/// <summary>
/// How a series prints: its numbering lines, marks, date, headings, body type, page and type area, masthead and the
/// footer block. Stored with the series as one JSON value; <see cref="Classic"/> is the look issues had before series
/// could choose, <see cref="GbT9704"/> the layout of GB/T 9704 (党政机关公文格式).
/// </summary>
public sealed partial class BulletinHouseStyle
{
    public const int MaxMarks = 6;
    public const int MarkLength = 40;
    public const int NumberLineLength = 60;
    public const int FooterLabelLength = 60;

    /// <summary>Tokens: {yyyy} the year, {n} the number in the year, {total} the cumulative number. Empty lines do not print.</summary>
    public string? NumberLine1 { get; set; } = "{yyyy}-{n}";

    public string? NumberLine2 { get; set; } = "（总第{total}期）";

    /// <summary>Both number lines side by side under the masthead instead of one above the other.</summary>
    public bool NumbersOnOneLine { get; set; }

    public bool ShowPublisher { get; set; } = true;

    /// <summary>内部资料, 领导参阅, 注意保存 …: any number of free-text marks, each where it prints.</summary>
    public List<BulletinMark> Marks { get; set; } = [];

    public BulletinDateStyle DateStyle { get; set; } = BulletinDateStyle.Arabic;

    public BulletinFace MastheadFace { get; set; } = BulletinFace.Song;
    public decimal MastheadSizePt { get; set; } = 40;

    public BulletinFace TitleFace { get; set; } = BulletinFace.Song;
    public decimal TitleSizePt { get; set; } = 20;

    public BulletinFace BodyFace { get; set; } = BulletinFace.Song;
    public decimal BodySizePt { get; set; } = 14;

    /// <summary>Distance from one baseline to the next. With <see cref="LinesPerPage"/> set, the type area's height decides it instead.</summary>
    public decimal LineSpacingPt { get; set; } = 25.2m;

    public decimal MarginTopMm { get; set; } = 28;
    public decimal MarginBottomMm { get; set; } = 26;
    public decimal MarginLeftMm { get; set; } = 26;
    public decimal MarginRightMm { get; set; } = 26;

    /// <summary>A fixed grid (GB/T 9704: 22 lines of 28 characters): lines per page and characters per line; null for free setting.</summary>
    public int? LinesPerPage { get; set; }

    public int? CharsPerLine { get; set; }

    /// <summary>The four levels 一、 （一） 1. （1）, Markdown ## to #####.</summary>
    public List<HeadingLevelStyle> Headings { get; set; } = DefaultHeadings(BulletinFace.Song, 14);

    /// <summary>The footer block's heading, e.g. 《{series}》编委会; {series} is the series name. Empty prints none.</summary>
    public string? FooterLabel { get; set; }

    public List<FooterField> FooterFields { get; set; } = [.. Enum.GetValues<FooterField>()];
    public FooterLayout FooterLayout { get; set; } = FooterLayout.Grid;
    public FooterPlacement FooterPlacement { get; set; } = FooterPlacement.AfterBody;

    /// <summary>The look issues had before series chose their own: 2024-13 over （总第13期）, Song throughout.</summary>
    public static BulletinHouseStyle Classic() => new();

    /// <summary>
    /// GB/T 9704-2012: A4, type area 156 × 225 mm (top 37 mm, left 28 mm), 22 lines of 28 characters, body 仿宋 三号 (16 pt),
    /// level 1 in 黑体, level 2 in 楷体, levels 3 and 4 in the body face; dates in Chinese numerals.
    /// </summary>
    public static BulletinHouseStyle GbT9704() => new()
    {
        NumberLine1 = "{yyyy}年第{n}期",
        NumberLine2 = "（总第{total}期）",
        NumbersOnOneLine = true,
        DateStyle = BulletinDateStyle.Chinese,
        MastheadFace = BulletinFace.XiaoBiaoSong,
        MastheadSizePt = 42,
        TitleFace = BulletinFace.XiaoBiaoSong,
        TitleSizePt = 22,
        BodyFace = BulletinFace.FangSong,
        BodySizePt = 16,
        LineSpacingPt = 28.95m,
        MarginTopMm = 37,
        MarginBottomMm = 35,
        MarginLeftMm = 28,
        MarginRightMm = 26,
        LinesPerPage = 22,
        CharsPerLine = 28,
        Headings =
        [
            new() { Numbered = true, Face = BulletinFace.Hei, SizePt = 16, IndentEm = 2, Bold = false },
            new() { Numbered = true, Face = BulletinFace.Kai, SizePt = 16, IndentEm = 2, Bold = false },
            new() { Numbered = true, Face = BulletinFace.FangSong, SizePt = 16, IndentEm = 2, Bold = true },
            new() { Numbered = true, Face = BulletinFace.FangSong, SizePt = 16, IndentEm = 2, Bold = false },
        ],
        FooterLabel = "《{series}》编委会",
        FooterLayout = FooterLayout.OneLine,
        FooterPlacement = FooterPlacement.FootOfLastPage,
    };

    /// <summary>The style a series had as columns before house styles: its yearly style, cumulative number and classification.</summary>
    public static BulletinHouseStyle FromLegacy(string? yearlyStyle, bool cumulative, string? classification)
    {
        var style = Classic();
        style.NumberLine1 = yearlyStyle switch { "YearDash" => "{yyyy}-{n}", "IssueOfYear" => "{yyyy}年第{n}期", _ => null };
        style.NumberLine2 = cumulative ? "（总第{total}期）" : null;
        var mark = classification switch { "Internal" => "内部资料", "LeadershipReference" => "领导参阅", _ => null };
        if (mark is not null) style.Marks.Add(new BulletinMark { Text = mark });
        return style;
    }

    public static List<HeadingLevelStyle> DefaultHeadings(BulletinFace face, decimal size) =>
    [
        new() { Numbered = true, Face = face, SizePt = size, IndentEm = 0, Bold = true },
        new() { Numbered = false, Face = face, SizePt = size, IndentEm = 2, Bold = true },
        new() { Numbered = false, Face = face, SizePt = size, IndentEm = 2, Bold = true },
        new() { Numbered = false, Face = face, SizePt = size, IndentEm = 2, Bold = false },
    ];

    /// <summary>Whether the templates print a number within the year ({n}) or a cumulative one ({total}).</summary>
    [JsonIgnore] public bool UsesYearlyNumber => Has("{n}");

    [JsonIgnore] public bool UsesCumulativeNumber => Has("{total}");

    private bool Has(string token) =>
        (NumberLine1 ?? "").Contains(token, StringComparison.Ordinal) || (NumberLine2 ?? "").Contains(token, StringComparison.Ordinal);

    /// <summary>The level style for Markdown heading level 2 … 5 (1 is treated as 2).</summary>
    public HeadingLevelStyle Heading(int level) => Headings[Math.Clamp(level, 1, Headings.Count) - 1];

    /// <summary>The rules for a style an organizer entered; field names are prefixed with <paramref name="prefix"/>.</summary>
    public void Validate(List<RuleViolation> errors, string prefix = "Style.")
    {
        foreach (var (name, line) in new[] { (nameof(NumberLine1), NumberLine1), (nameof(NumberLine2), NumberLine2) })
        {
            FieldLimits.Check(errors, prefix + name, line, NumberLineLength);
            foreach (Match token in Token().Matches(line ?? ""))
            {
                if (token.Value is not ("{yyyy}" or "{n}" or "{total}")) errors.Add(new(prefix + name, "BulletinUnknownToken"));
            }
            if ((line ?? "").Count(c => c == '{') != Token().Count(line ?? "")) errors.Add(new(prefix + name, "BulletinUnknownToken"));
        }
        if (Marks.Count > MaxMarks) errors.Add(new(prefix + nameof(Marks), "TooMany"));
        for (var i = 0; i < Marks.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Marks[i].Text)) errors.Add(new($"{prefix}Marks[{i}]", "Required"));
            FieldLimits.Check(errors, $"{prefix}Marks[{i}]", Marks[i].Text, MarkLength);
        }
        FieldLimits.Check(errors, prefix + nameof(FooterLabel), FooterLabel, FooterLabelLength);
        if ((FooterLabel ?? "").Replace("{series}", "", StringComparison.Ordinal).Contains('{', StringComparison.Ordinal)) errors.Add(new(prefix + nameof(FooterLabel), "BulletinUnknownToken"));
        Range(errors, prefix + nameof(MastheadSizePt), MastheadSizePt, 12, 72);
        Range(errors, prefix + nameof(TitleSizePt), TitleSizePt, 10, 40);
        Range(errors, prefix + nameof(BodySizePt), BodySizePt, 9, 24);
        Range(errors, prefix + nameof(LineSpacingPt), LineSpacingPt, BodySizePt, BodySizePt * 3);
        foreach (var (name, margin) in new[] { (nameof(MarginTopMm), MarginTopMm), (nameof(MarginBottomMm), MarginBottomMm), (nameof(MarginLeftMm), MarginLeftMm), (nameof(MarginRightMm), MarginRightMm) })
        {
            Range(errors, prefix + name, margin, 5, 60);
        }
        if (LinesPerPage is { } lines) Range(errors, prefix + nameof(LinesPerPage), lines, 10, 60);
        if (CharsPerLine is { } chars)
        {
            Range(errors, prefix + nameof(CharsPerLine), chars, 10, 60);
            // The characters must fit the type area's width at the body size, give or take a tenth.
            var widthPt = (A4WidthMm - MarginLeftMm - MarginRightMm) / MmPerPt;
            if (chars * BodySizePt > widthPt * 1.1m || chars * BodySizePt < widthPt * 0.8m) errors.Add(new(prefix + nameof(CharsPerLine), "BulletinGridDoesNotFit"));
        }
        if (Headings.Count != 4) errors.Add(new(prefix + nameof(Headings), "Required"));
        for (var i = 0; i < Headings.Count; i++)
        {
            Range(errors, $"{prefix}Headings[{i}].SizePt", Headings[i].SizePt, 9, 40);
            Range(errors, $"{prefix}Headings[{i}].IndentEm", Headings[i].IndentEm, 0, 6);
        }
        if (FooterFields.Distinct().Count() != FooterFields.Count) errors.Add(new(prefix + nameof(FooterFields), "BulletinDuplicateField"));
    }

    public const decimal A4WidthMm = 210;
    public const decimal A4HeightMm = 297;
    public const decimal MmPerPt = 25.4m / 72;

    /// <summary>The line pitch the body sets: the type area's height shared by the grid's lines, or the chosen spacing.</summary>
    [JsonIgnore] public decimal LinePitchPt => LinesPerPage is { } lines
        // Rounded down to 0.05 pt, so that rounding in the browser never leaves the last line without room.
        ? Math.Floor((A4HeightMm - MarginTopMm - MarginBottomMm) / MmPerPt / lines * 20) / 20
        : LineSpacingPt;

    /// <summary>Spacing added after each character so that <see cref="CharsPerLine"/> characters fill the type area's width.</summary>
    [JsonIgnore] public decimal LetterSpacingPt => CharsPerLine is { } chars
        ? Math.Floor((A4WidthMm - MarginLeftMm - MarginRightMm) / MmPerPt / chars * 100) / 100 - BodySizePt
        : 0;

    private static void Range(List<RuleViolation> errors, string field, decimal value, decimal min, decimal max)
    {
        if (value < min || value > max) errors.Add(new(field, "OutOfRange"));
    }

    public BulletinHouseStyle Copy() => FromJson(ToJson());

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a stored style; missing members keep the classic values, so old rows and partial JSON read fine.</summary>
    public static BulletinHouseStyle FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return Classic();
        var style = JsonSerializer.Deserialize<BulletinHouseStyle>(json, Json) ?? Classic();
        // A stored list replaces the default one; make sure there are always four heading levels.
        while (style.Headings.Count < 4) style.Headings.Add(DefaultHeadings(style.BodyFace, style.BodySizePt)[style.Headings.Count]);
        if (style.Headings.Count > 4) style.Headings.RemoveRange(4, style.Headings.Count - 4);
        return style;
    }

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Token();
}

public sealed class BulletinMark
{
    public string Text { get; set; } = "";
    public MarkPosition Position { get; set; } = MarkPosition.TopLeft;
}

public sealed class HeadingLevelStyle
{
    /// <summary>Prints the level's number (一、 （一） 1. （1）) before the heading.</summary>
    public bool Numbered { get; set; } = true;
    public BulletinFace Face { get; set; } = BulletinFace.Song;
    public decimal SizePt { get; set; } = 14;

    /// <summary>First-line indent in characters.</summary>
    public decimal IndentEm { get; set; }
    public bool Bold { get; set; } = true;
}

/// <summary>Where a mark prints: above the masthead on the left or right, or centred under the rule.</summary>
public enum MarkPosition
{
    TopLeft,
    TopRight,
    BelowRule,
}

/// <summary>A typeface role. Each maps to a shipped open face, or to a font the organization uploaded for it.</summary>
public enum BulletinFace
{
    /// <summary>宋体.</summary>
    Song,

    /// <summary>仿宋.</summary>
    FangSong,

    /// <summary>黑体.</summary>
    Hei,

    /// <summary>楷体.</summary>
    Kai,

    /// <summary>方正小标宋 (mastheads and titles).</summary>
    XiaoBiaoSong,
}

public enum BulletinDateStyle
{
    /// <summary>2023年2月15日.</summary>
    Arabic,

    /// <summary>二〇二三年二月十五日.</summary>
    Chinese,
}

public enum FooterLayout
{
    OneLine,
    Grid,
}

public enum FooterPlacement
{
    /// <summary>Right after the body and the credits.</summary>
    AfterBody,

    /// <summary>At the foot of the last page.</summary>
    FootOfLastPage,
}

/// <summary>The fields of the footer block, printed in the order the series chooses.</summary>
public enum FooterField
{
    Director,
    Deputies,
    EditorInChief,
    Phone,
    Fax,
    Email,
    Address,
    Postcode,
}
