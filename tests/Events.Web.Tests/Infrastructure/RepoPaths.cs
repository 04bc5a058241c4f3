namespace Events.Web.Tests.Infrastructure;

/// <summary>The checkout the tests run from, found by walking up to Events.sln.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string WebProject => Path.Combine(Root, "src", "Events.Web");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Events.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Events.sln not found above " + AppContext.BaseDirectory);
    }
}
