using System.Runtime.InteropServices;

namespace Events.Infrastructure.Pdf;

/// <summary>The browser could not be found; the message says how to install one.</summary>
public sealed class ChromiumNotFoundException(string message) : Exception(message);

/// <summary>
/// Where <see cref="ChromiumLocator"/> looks: the operating system, its environment variables (PATH, ProgramFiles,
/// LOCALAPPDATA, HOME, PLAYWRIGHT_BROWSERS_PATH) and the file-system root the usual install paths hang from.
/// The app uses <see cref="ForThisMachine"/>; tests describe a machine in a temporary folder.
/// </summary>
public sealed record BrowserSearch(OSPlatform Platform, Func<string, string?> Environment, string Root)
{
    public static BrowserSearch ForThisMachine() => new(
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? OSPlatform.Windows
            : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? OSPlatform.OSX
            : OSPlatform.Linux,
        System.Environment.GetEnvironmentVariable,
        Path.GetPathRoot(System.Environment.SystemDirectory) is { Length: > 0 } root ? root : "/");

    /// <summary>The user's home folder: HOME (Linux, macOS) or USERPROFILE (Windows).</summary>
    public string? Home => Environment("HOME") is { Length: > 0 } home ? home : Environment("USERPROFILE") is { Length: > 0 } profile ? profile : null;

    public string UnderRoot(string relative) => Path.Combine(Root, relative);
}

/// <summary>
/// Finds the Chromium that prints PDFs, in this order: Pdf:BrowserPath; Chromium's headless shell where Debian's
/// chromium-headless-shell package puts it (it prints four to five times faster than the full browser: 15 pages in about
/// 150 ms of CPU instead of 800); Chromium, Chrome or Edge at the usual install
/// paths of Linux, Windows and macOS (the same places Playwright's "chrome" and "msedge" channels use); the same names on
/// PATH; and a browser that <c>playwright install chromium</c> put under PLAYWRIGHT_BROWSERS_PATH or Playwright's cache
/// folder (~/.cache/ms-playwright, ~/Library/Caches/ms-playwright, %LOCALAPPDATA%\ms-playwright).
/// </summary>
public static class ChromiumLocator
{
    public const string DebianChromium = "/usr/bin/chromium";

    /// <summary>The one-line advice, in English for logs and exceptions; the web page says it in the user's language.</summary>
    public const string InstallAdvice =
        "Install Chromium (Debian/Ubuntu: 'apt-get install chromium'; Fedora: 'dnf install chromium'), or Google Chrome or Microsoft Edge " +
        "(Windows, macOS), or run 'playwright install chromium'; or set Pdf:BrowserPath (environment variable Pdf__BrowserPath) to a " +
        "Chromium, Chrome or Edge executable.";

