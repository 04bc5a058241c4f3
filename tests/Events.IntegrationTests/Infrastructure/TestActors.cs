using Events.Core.Access;

namespace Events.IntegrationTests.Infrastructure;

/// <summary>
/// Actors for tests about something other than rights: an administrator passes every check, as the seeded one does.
/// Tests about rights build their actors from real accounts instead (see ServiceRightsTests).
/// </summary>
public static class TestActors
{
    public static readonly Actor Admin = AdminAs("test-admin");

    /// <summary>An administrator with a given id, where the id ends up in the data (a requested build, a new event's staff).</summary>
    public static Actor AdminAs(string userId) => new(userId, IsAdministrator: true, IsOrganizer: false);
}
