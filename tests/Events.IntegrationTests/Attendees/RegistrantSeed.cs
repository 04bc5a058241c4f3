using Events.Core.Attendees;
using Events.Infrastructure.Identity;
using Events.IntegrationTests.Infrastructure;

namespace Events.IntegrationTests.Attendees;

/// <summary>Writes accounts and active registrations straight into the database, for list tests that need many.</summary>
public static class RegistrantSeed
{
    public sealed record Person(string Name, string Organization, string Title = "研究员", string? Phone = null);

    public static async Task<IReadOnlyList<int>> AddAsync(EventsAppFactory app, int eventId, IEnumerable<Person> people)
    {
        await using var db = app.CreateDbContext();
        var rows = new List<Registration>();
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var p in people)
        {
            var id = Guid.NewGuid().ToString("N");
            var email = $"{id}@seed.test";
            db.Users.Add(new AppUser { Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true });
            var r = new Registration
            {
                EventId = eventId, UserId = id, Name = p.Name, Organization = p.Organization, Title = p.Title, Email = email, Phone = p.Phone,
                RegisteredAt = at = at.AddMinutes(1),
            };
            rows.Add(r);
            db.Registrations.Add(r);
        }
        await db.SaveChangesAsync();
        return rows.Select(r => r.Id).ToList();
    }
}
