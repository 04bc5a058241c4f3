using System.Globalization;
using Events.Core.Validation;

namespace Events.Core.Attendees.Forms;

/// <summary>The outcome of checking a filled-in 回执: the answers to store (normalised, hidden fields dropped) or what is wrong.</summary>
public sealed record ReplyCheck(IReadOnlyDictionary<string, string> Values, IReadOnlyList<RuleViolation> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// The rules of a 回执, the same on the page (live) and in the service (authoritative): which fields are shown, which
/// are required, and whether each answer is acceptable. Violations name the field key and a code the UI turns into a
/// message (ReplyForm.Error.*).
/// </summary>
public static class ReplyFormRules
{
    public const string Required = "Required";
    public const string TooLong = "TooLong";
    public const string UnknownChoice = "UnknownChoice";
    public const string DateFormat = "DateFormat";
    public const string NumberFormat = "NumberFormat";
    public const string MobileFormat = "MobileFormat";
    public const string IdFormat = "IdFormat";
    public const string IdBirthDate = "IdBirthDate";
    public const string IdCheckDigit = "IdCheckDigit";

    /// <summary>True when <paramref name="condition"/> holds for the answers (a hidden field has no answer).</summary>
    public static bool Holds(ReplyCondition? condition, ReplyFormDefinition form, IReadOnlyDictionary<string, string?> answers)
    {
        if (condition is null) return true;
        var other = form.Find(condition.FieldKey);
        if (other is null || !IsShown(other, form, answers, depth: 0)) return false;
        if (!answers.TryGetValue(condition.FieldKey, out var value) || string.IsNullOrEmpty(value)) return false;
        var given = other.Type == ReplyFieldType.MultipleChoice ? value.Split(RegistrationAnswer.ChoiceSeparator) : [value];
        return given.Any(v => condition.Values.Contains(v, StringComparer.Ordinal));
    }

    public static bool IsShown(ReplyField field, ReplyFormDefinition form, IReadOnlyDictionary<string, string?> answers) =>
        IsShown(field, form, answers, depth: 0);

    private static bool IsShown(ReplyField field, ReplyFormDefinition form, IReadOnlyDictionary<string, string?> answers, int depth)
    {
        if (field.ShowWhen is null) return true;
        // The builder only lets a condition refer to an earlier field, so chains end; the depth guards a hand-made definition.
        if (depth > ReplyFormDefinition.MaxFields) return false;
        var other = form.Find(field.ShowWhen.FieldKey);
        if (other is null || !IsShown(other, form, answers, depth + 1)) return false;
        if (!answers.TryGetValue(other.Key, out var value) || string.IsNullOrEmpty(value)) return false;
        var given = other.Type == ReplyFieldType.MultipleChoice ? value.Split(RegistrationAnswer.ChoiceSeparator) : [value];
        return given.Any(v => field.ShowWhen.Values.Contains(v, StringComparer.Ordinal));
    }

    public static bool IsRequired(ReplyField field, ReplyFormDefinition form, IReadOnlyDictionary<string, string?> answers) =>
        IsShown(field, form, answers) && (field.Required || (field.RequireWhen is not null && Holds(field.RequireWhen, form, answers)));

    /// <summary>Checks every shown field and normalises its answer; answers to hidden or unknown fields are dropped.</summary>
    public static ReplyCheck Check(ReplyFormDefinition form, IReadOnlyDictionary<string, string?> answers, DateOnly? today = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<RuleViolation>();
        foreach (var field in form.Fields)
        {
            if (!IsShown(field, form, answers)) continue;
            answers.TryGetValue(field.Key, out var raw);
            raw = raw?.Trim();
            if (string.IsNullOrEmpty(raw))
            {
                if (IsRequired(field, form, answers)) errors.Add(new(field.Key, Required));
                continue;
            }
            var (value, code) = Normalize(field, raw, answers, today);
            if (code is not null) errors.Add(new(field.Key, code));
            else values[field.Key] = value!;
        }
        return new ReplyCheck(values, errors);
    }

    private static (string? Value, string? Code) Normalize(ReplyField field, string raw, IReadOnlyDictionary<string, string?> answers, DateOnly? today)
    {
        switch (field.Type)
        {
            case ReplyFieldType.SingleChoice:
                return field.Options.Any(o => o.Key == raw) ? (raw, null) : (null, UnknownChoice);
            case ReplyFieldType.MultipleChoice:
                var keys = raw.Split(RegistrationAnswer.ChoiceSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
                if (keys.Any(k => field.Options.All(o => o.Key != k))) return (null, UnknownChoice);
                // Stored in the form's option order, so equal choices compare equal.
                return (string.Join(RegistrationAnswer.ChoiceSeparator, field.Options.Where(o => keys.Contains(o.Key)).Select(o => o.Key)), null);
            case ReplyFieldType.Date:
                return DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? (d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null) : (null, DateFormat);
            case ReplyFieldType.DateTime:
                return DateTime.TryParseExact(raw, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)
                    ? (dt.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture), null) : (null, DateFormat);
            case ReplyFieldType.Number:
                return decimal.TryParse(ChineseIdentifiers.Compact(raw), NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
                    ? (n.ToString(CultureInfo.InvariantCulture), null) : (null, NumberFormat);
            case ReplyFieldType.YesNo:
                return raw is "true" or "false" ? (raw, null) : (null, UnknownChoice);
            case ReplyFieldType.File:
                return raw.Length <= 64 ? (raw, null) : (null, TooLong);
            default:
                if (raw.Length > ReplyFormDefinition.MaxTextLength) return (null, TooLong);
                return field.Format switch
                {
                    ReplyFieldFormat.MainlandMobile => ChineseIdentifiers.NormalizeMobile(raw) is { } m ? (m, null) : (null, MobileFormat),
                    ReplyFieldFormat.IdNumber => CheckIdNumber(raw, answers, today),
                    _ => (raw, null),
                };
        }
    }

    /// <summary>A resident ID number unless the form's document type says another document; those are only bounded in length.</summary>
    private static (string? Value, string? Code) CheckIdNumber(string raw, IReadOnlyDictionary<string, string?> answers, DateOnly? today)
    {
        answers.TryGetValue(ReplyFieldKeys.IdType, out var type);
        if (!string.IsNullOrEmpty(type) && type != ReplyFieldKeys.IdTypeResident)
        {
            var compact = ChineseIdentifiers.Compact(raw).ToUpperInvariant();
            return compact.Length is >= 5 and <= 30 && compact.All(char.IsAsciiLetterOrDigit) ? (compact, null) : (null, IdFormat);
        }
        return ChineseIdentifiers.CheckResidentId(raw, today) switch
        {
            ResidentIdProblem.None => (ChineseIdentifiers.Compact(raw).ToUpperInvariant(), null),
            ResidentIdProblem.BirthDate => (null, IdBirthDate),
            ResidentIdProblem.CheckDigit => (null, IdCheckDigit),
            _ => (null, IdFormat),
        };
    }
}
