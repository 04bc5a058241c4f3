using System.Globalization;
using System.Net;
using System.Text;
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

    public async Task<string> HtmlAsync(BookletModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return WithFontSampler(await html.RenderAsync<BookletDocument>(new Dictionary<string, object?> { [nameof(BookletDocument.Model)] = model }, CultureOf(model.Culture)));
    }

    /// <summary>
    /// Chromium lays a document out when it loads and again, at the paper's width, when it prints; booklet.css hides the
    /// booklet on screen, so only the print layout is done (seconds on a thousand pages). Web fonts load only for text that
    /// is laid out, so a screen-only sampler of every character the booklet prints, in each face and weight it uses, loads
    /// them (and the unicode-range files of rare characters) before the renderer waits for the fonts and prints.
    /// </summary>
    public static string WithFontSampler(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var end = document.LastIndexOf("</main>", StringComparison.Ordinal);
        if (end < 0) throw new ArgumentException("The booklet has no main element.", nameof(document));
        var text = new StringBuilder("0123456789");
        var inTag = false;
        foreach (var c in document.AsSpan(0, end))
        {
            if (c == '<') inTag = true;
            else if (c == '>') inTag = false;
            else if (!inTag) text.Append(c);
        }
        var seen = new HashSet<Rune>();
        var sample = new StringBuilder();
        foreach (var rune in WebUtility.HtmlDecode(text.ToString()).EnumerateRunes())
        {
            if (!Rune.IsWhiteSpace(rune) && !Rune.IsControl(rune) && seen.Add(rune)) sample.Append(rune.ToString());
        }
        var encoded = WebUtility.HtmlEncode(sample.ToString());
        var sampler = $"<div class=\"font-sampler\" aria-hidden=\"true\"><p>{encoded}</p><p class=\"b\">{encoded}</p><p class=\"sans\">{encoded}</p><p class=\"sans b\">{encoded}</p></div>";
        return document.Insert(end + "</main>".Length, sampler);
    }

    private static CultureInfo CultureOf(string culture) =>
        CultureInfo.GetCultureInfo(culture == BookletText.English ? BookletText.English : BookletText.Chinese);
}
