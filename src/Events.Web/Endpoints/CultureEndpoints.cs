using Events.Infrastructure.Identity;
using Events.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace Events.Web.Endpoints;

public static class CultureEndpoints
{
    /// <summary>Remembers the chosen UI language in a cookie for a year and returns to the page the user was on.</summary>
    public static IEndpointRouteBuilder MapCultureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/{culture}", async (string culture, string? returnUrl, HttpContext http, UserManager<AppUser> users) =>
        {
            var chosen = EventsAppExtensions.Cultures.FirstOrDefault(c => c.Name.Equals(culture, StringComparison.OrdinalIgnoreCase));
            if (chosen is null) return Results.BadRequest();
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            // Signed-in users also get their mail in the language they chose.
            if (await users.GetUserAsync(http.User) is { } user && user.PreferredCulture != chosen.Name)
            {
                user.PreferredCulture = chosen.Name;
                await users.UpdateAsync(user);
            }
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// A path on this site that is safe to put in a Location header. Anything else (another host, a backslash, a control
    /// character, a space or a non-ASCII character, which Kestrel refuses in a header) makes callers fall back to a fixed page.
    /// </summary>
    internal static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2048 && url[0] == '/' && (url.Length == 1 || url[1] != '/')
        && url.All(c => c is > ' ' and < '\x7f' and not '\\');
}
