using System.Text.Json;
using System.Text.Json.Serialization;

namespace Events.Core.Attendees.Forms;

/// <summary>The field types of a 回执.</summary>
public enum ReplyFieldType
{
    Text,
    SingleChoice,
    MultipleChoice,
    Date,
    DateTime,
    Number,
    YesNo,
    /// <summary>A short file (a student ID photo, a scanned letter): JPEG, PNG or PDF up to <see cref="ReplyFormDefinition.MaxFileBytes"/>.</summary>
    File,
}

/// <summary>A check beyond the type, with its own message.</summary>
public enum ReplyFieldFormat
{
    None,
    /// <summary>A mainland mobile number; stored normalised and protected.</summary>
    MainlandMobile,
    /// <summary>
    /// An identity document number; a resident ID number (check digit, birth date) when the form's
    /// <see cref="ReplyFieldKeys.IdType"/> answer is <see cref="ReplyFieldKeys.IdTypeResident"/> or absent. Stored protected.
    /// </summary>
    IdNumber,
}

/// <summary>One choice of a choice field; the key is stored, the labels shown.</summary>
public sealed class ReplyOption
{
    public string Key { get; set; } = "";
    public string Label { get; set; } = "";
    public string? LabelEn { get; set; }

    public string Display(bool english) => english && !string.IsNullOrWhiteSpace(LabelEn) ? LabelEn! : Label;
}

/// <summary>
/// "When field <see cref="FieldKey"/> has one of <see cref="Values"/>": for a choice, one of the option keys is
/// chosen; for yes/no, "true" or "false"; for other types, the answer equals one of them.
/// </summary>
public sealed class ReplyCondition
{
    public string FieldKey { get; set; } = "";
    public List<string> Values { get; set; } = [];
}

/// <summary>One field of a 回执. The order of fields is their order in <see cref="ReplyFormDefinition.Fields"/>.</summary>
public sealed class ReplyField
{
    /// <summary>Stable key: lower-case letters, digits and underscores; answers are stored under it.</summary>
    public string Key { get; set; } = "";
    public ReplyFieldType Type { get; set; }
    public string Label { get; set; } = "";
    public string? LabelEn { get; set; }
    public string? Help { get; set; }
    public string? HelpEn { get; set; }
    public bool Required { get; set; }
    public ReplyFieldFormat Format { get; set; }
    public List<ReplyOption> Options { get; set; } = [];

    /// <summary>Shown (and answered) only when this holds; null: always shown.</summary>
    public ReplyCondition? ShowWhen { get; set; }

    /// <summary>Required when this holds, even if <see cref="Required"/> is off; null: only <see cref="Required"/> decides.</summary>
    public ReplyCondition? RequireWhen { get; set; }

    public string DisplayLabel(bool english) => english && !string.IsNullOrWhiteSpace(LabelEn) ? LabelEn! : Label;

    public string? DisplayHelp(bool english) => english && !string.IsNullOrWhiteSpace(HelpEn) ? HelpEn : Help;

    /// <summary>Mobile and ID numbers: encrypted at rest, masked in lists, erased after retention.</summary>
    public bool IsSensitive => Format is ReplyFieldFormat.MainlandMobile or ReplyFieldFormat.IdNumber || ReplyFieldKeys.Sensitive.Contains(Key);

    public ReplyField Clone() => new()
    {
        Key = Key, Type = Type, Label = Label, LabelEn = LabelEn, Help = Help, HelpEn = HelpEn, Required = Required, Format = Format,
        Options = Options.Select(o => new ReplyOption { Key = o.Key, Label = o.Label, LabelEn = o.LabelEn }).ToList(),
        ShowWhen = ShowWhen is null ? null : new ReplyCondition { FieldKey = ShowWhen.FieldKey, Values = [.. ShowWhen.Values] },
        RequireWhen = RequireWhen is null ? null : new ReplyCondition { FieldKey = RequireWhen.FieldKey, Values = [.. RequireWhen.Values] },
    };
}

/// <summary>An event's 回执 as a document: its fields in order. Stored as JSON in <see cref="ReplyForm.DefinitionJson"/>.</summary>
public sealed class ReplyFormDefinition
{
    public const int MaxFields = 80;
    public const int MaxOptions = 100;
    public const int MaxTextLength = 2000;
    public const int MaxLabelLength = 200;
    public const int MaxHelpLength = 1000;
    public const long MaxFileBytes = 5 * 1024 * 1024;

    public List<ReplyField> Fields { get; set; } = [];

    public ReplyField? Find(string key) => Fields.FirstOrDefault(f => f.Key == key);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The stored definition; an empty form for none.</summary>
    public static ReplyFormDefinition Parse(string? json) =>
        string.IsNullOrWhiteSpace(json) ? new() : JsonSerializer.Deserialize<ReplyFormDefinition>(json, Json) ?? new();

    public ReplyFormDefinition Clone() => new() { Fields = Fields.Select(f => f.Clone()).ToList() };
}
