using System.Globalization;
using Events.Core.Booklets;
using Events.Infrastructure.Booklets;
using Events.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Events.Web.Components.Documents;

/// <summary>The booklet's HTML from <see cref="BookletDocument"/>, in the booklet's language.</summary>
public sealed class BookletDocuments(DocumentHtml html, IStringLocalizer<SharedResource> localizer) : IBookletDocuments
{
    public BookletLabels Labels(string culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureOf(culture);
        try
        {
            var sections = BookletModel.InOrder.ToDictionary(s => s, s => localizer[$"BookletSection.{s}"].Value);
            return new BookletLabels(localizer["Booklet.Contents"], sections);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    public Task<string> HtmlAsync(BookletModel model, IReadOnlyDictionary<BookletSections, int>? pages)
    {
        ArgumentNullException.ThrowIfNull(model);
        return html.RenderAsync<BookletDocument>(
            new Dictionary<string, object?> { [nameof(BookletDocument.Model)] = model, [nameof(BookletDocument.Pages)] = pages },
            CultureOf(model.Culture));
    }

    private static CultureInfo CultureOf(string culture) =>
        CultureInfo.GetCultureInfo(culture == BookletText.English ? BookletText.English : BookletText.Chinese);
}
