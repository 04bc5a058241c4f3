using Events.Core.Access;
using Events.Infrastructure.Identity;
using Events.Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Events.Infrastructure.Data;

public sealed record AdminAccount(string Email, string Password);

/// <summary>Migrates, creates the roles and the administrator, and loads the demo data on an empty database.</summary>
public static class DatabaseInitializer
{
    /// <param name="seedFolder">The demo data to load into an empty database; null loads none (production starts empty).</param>
    public static async Task InitializeAsync(IServiceProvider services, AdminAccount admin, string? seedFolder, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        await using var db = await sp.GetRequiredService<IDbContextFactory<EventsDbContext>>().CreateDbContextAsync(ct);

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await db.Database.MigrateAsync(ct);
            if (seedFolder is null) return;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (await new SeedLoader(seedFolder).LoadIfEmptyAsync(db, ct))
            {
                logger.LogInformation("Loaded demo data from {SeedFolder}", seedFolder);
            }
            // Bulletins came later than the rest of the demo data, so a database seeded before them still gets the demo series once.
            if (await new BulletinSeedLoader(seedFolder).LoadIfMissingAsync(db, ct))
            {
                logger.LogInformation("Loaded the demo bulletins from {SeedFolder}", seedFolder);
            }
            await tx.CommitAsync(ct);
        });

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
        }

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(admin.Email) is null)
        {
            var user = new AppUser { UserName = admin.Email, Email = admin.Email, EmailConfirmed = true, DisplayName = "Administrator" };
            Check(await users.CreateAsync(user, admin.Password), "create the administrator");
            Check(await users.AddToRolesAsync(user, [Roles.Administrator, Roles.Organizer]), "grant the administrator roles");
            logger.LogInformation("Created administrator {Email}", admin.Email);
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
