using Events.Infrastructure.Files;

namespace Events.IntegrationTests.Pdf;

public sealed class WorkFolderTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "events-tests", $"work-{Guid.NewGuid():N}");

    [Fact]
    public void Documents_on_their_way_to_pdf_are_readable_only_by_the_app()
    {
        if (OperatingSystem.IsWindows()) return; // Unix file modes; the app runs on Linux.
        using var folder = WorkFolder.Create(root);
        using (var file = folder.CreateFile("doc.html")) file.WriteByte(1);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(root));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder.Path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder.Path, "doc.html")));
    }

    [Fact]
    public void What_a_crashed_process_left_is_removed_at_the_next_start_and_a_running_ones_folder_stays()
    {
        using var running = WorkFolder.Create(root);
        // A process that stopped: its lock file is there, but nobody holds the lock any more.
        var crashed = Directory.CreateDirectory(Path.Combine(root, Guid.NewGuid().ToString("N"))).FullName;
        File.WriteAllText(Path.Combine(crashed, ".owner.lock"), "");
        File.WriteAllText(Path.Combine(crashed, "volume.pdf"), "unpublished");
        // Left by an older version: no lock file, and old.
        var old = Directory.CreateDirectory(Path.Combine(root, $"999999999-1-{Guid.NewGuid():N}")).FullName;
        Directory.SetCreationTimeUtc(old, DateTime.UtcNow.AddHours(-1));

        WorkFolder.RemoveLeftovers(root);

        Assert.False(Directory.Exists(crashed));
        Assert.False(Directory.Exists(old));
        Assert.True(Directory.Exists(running.Path));
    }

    [Fact]
    public void A_folder_held_by_another_process_survives_its_neighbours_start()
    {
        using var running = WorkFolder.Create(root);
        // Another process's folder: its lock is held (here by a second handle, which the lock treats the same way).
        var other = Directory.CreateDirectory(Path.Combine(root, Guid.NewGuid().ToString("N"))).FullName;
        using var held = new FileStream(Path.Combine(other, ".owner.lock"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);

        using var next = WorkFolder.Create(root);

        Assert.True(Directory.Exists(other));
        Assert.True(Directory.Exists(running.Path));
    }

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }
}
