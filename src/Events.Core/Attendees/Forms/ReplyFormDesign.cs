using System.Text.RegularExpressions;
using Events.Core.Validation;

namespace Events.Core.Attendees.Forms;

/// <summary>
/// The organizer's side of a 回执: whether a definition can be saved. Violations name the field as "fields[i]" (and
/// "fields[i].options", "fields[i].showWhen" …) with a code the builder turns into a message (ReplyBuilder.Error.*).
/// </summary>
public static partial class ReplyFormDesign
{
    public static IReadOnlyList<RuleViolation> Validate(ReplyFormDefinition form)
    {
        var errors = new List<RuleViolation>();
        if (form.Fields.Count > ReplyFormDefinition.MaxFields) errors.Add(new("fields", "TooManyFields"));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < form.Fields.Count; i++)
        {
            var f = form.Fields[i];
            var at = $"fields[{i}]";
            if (!KeyPattern().IsMatch(f.Key)) errors.Add(new($"{at}.key", "KeyFormat"));
            else if (!seen.Add(f.Key)) errors.Add(new($"{at}.key", "KeyTaken"));
            if (string.IsNullOrWhiteSpace(f.Label)) errors.Add(new($"{at}.label", "Required"));
            FieldLimits.Check(errors, $"{at}.label", f.Label, ReplyFormDefinition.MaxLabelLength);
            FieldLimits.Check(errors, $"{at}.labelEn", f.LabelEn, ReplyFormDefinition.MaxLabelLength);
            FieldLimits.Check(errors, $"{at}.help", f.Help, ReplyFormDefinition.MaxHelpLength);
            FieldLimits.Check(errors, $"{at}.helpEn", f.HelpEn, ReplyFormDefinition.MaxHelpLength);
            if (f.Type is ReplyFieldType.SingleChoice or ReplyFieldType.MultipleChoice)
            {
                if (f.Options.Count == 0) errors.Add(new($"{at}.options", "NoOptions"));
                if (f.Options.Count > ReplyFormDefinition.MaxOptions) errors.Add(new($"{at}.options", "TooManyOptions"));
                if (f.Options.Any(o => !OptionPattern().IsMatch(o.Key)) || f.Options.Select(o => o.Key).Distinct().Count() != f.Options.Count)
                    errors.Add(new($"{at}.options", "OptionKeys"));
                if (f.Options.Any(o => string.IsNullOrWhiteSpace(o.Label) || o.Label.Length > ReplyFormDefinition.MaxLabelLength))
                    errors.Add(new($"{at}.options", "OptionLabel"));
            }
            else if (f.Options.Count > 0) errors.Add(new($"{at}.options", "NoOptionsForType"));
            if (f.Format != ReplyFieldFormat.None && f.Type != ReplyFieldType.Text) errors.Add(new($"{at}.format", "FormatNeedsText"));
            CheckCondition(form, i, f.ShowWhen, $"{at}.showWhen", errors);
            CheckCondition(form, i, f.RequireWhen, $"{at}.requireWhen", errors);
        }
        return errors;
    }

    /// <summary>A condition refers to an earlier field of a type with values to compare (so conditions never loop), and names values it can have.</summary>
    private static void CheckCondition(ReplyFormDefinition form, int index, ReplyCondition? condition, string at, List<RuleViolation> errors)
    {
        if (condition is null) return;
        var other = form.Fields.Take(index).FirstOrDefault(f => f.Key == condition.FieldKey);
        if (other is null || other.Type is ReplyFieldType.File) { errors.Add(new(at, "ConditionField")); return; }
        if (condition.Values.Count == 0) { errors.Add(new(at, "ConditionValues")); return; }
        var allowed = other.Type switch
        {
            ReplyFieldType.YesNo => ["true", "false"],
            ReplyFieldType.SingleChoice or ReplyFieldType.MultipleChoice => other.Options.Select(o => o.Key).ToList(),
            _ => null,
        };
        if (allowed is not null && condition.Values.Any(v => !allowed.Contains(v))) errors.Add(new(at, "ConditionValues"));
    }

    /// <summary>
    /// Adds a ready-made field group at the end, skipping fields whose key the form already has (adding 住宿 twice adds
    /// nothing) and conditions whose field was skipped as unknown. Returns how many fields were added.
    /// </summary>
    public static int AddPreset(ReplyFormDefinition form, string preset)
    {
        var added = 0;
        foreach (var f in ReplyFieldPresets.Fields(preset))
        {
            if (form.Find(f.Key) is not null) continue;
            form.Fields.Add(f);
            added++;
        }
        return added;
    }

    /// <summary>A free key for a new field: field_1, field_2 …</summary>
    public static string NewKey(ReplyFormDefinition form)
    {
        for (var n = form.Fields.Count + 1; ; n++)
        {
            var key = $"field_{n}";
            if (form.Find(key) is null) return key;
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[A-Za-z0-9_\\-]{1,64}$")]
    private static partial Regex OptionPattern();
}
