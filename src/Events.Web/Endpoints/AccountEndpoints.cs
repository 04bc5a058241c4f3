using Events.Web.Access;
using Microsoft.AspNetCore.Mvc;

namespace Events.Web.Endpoints;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // A form POST, which makes minimal APIs validate the antiforgery token: another site cannot log a user out.
        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, HttpContext http, AccountFlows account) =>
        {
            await account.SignOutAsync(http.User);
            return Results.LocalRedirect(CultureEndpoints.IsLocal(returnUrl) ? returnUrl! : "/");
        }).RequireAuthorization();
        return app;
    }
}
