namespace Events.Web.Hosting;

/// <summary>
/// Whether the demo events from seeds/ go into an empty database: in Development, or when Seed:Demo says so.
/// A production database starts empty, with the administrator only, unless the operator asks for the demo.
/// </summary>
public static class DemoSeed
{
    /// <summary>The folder to load the demo from, or null for none.</summary>
    public static string? Folder(IConfiguration config, IHostEnvironment environment, AppPaths paths)
    {
        var wanted = bool.TryParse(config["Seed:Demo"], out var demo) ? demo : environment.IsDevelopment();
        return wanted ? paths.Seeds : null;
    }
}
