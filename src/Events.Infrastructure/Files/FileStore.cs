using System.Text.RegularExpressions;

namespace Events.Infrastructure.Files;

/// <summary>
/// Uploaded files on local disk, in the app's data folder and outside the web root.
/// Names are chosen here (a GUID plus a known extension); a name from outside is checked before any path is built.
/// </summary>
public sealed partial class FileStore(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public async Task<string> SaveAsync(string folder, string extension, Stream content, CancellationToken ct = default)
    {
        var name = $"{Guid.NewGuid():N}{extension}";
        var dir = Path.Combine(Root, folder);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        await using (var file = new FileStream(path + ".tmp", FileMode.CreateNew, FileAccess.Write))
        {
            await content.CopyToAsync(file, ct);
        }
        File.Move(path + ".tmp", path);
        return name;
    }

    public Stream? OpenRead(string folder, string name)
    {
        var path = PathOf(folder, name);
        return path is not null && File.Exists(path) ? File.OpenRead(path) : null;
    }

    public void Delete(string folder, string name)
    {
        var path = PathOf(folder, name);
        if (path is not null && File.Exists(path)) File.Delete(path);
    }

    /// <summary>The file's path on disk (for a local reader such as the PDF printer); null for a name this store never gives.</summary>
    public string? PathOf(string folder, string name) =>
        StoredName().IsMatch(name) && FolderName().IsMatch(folder) ? Path.Combine(Root, folder, name) : null;

    [GeneratedRegex("^[0-9a-f]{32}\\.[a-z0-9]{1,5}$")]
    private static partial Regex StoredName();

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex FolderName();
}
