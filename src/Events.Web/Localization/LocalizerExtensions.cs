using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Events.Web.Localization;

/// <summary>
/// Wording that depends on a number or on the language's punctuation, kept in the resources rather than glued
/// together in markup.
/// </summary>
public static class LocalizerExtensions
{
    /// <summary>
    /// A count phrase from the pair <c>{key}.One</c> / <c>{key}.Other</c>, with <c>{0}</c> the count and
    /// <c>{1}</c>… the extra arguments: "1 sub-forum", "2 sub-forums". English takes .One for exactly one; Chinese has
    /// no plural, so both of its values are the same and any form reads right.
    /// </summary>
    public static string Plural(this IStringLocalizer localizer, string key, int count, params object[] args)
    {
        var form = count == 1 ? ".One" : ".Other";
        var all = new object[args.Length + 1];
        all[0] = count;
        args.CopyTo(all, 1);
        return string.Format(CultureInfo.CurrentCulture, localizer[key + form], all);
    }

    /// <summary>"Theme: " in English, "主题：" in Chinese: a label and the language's colon, before a value.</summary>
    public static string Label(this IStringLocalizer localizer, string key) => localizer.LabelOf(localizer[key]);

    /// <summary>As <see cref="Label"/>, for a label that is data rather than a resource (a review criterion's name).</summary>
    public static string LabelOf(this IStringLocalizer localizer, string text) =>
        string.Format(CultureInfo.CurrentCulture, localizer["LabelFormat"], text);

    /// <summary>"Conflicts (3)" in English, "冲突（3）" in Chinese: a text and a note in the language's brackets.</summary>
    public static string WithNote(this IStringLocalizer localizer, string text, object note) =>
        string.Format(CultureInfo.CurrentCulture, localizer["NoteFormat"], text, note);

    /// <summary>" (PDF)" in English (with the space before it), "（PDF）" in Chinese: a note after a word.</summary>
    public static string Bracketed(this IStringLocalizer localizer, object text) =>
        string.Format(CultureInfo.CurrentCulture, localizer["BracketFormat"], text);
}
