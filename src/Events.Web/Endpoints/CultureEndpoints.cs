using Events.Infrastructure.Identity;
using Events.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Events.Web.Endpoints;

public static class CultureEndpoints
{
    /// <summary>
    /// Remembers the chosen UI language in a cookie for a year and returns to the page the user was on.
    /// </summary>
    /// <remarks>
    /// A POST (the language switch is a small form), because for a signed-in user it also stores the choice on the
    /// account, and reading never writes. It takes no antiforgery token: the form is part of output-cached public pages
    /// that every visitor shares, where no per-visitor token can be; the sign-in cookie is SameSite=Lax, so a post from
    /// another site arrives signed out and can only set that visitor's own language cookie.
    /// </remarks>
    public static IEndpointRouteBuilder MapCultureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/culture/{culture}", async (string culture, [FromForm] string? returnUrl, HttpContext http, UserManager<AppUser> users) =>
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
            // A 302 after a post: the browser follows it with a GET of the page it came from.
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous().DisableAntiforgery();
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
