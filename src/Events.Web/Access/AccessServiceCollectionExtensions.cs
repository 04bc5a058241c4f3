using Events.Core.Access;
using Events.Infrastructure.Data;
using Events.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Events.Web.Access;

public static class AccessServiceCollectionExtensions
{
    public static IServiceCollection AddEventsAccess(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
        });
        services.AddScoped(sp => sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<EventsDbContext>>().CreateDbContext());
        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
                o.Lockout.MaxFailedAccessAttempts = 5;
                // An unconfirmed address proves nothing; see README (Configuration, "Accounts").
                o.SignIn.RequireConfirmedEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddClaimsPrincipalFactory<DisplayNameClaimsFactory>()
            .AddEntityFrameworkStores<EventsDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // The cookie is checked against the user's security stamp on every request, so signing out (which changes the
        // stamp) or a password reset ends every copy of the cookie at once; the cost is one lookup by key per request.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, OwnScopeSecurityStampValidator>());
        services.AddScoped<AccountFlows>();

        services.AddEventsAuthorization();
        services.AddSingleton<UserAdministration>();
        services.AddSingleton<AccountLinks>();
        return services;
    }

    /// <summary>The policies and their handlers, without the sign-in machinery (component tests use this alone).</summary>
    public static IServiceCollection AddEventsAuthorization(this IServiceCollection services)
    {
        services.AddScoped<IAuthorizationHandler, EventStaffHandler>();
        services.AddScoped<IAuthorizationHandler, ReviewerHandler>();
        services.AddScoped<IAuthorizationHandler, BulletinEditorHandler>();
        services.AddScoped<EventAccess>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Organizer, p => p.RequireRole(Policies.OrganizerRoles))
            .AddPolicy(Policies.Administrator, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.EventStaff, p => p.RequireAuthenticatedUser().AddRequirements(new EventStaffRequirement()))
            .AddPolicy(Policies.EventReviewer, p => p.RequireAuthenticatedUser().AddRequirements(new EventReviewerRequirement()))
            .AddPolicy(Policies.PaperReviewer, p => p.RequireAuthenticatedUser().AddRequirements(new PaperReviewerRequirement()))
            .AddPolicy(Policies.BulletinEditor, p => p.RequireAuthenticatedUser().AddRequirements(new BulletinEditorRequirement()));
        return services;
    }
}
