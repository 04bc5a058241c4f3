namespace Events.Core.Bulletins;

/// <summary>
/// A font a series' organizers uploaded for one face role (for example 仿宋_GB2312 for <see cref="BulletinFace.FangSong"/>).
/// The file sits in the file store, outside the web root, and is never served: only the PDF printer reads it from disk.
/// One font per role and series; a new upload for the role replaces the old one.
/// </summary>
public class BulletinFont
{
    public const long MaxBytes = 30L * 1024 * 1024;
    public const int FileNameLength = 200;
    public const int FamilyNameLength = 200;

    public int Id { get; set; }
    public int SeriesId { get; set; }
    public BulletinFace Role { get; set; }

    /// <summary>The family name read from the font's own name table (its Chinese name when it has one).</summary>
    public required string FamilyName { get; set; }

    /// <summary>The name of the file as uploaded, for the organizers' list only.</summary>
    public required string FileName { get; set; }

    /// <summary>The file store's name (a GUID and .ttf or .otf); a collection (.ttc) is stored as its first font.</summary>
    public required string StoredName { get; set; }

    public FontFormat Format { get; set; }
    public long SizeBytes { get; set; }
    public int GlyphCount { get; set; }
    public bool HasCjk { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public string? UploadedBy { get; set; }
}

public enum FontFormat
{
    /// <summary>TrueType outlines (glyf).</summary>
    TrueType,

    /// <summary>OpenType with PostScript outlines (CFF).</summary>
    OpenTypeCff,

    /// <summary>A TrueType collection; the first font in it is kept.</summary>
    Collection,
}
