using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Events.Web.Components.Documents;

/// <summary>
/// Renders a document component to a complete HTML string with Blazor's <see cref="HtmlRenderer"/>. The browser preview
/// serves this string and the PDF prints it, so both show the same markup, styles and fonts.
/// </summary>
public sealed class DocumentHtml(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    /// <summary>Documents are printed in Chinese whatever language the organizer's screen uses.</summary>
    public static readonly CultureInfo DocumentCulture = CultureInfo.GetCultureInfo("zh-CN");

    public async Task<string> RenderAsync<TComponent>(IReadOnlyDictionary<string, object?> parameters, CultureInfo? culture = null)
        where TComponent : IComponent
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture ?? DocumentCulture;
            try
            {
                var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters.ToDictionary()));
                return output.ToHtmlString();
            }
            finally
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
            }
        });
    }
}
