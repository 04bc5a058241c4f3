using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Events.Benchmarks;

/// <summary>The real app in Production mode on a fresh SQLite data folder with the demo seeds, for the end-to-end benchmarks.</summary>
public static class BenchmarkApp
{
    /// <summary>The benchmarks act as an administrator, who passes every rights check the services make.</summary>
    public static readonly Events.Core.Access.Actor Admin = new("bench", IsAdministrator: true, IsOrganizer: false);

    /// <summary>Starts nothing yet: the factory starts the app on first use. <paramref name="data"/> is the app's data folder.</summary>
    public static WebApplicationFactory<global::Program> Create(string name, out string data)
    {
        var folder = Directory.CreateTempSubdirectory($"events-{name}-bench").FullName;
        data = folder;
        var root = OutboxThroughput.RepoRoot();
        // Outside a test project WebApplicationFactory cannot guess the app's folder; this is its documented override.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_EVENTS_WEB", Path.Combine(root, "src", "Events.Web"));
        return new WebApplicationFactory<global::Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("App:DataPath", folder);
            b.UseSetting("Seed:Path", Path.Combine(root, "seeds"));
            b.UseSetting("Seed:Demo", "true");
            b.UseSetting("Seed:AdminEmail", "admin@bench.local");
            b.UseSetting("Seed:AdminPassword", "Bench#2026admin");
            b.UseSetting("Mail:SendInBackground", "false");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
        });
    }

    /// <summary>
    /// Waits until /healthz/ready answers 200: the app's public-page warm-up (which reads the public pages as a crowd for
    /// up to a minute after the start) has finished, so it does not run under, or beside, what a benchmark measures.
    /// </summary>
    public static async Task WaitReadyAsync(HttpClient http)
    {
        while ((await http.GetAsync(new Uri("/healthz/ready", UriKind.Relative))).StatusCode != System.Net.HttpStatusCode.OK) await Task.Delay(250);
    }
}
