using System.Globalization;
using Events.Core.Program;
using Events.Infrastructure.Program.Exports;
using Events.Web.Hosting;
using Microsoft.Extensions.Localization;

namespace Events.Web.Localization;

/// <summary>
/// The words of the program exports taken from our resources, so the files name session kinds and roles exactly as
/// the pages do. The language is the request's (its culture cookie), or <c>?lang=en</c> / <c>?lang=zh-CN</c> for a
/// calendar app that sends no cookie.
/// </summary>
public sealed class ExportWordings(IStringLocalizer<SharedResource> localizer)
{
    /// <summary>Every key an <see cref="ExportWording"/> may ask for.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        .. Enum.GetNames<SessionKind>().Select(k => $"SessionKind.{k}"),
        .. Enum.GetNames<ItemRole>().Select(r => $"ItemRole.{r}"),
        .. ExportWording.HeaderKeys.Select(h => $"Export.Header.{h}"),
        "Export.SheetName", "Export.UnassignedRoom", "Export.ToBeAnnounced", "Export.Minutes", "Export.Publications",
        "ListSeparator", "Export.GroupSeparator", "Export.Comma", "Session.Chairs", "LabelFormat", "NoteFormat",
    ];

    public ExportWording For(CultureInfo culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var texts = Keys.ToDictionary(k => k, k => localizer[k].Value);
            return new ExportWording(culture, key => texts.TryGetValue(key, out var t) ? t : throw new KeyNotFoundException($"Export wording has no {key}."));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>The language a request asks for: <c>lang</c> in the query when it names a supported culture, else the request's.</summary>
    public ExportWording For(HttpContext context)
    {
        var asked = context.Request.Query["lang"].ToString();
        var culture = EventsAppExtensions.Cultures.FirstOrDefault(c => string.Equals(c.Name, asked, StringComparison.OrdinalIgnoreCase)
                                                                       || string.Equals(c.TwoLetterISOLanguageName, asked, StringComparison.OrdinalIgnoreCase))
                      ?? CultureInfo.CurrentUICulture;
        return For(culture);
    }
}
