namespace Events.Web.Hosting;

/// <summary>Where the app keeps its database, uploads and keys, and where it finds the demo data.</summary>
public sealed record AppPaths(string Data, string Files, string Seeds)
{
    public static AppPaths From(IConfiguration config, IHostEnvironment env)
    {
        var data = config["App:DataPath"];
        data = string.IsNullOrWhiteSpace(data) ? Path.Combine(env.ContentRootPath, "App_Data") : Path.GetFullPath(data);
        var seeds = config["Seed:Path"];
        seeds = string.IsNullOrWhiteSpace(seeds) ? Path.Combine(AppContext.BaseDirectory, "seeds") : Path.GetFullPath(seeds);
        return new AppPaths(data, Path.Combine(data, "files"), seeds);
    }
}
