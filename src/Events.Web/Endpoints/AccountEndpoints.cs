using Events.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Events.Web.Endpoints;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // A POST with the antiforgery token, so another site cannot log a user out with a link.
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/");
        }).RequireAuthorization();
        return app;
    }
}
