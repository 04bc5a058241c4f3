using System.Runtime.InteropServices;
using Events.Infrastructure.Pdf;

namespace Events.IntegrationTests.Pdf;

/// <summary>
/// The browser search on Linux, Windows and macOS, each described by a machine in a temporary folder: its root, its
/// environment variables and the files installers put there.
/// </summary>
public sealed class ChromiumLocatorTests : IDisposable
{
    private readonly string machine = Path.Combine(Path.GetTempPath(), "events-browser-search", Guid.NewGuid().ToString("N"));

    public ChromiumLocatorTests() => Directory.CreateDirectory(machine);

    public void Dispose() => Directory.Delete(machine, recursive: true);

    private string Install(string relative)
    {
        var path = Path.Combine(machine, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "#!/bin/sh\n");
        return path;
    }

    private BrowserSearch Machine(OSPlatform platform, Dictionary<string, string>? environment = null) =>
        new(platform, name => environment is not null && environment.TryGetValue(name, out var value) ? value : null, machine);

    [Fact]
    public void On_Linux_Chromium_at_its_usual_path_comes_before_Chrome_and_Edge()
    {
        Install("opt/microsoft/msedge/msedge");
        var chrome = Install("opt/google/chrome/chrome");
        Assert.Equal(chrome, ChromiumLocator.Find(null, Machine(OSPlatform.Linux)));

        var chromium = Install("usr/bin/chromium");
        Assert.Equal(chromium, ChromiumLocator.Find(null, Machine(OSPlatform.Linux)));
    }

    [Fact]
    public void On_Linux_the_packaged_headless_shell_comes_first_and_a_configured_path_still_wins()
    {
        var chromium = Install("usr/bin/chromium");
        var shell = Install("usr/lib/chromium/chromium-headless-shell");
        Assert.Equal(shell, ChromiumLocator.Find(null, Machine(OSPlatform.Linux)));
        Assert.Equal(chromium, ChromiumLocator.Find(chromium, Machine(OSPlatform.Linux)));
        // Only Linux packages put it there.
        Assert.Null(ChromiumLocator.TryFind(null, Machine(OSPlatform.Windows)));
    }

    [Fact]
    public void On_Linux_Edge_alone_is_found()
    {
        var edge = Install("opt/microsoft/msedge/msedge");
        Assert.Equal(edge, ChromiumLocator.TryFind(null, Machine(OSPlatform.Linux)));
    }

    [Fact]
    public void On_Windows_Edge_under_Program_Files_x86_and_Chrome_under_the_users_LocalAppData_are_found()
    {
        var environment = new Dictionary<string, string>
        {
            ["ProgramFiles"] = Path.Combine(machine, "Program Files"),
            ["ProgramFiles(x86)"] = Path.Combine(machine, "Program Files (x86)"),
            ["LOCALAPPDATA"] = Path.Combine(machine, "Users", "wang", "AppData", "Local"),
        };
        var edge = Install("Program Files (x86)/Microsoft/Edge/Application/msedge.exe");
        Assert.Equal(edge, ChromiumLocator.Find(null, Machine(OSPlatform.Windows, environment)));

        var chrome = Install("Users/wang/AppData/Local/Google/Chrome/Application/chrome.exe");
        Assert.Equal(chrome, ChromiumLocator.Find(null, Machine(OSPlatform.Windows, environment)));
    }

    [Fact]
    public void On_macOS_Chrome_in_the_users_own_Applications_folder_is_found()
    {
        var environment = new Dictionary<string, string> { ["HOME"] = Path.Combine(machine, "Users", "wang") };
        var chrome = Install("Users/wang/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");

        Assert.Equal(chrome, ChromiumLocator.Find(null, Machine(OSPlatform.OSX, environment)));
    }

    [Fact]
    public void A_browser_on_PATH_is_found_when_none_is_at_the_usual_paths()
    {
        var bin = Path.Combine(machine, "home", "wang", "bin");
        var chrome = Install("home/wang/bin/google-chrome-stable");
        var environment = new Dictionary<string, string> { ["PATH"] = $"{Path.Combine(machine, "empty")}:{bin}" };

        Assert.Equal(chrome, ChromiumLocator.Find(null, Machine(OSPlatform.Linux, environment)));
    }

    [Fact]
    public void A_browser_Playwright_installed_is_found_in_its_cache_on_each_system_the_newest_first()
    {
        var linuxHome = new Dictionary<string, string> { ["HOME"] = Path.Combine(machine, "home", "wang") };
        Install("home/wang/.cache/ms-playwright/chromium-1100/chrome-linux/chrome");
        var newest = Install("home/wang/.cache/ms-playwright/chromium-1200/chrome-linux64/chrome");
        Assert.Equal(newest, ChromiumLocator.Find(null, Machine(OSPlatform.Linux, linuxHome)));

        var macHome = new Dictionary<string, string> { ["HOME"] = Path.Combine(machine, "Users", "li") };
        var mac = Install("Users/li/Library/Caches/ms-playwright/chromium-1200/chrome-mac-arm64/Chromium.app/Contents/MacOS/Chromium");
        Assert.Equal(mac, ChromiumLocator.Find(null, Machine(OSPlatform.OSX, macHome)));

        var windows = new Dictionary<string, string> { ["LOCALAPPDATA"] = Path.Combine(machine, "Local") };
        var win = Install("Local/ms-playwright/chromium-1200/chrome-win/chrome.exe");
        Assert.Equal(win, ChromiumLocator.Find(null, Machine(OSPlatform.Windows, windows)));

        var custom = new Dictionary<string, string> { ["PLAYWRIGHT_BROWSERS_PATH"] = Path.Combine(machine, "browsers"), ["HOME"] = Path.Combine(machine, "home", "wang") };
        var shell = Install("browsers/chromium_headless_shell-1200/chrome-headless-shell-linux64/chrome-headless-shell");
        Assert.Equal(shell, ChromiumLocator.Find(null, Machine(OSPlatform.Linux, custom)));
    }

    [Fact]
    public void The_configured_path_wins_and_a_wrong_one_is_an_error_not_a_silent_fallback()
    {
        Install("usr/bin/chromium");
        var configured = Install("tools/my-chrome");
        Assert.Equal(configured, ChromiumLocator.Find(configured, Machine(OSPlatform.Linux)));

        var missing = Path.Combine(machine, "tools", "gone");
        var error = Assert.Throws<ChromiumNotFoundException>(() => ChromiumLocator.Find(missing, Machine(OSPlatform.Linux)));
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Null(ChromiumLocator.TryFind(missing, Machine(OSPlatform.Linux)));
    }

    [Fact]
    public void An_empty_machine_has_no_browser_and_the_error_says_how_to_install_one()
    {
        Assert.Null(ChromiumLocator.TryFind(null, Machine(OSPlatform.Linux)));
        var error = Assert.Throws<ChromiumNotFoundException>(() => ChromiumLocator.Find(null, Machine(OSPlatform.Windows)));
        Assert.Contains("apt-get install chromium", error.Message, StringComparison.Ordinal);
        Assert.Contains("Pdf:BrowserPath", error.Message, StringComparison.Ordinal);
    }
}
