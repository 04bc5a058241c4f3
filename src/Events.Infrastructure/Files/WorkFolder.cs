
namespace Events.Infrastructure.Files;

/// <summary>
/// A private scratch folder for documents on their way to PDF (which can hold unpublished papers and authors' names):
/// mode 0700, files 0600, so other users on the machine cannot read them. Each folder holds a lock file that its owner
/// keeps open with an exclusive lock for as long as the folder is in use; creating a folder first deletes the folders
/// whose lock nobody holds, so what a crash left behind is gone at the next start, while folders of live processes
/// (another instance, a test host beside this one) stay, whatever their process ids.
/// </summary>
/// <remarks>
/// A lock and not the owner's process id and start time: a container restarts its app with the same pid, and a start
/// time read from another process does not always equal the one that process reads of itself (found when two test
/// hosts deleted each other's live folders). The operating system drops the lock when its holder dies.
/// </remarks>
public sealed class WorkFolder : IDisposable
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const string LockName = ".owner.lock";

    /// <summary>A folder without a lock file younger than this may be one whose owner is still creating it.</summary>
    private static readonly TimeSpan CreationGrace = TimeSpan.FromMinutes(1);

    private readonly FileStream ownerLock;

    private WorkFolder(string path, FileStream ownerLock)
    {
        Path = path;
        this.ownerLock = ownerLock;
    }

    /// <summary>The default parent, under the system temp folder.</summary>
    public static string DefaultRoot => System.IO.Path.Combine(System.IO.Path.GetTempPath(), "events-pdf");

    public string Path { get; }

    /// <summary>A new folder of this process under <paramref name="root"/>, after removing those nobody holds.</summary>
    public static WorkFolder Create(string? root = null)
    {
        root ??= DefaultRoot;
        CreatePrivate(root);
        RemoveStale(root);
        var path = System.IO.Path.Combine(root, Guid.NewGuid().ToString("N"));
        CreatePrivate(path);
        return new WorkFolder(path, OpenLock(path, FileMode.CreateNew));
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
        ownerLock.Dispose();
        try
        {
            if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open; the next start removes the folder.
        }
    }

    private static FileStream OpenLock(string folder, FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.ReadWrite, Share = FileShare.None, BufferSize = 0 };
        if (!OperatingSystem.IsWindows() && mode != FileMode.Open) options.UnixCreateMode = OwnerOnlyFile;
        return new FileStream(System.IO.Path.Combine(folder, LockName), options);
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
            try
            {
                if (IsHeld(folder)) continue;
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another user's or still busy: not ours to force.
            }
        }
    }

    /// <summary>Whether a live owner holds the folder's lock (or may be about to: a lock-less folder that is new).</summary>
    private static bool IsHeld(string folder)
    {
        if (!File.Exists(System.IO.Path.Combine(folder, LockName)))
        {
            return DateTime.UtcNow - Directory.GetCreationTimeUtc(folder) < CreationGrace;
        }
        try
        {
            // Taking the lock succeeds only when nobody holds it: its owner is gone.
            OpenLock(folder, FileMode.Open).Dispose();
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }
}