    /// <summary>The browser this machine has; throws <see cref="ChromiumNotFoundException"/>, saying how to install one, when there is none.</summary>
    public static string Find(string? configuredPath, BrowserSearch? search = null)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath) && !File.Exists(configuredPath))
        {
            throw new ChromiumNotFoundException(
                $"Pdf:BrowserPath is set to '{configuredPath}', but there is no file there. Point it at a Chromium, Chrome or Edge executable, or remove it to use an installed browser. {InstallAdvice}");
        }
        return TryFind(configuredPath, search)
            ?? throw new ChromiumNotFoundException($"No Chromium, Chrome or Edge was found for printing PDFs. {InstallAdvice}");
    }

    /// <summary>The browser this machine has, or null.</summary>
    public static string? TryFind(string? configuredPath, BrowserSearch? search = null)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath)) return File.Exists(configuredPath) ? configuredPath : null;
        search ??= BrowserSearch.ForThisMachine();
        return HeadlessShellPaths(search).Concat(InstalledPaths(search)).Concat(OnPath(search)).FirstOrDefault(File.Exists) ?? FindPlaywrightChromium(search);
    }

    /// <summary>Chromium's headless shell (the browser without its window system), installed beside a packaged Chromium.</summary>
    public static IEnumerable<string> HeadlessShellPaths(BrowserSearch search)
    {
        if (search.Platform != OSPlatform.Linux) yield break;
        yield return search.UnderRoot("usr/lib/chromium/chromium-headless-shell");
    }

    /// <summary>The usual install paths, Chromium first (it is what Linux servers have), then Chrome, then Edge.</summary>
    public static IEnumerable<string> InstalledPaths(BrowserSearch search)
    {
        if (search.Platform == OSPlatform.Windows)
        {
            string[] folders = ["ProgramFiles", "ProgramFiles(x86)", "LOCALAPPDATA"];
            string[] browsers = [@"Chromium\Application\chrome.exe", @"Google\Chrome\Application\chrome.exe", @"Microsoft\Edge\Application\msedge.exe"];
            foreach (var browser in browsers)
            {
                foreach (var folder in folders)
                {
                    if (search.Environment(folder) is { Length: > 0 } root) yield return Path.Combine(root, browser.Replace('\\', Path.DirectorySeparatorChar));
                }
            }
        }
        else if (search.Platform == OSPlatform.OSX)
        {
            string[] apps =
            [
                "Applications/Chromium.app/Contents/MacOS/Chromium",
                "Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
                "Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
            ];
            foreach (var app in apps)
            {
                yield return search.UnderRoot(app);
                if (search.Home is { } home) yield return Path.Combine(home, app);
            }
        }
        else
        {
            string[] linux =
            [
                "usr/bin/chromium", "usr/bin/chromium-browser", "snap/bin/chromium",
                "opt/google/chrome/chrome", "usr/bin/google-chrome", "usr/bin/google-chrome-stable",
                "opt/microsoft/msedge/msedge", "usr/bin/microsoft-edge", "usr/bin/microsoft-edge-stable",
            ];
            foreach (var path in linux) yield return search.UnderRoot(path);
        }
    }

    private static IEnumerable<string> OnPath(BrowserSearch search)
    {
        if (search.Environment("PATH") is not { Length: > 0 } path) yield break;
        var windows = search.Platform == OSPlatform.Windows;
        string[] names = windows
            ? ["chromium.exe", "chrome.exe", "msedge.exe"]
            : ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge", "microsoft-edge-stable"];
        var folders = path.Split(windows ? ';' : ':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var name in names)
        {
            foreach (var folder in folders) yield return Path.Combine(folder, name);
        }
    }

    private static string? PlaywrightRoot(BrowserSearch search)
    {
        if (search.Environment("PLAYWRIGHT_BROWSERS_PATH") is { Length: > 0 } custom) return custom;
        if (search.Platform == OSPlatform.Windows)
        {
            return search.Environment("LOCALAPPDATA") is { Length: > 0 } local ? Path.Combine(local, "ms-playwright") : null;
        }
        if (search.Home is not { } home) return null;
        return search.Platform == OSPlatform.OSX
            ? Path.Combine(home, "Library", "Caches", "ms-playwright")
            : Path.Combine(home, ".cache", "ms-playwright");
    }

    /// <summary>The newest chromium-NNNN folder wins; the headless shell is enough for printing.</summary>
    private static string? FindPlaywrightChromium(BrowserSearch search)
    {
        if (PlaywrightRoot(search) is not { } root || !Directory.Exists(root)) return null;
        string[] executables =
        [
            "chrome-linux/chrome", "chrome-linux64/chrome", "chrome-headless-shell-linux64/chrome-headless-shell", "chrome-linux/headless_shell",
            "chrome-win/chrome.exe", "chrome-win64/chrome.exe", "chrome-headless-shell-win64/chrome-headless-shell.exe",
            "chrome-mac/Chromium.app/Contents/MacOS/Chromium", "chrome-mac-arm64/Chromium.app/Contents/MacOS/Chromium",
            "chrome-mac-x64/Chromium.app/Contents/MacOS/Chromium",
            "chrome-headless-shell-mac-arm64/chrome-headless-shell", "chrome-headless-shell-mac-x64/chrome-headless-shell",
        ];
        return Directory.GetDirectories(root, "chromium*")
            .OrderByDescending(d => d, StringComparer.Ordinal)
            .SelectMany(d => executables.Select(e => Path.Combine(d, e)))
            .FirstOrDefault(File.Exists);
    }
}
