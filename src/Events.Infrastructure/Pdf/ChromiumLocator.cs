namespace Events.Infrastructure.Pdf;

/// <summary>The browser could not be found; the message says how to install one.</summary>
public sealed class ChromiumNotFoundException(string message) : Exception(message);

/// <summary>
/// Finds the Chromium that prints PDFs: Pdf:BrowserPath, then Debian's /usr/bin/chromium, then a browser that
/// `playwright install chromium` put under PLAYWRIGHT_BROWSERS_PATH or ~/.cache/ms-playwright.
/// </summary>
public static class ChromiumLocator
{
    public const string DebianChromium = "/usr/bin/chromium";

    public static string Find(string? configuredPath, string debianPath = DebianChromium, string? playwrightRoot = null)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            return File.Exists(configuredPath)
                ? configuredPath
                : throw new ChromiumNotFoundException(
                    $"Pdf:BrowserPath is set to '{configuredPath}', but there is no file there. Point it at a Chromium or Chrome executable, or remove it to use /usr/bin/chromium (Debian/Ubuntu: apt-get install chromium).");
        }
        if (File.Exists(debianPath)) return debianPath;
        if (FindPlaywrightChromium(playwrightRoot ?? DefaultPlaywrightRoot()) is { } installed) return installed;
        throw new ChromiumNotFoundException(
            "No Chromium was found for printing PDFs. Install one with 'apt-get install chromium' (Debian/Ubuntu; it lands at /usr/bin/chromium), " +
            "or set Pdf:BrowserPath (environment variable Pdf__BrowserPath) to a Chromium or Chrome executable.");
    }

    private static string DefaultPlaywrightRoot() =>
        Environment.GetEnvironmentVariable("PLAYWRIGHT_BROWSERS_PATH") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "ms-playwright");

    /// <summary>The newest chromium-NNNN folder wins; the headless shell is enough for printing.</summary>
    private static string? FindPlaywrightChromium(string root)
    {
        if (!Directory.Exists(root)) return null;
        string[] executables = ["chrome-linux/chrome", "chrome-linux64/chrome", "chrome-headless-shell-linux64/chrome-headless-shell", "chrome-linux/headless_shell"];
        return Directory.GetDirectories(root, "chromium*")
            .OrderByDescending(d => d, StringComparer.Ordinal)
            .SelectMany(d => executables.Select(e => Path.Combine(d, e)))
            .FirstOrDefault(File.Exists);
    }
}
