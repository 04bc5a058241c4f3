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
        // A process that stopped: a pid with a start time no running process has.
        var crashed = Directory.CreateDirectory(Path.Combine(root, $"{Environment.ProcessId}-1-{Guid.NewGuid():N}")).FullName;
        File.WriteAllText(Path.Combine(crashed, "volume.pdf"), "unpublished");
        var dead = Directory.CreateDirectory(Path.Combine(root, $"999999999-1-{Guid.NewGuid():N}")).FullName;

        WorkFolder.RemoveLeftovers(root);

        Assert.False(Directory.Exists(crashed));
        Assert.False(Directory.Exists(dead));
        Assert.True(Directory.Exists(running.Path));
    }

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }
}
