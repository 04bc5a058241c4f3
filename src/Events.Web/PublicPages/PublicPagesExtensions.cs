using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Events.Web.PublicPages;

/// <summary>How the public, read-only pages are written and served: as UTF-8 text.</summary>
public static class PublicPagesExtensions
{
    public static IServiceCollection AddPublicPages(this IServiceCollection services)
    {
        // The default encoder writes every CJK character as an entity (&#x4F1A;, 8 bytes instead of 3). Allowing all
        // ranges keeps the text as UTF-8; the encoder still escapes the HTML-sensitive characters (< > & ' " +).
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }
}
