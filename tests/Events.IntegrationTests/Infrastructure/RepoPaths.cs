namespace Events.IntegrationTests.Infrastructure;

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Events.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Events.sln not found above " + AppContext.BaseDirectory);
    }
}
