using Events.Core.Access;
using Events.Core.Events;
using Events.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Events.IntegrationTests.Infrastructure;

public sealed record TestUser(string Id, string[] Roles)
{
    public HttpRequestMessage Get(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(TestAuthHandler.UserHeader, Id);
        request.Headers.Add(TestAuthHandler.RolesHeader, string.Join(',', Roles));
        return request;
    }
}

public static class TestUsers
{
    /// <summary>Creates a real account (staff rows need one) and adds it to the staff of the given events.</summary>
    public static async Task<TestUser> CreateAsync(EventsAppFactory app, string email, string[] roles, params string[] staffOfSlugs)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, "Passw0rd!x");
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(";", created.Errors.Select(e => e.Description)));
        if (roles.Length > 0) await users.AddToRolesAsync(user, roles);

        await using var db = app.CreateDbContext();
        foreach (var slug in staffOfSlugs)
        {
            var eventId = await db.Events.Where(e => e.Slug == slug).Select(e => e.Id).SingleAsync();
            db.EventStaff.Add(new EventStaff { EventId = eventId, UserId = user.Id });
        }
        await db.SaveChangesAsync();
        return new TestUser(user.Id, roles);
    }

    public static readonly string[] OrganizerRoles = [Roles.Organizer];
}
