using Events.Core.Validation;
using Events.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Events.Web.Components.Shared;

/// <summary>Turns the core's rule codes into messages in the user's language, per field.</summary>
public sealed class FormErrors(IStringLocalizer<SharedResource> localizer)
{
    private readonly Dictionary<string, string> messages = [];

    public bool Any => messages.Count > 0;

    public void Set(IEnumerable<RuleViolation> violations)
    {
        messages.Clear();
        foreach (var v in violations)
        {
            messages.TryAdd(v.Field, localizer[$"Validation.{v.Code}"]);
        }
    }

    public void Clear() => messages.Clear();

    public string? For(string field) => messages.GetValueOrDefault(field);

    public bool Has(string field) => messages.ContainsKey(field);

    public IEnumerable<string> All => messages.Values.Distinct();

    /// <summary>Every message, led by its field's label where <paramref name="labels"/> has one, for a summary above a long form.</summary>
    public IEnumerable<string> Summary(IReadOnlyDictionary<string, string> labels) =>
        messages.Select(m => labels.TryGetValue(m.Key, out var label)
            ? string.Format(System.Globalization.CultureInfo.CurrentCulture, localizer["FieldError"], label, m.Value)
            : m.Value).Distinct();
}
