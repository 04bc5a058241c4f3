using System.Diagnostics;
using System.Globalization;

namespace Events.Infrastructure.Files;

/// <summary>
/// A private scratch folder for documents on their way to PDF (which can hold unpublished papers and authors' names):
/// mode 0700, files 0600, so other users on the machine cannot read them. Each one is named after its process
/// (id and start time), and creating one first deletes the folders of processes that no longer run, so what a crash
/// left behind is gone at the next start.
/// </summary>
public sealed class WorkFolder : IDisposable
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>This process, as folder names carry it: "pid-starttime". A restarted container reuses pids, not start times.</summary>
    private static readonly string ProcessTag = Tag(Environment.ProcessId, Process.GetCurrentProcess().StartTime);

    private WorkFolder(string path) => Path = path;

    /// <summary>The default parent, under the system temp folder.</summary>
    public static string DefaultRoot => System.IO.Path.Combine(System.IO.Path.GetTempPath(), "events-pdf");

    public string Path { get; }

    /// <summary>A new folder of this process under <paramref name="root"/>, after removing those of processes that stopped.</summary>
    public static WorkFolder Create(string? root = null)
    {
        root ??= DefaultRoot;
        CreatePrivate(root);
        RemoveStale(root);
        var path = System.IO.Path.Combine(root, $"{ProcessTag}-{Guid.NewGuid():N}");
        CreatePrivate(path);
        return new WorkFolder(path);
    }

    /// <summary>A new file only the app's user can read, open for writing (and reading back).</summary>
    public FileStream CreateFile(string name, int bufferSize = 4096)
    {
        // The folder may have been removed under us (a temp cleaner); it is ours, so it comes back private.
        CreatePrivate(Path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = FileShare.None, BufferSize = bufferSize };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        return new FileStream(System.IO.Path.Combine(Path, name), options);
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open; the next start removes the folder.
        }
    }

    private static void CreatePrivate(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(path, OwnerOnlyFolder);
        // Created earlier by an older version with the default mode: tighten it.
        if (File.GetUnixFileMode(path) != OwnerOnlyFolder) File.SetUnixFileMode(path, OwnerOnlyFolder);
    }

    /// <summary>Removes what stopped processes left under <paramref name="root"/>; run at start.</summary>
    public static void RemoveLeftovers(string? root = null)
    {
        root ??= DefaultRoot;
        if (Directory.Exists(root)) RemoveStale(root);
    }

    private static void RemoveStale(string root)
    {
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            var name = System.IO.Path.GetFileName(folder);
            if (IsRunning(name)) continue;
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another user's or still busy: not ours to force.
            }
        }
    }

    /// <summary>Whether the folder named "pid-starttime-guid" belongs to a process that still runs.</summary>
    private static bool IsRunning(string folderName)
    {
        var parts = folderName.Split('-');
        if (parts.Length != 3 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var pid)) return false;
        if ($"{parts[0]}-{parts[1]}" == ProcessTag) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return Tag(pid, process.StartTime) == $"{parts[0]}-{parts[1]}";
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return false;
        }
    }

    private static string Tag(int pid, DateTime started) =>
        string.Create(CultureInfo.InvariantCulture, $"{pid}-{started.ToUniversalTime().Ticks}");
}
