using System.Text.Json;
using Events.Core.Mail;

namespace Events.Infrastructure.Mail;

/// <summary>
/// Short pieces of text that code fills into a template's placeholders (a decision's name, a reviewer's label), per
/// language, embedded beside the templates (Mail/Phrases) so no mail wording lives in code.
/// </summary>
public static class MailPhrases
{
    private static readonly Dictionary<string, Dictionary<string, string>> ByCulture = Load();

    public static string Get(string culture, string key) =>
        ByCulture[MailTemplateStore.Normalize(culture)].TryGetValue(key, out var phrase)
            ? phrase
            : throw new KeyNotFoundException($"No mail phrase {key} for {culture}.");

    public static IReadOnlyCollection<string> Keys(string culture) => ByCulture[MailTemplateStore.Normalize(culture)].Keys;

    private static Dictionary<string, Dictionary<string, string>> Load()
    {
        var assembly = typeof(MailPhrases).Assembly;
        return MailTemplateKeys.Cultures.ToDictionary(c => c, c =>
        {
            using var stream = assembly.GetManifestResourceStream($"Mail.Phrases.{c}.json")
                ?? throw new InvalidOperationException($"Built-in mail phrases for {c} are missing.");
            return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!;
        });
    }
}
