using Events.Core.Access;
using Events.Core.Bulletins;
using Events.Core.Common;
using Events.Core.Validation;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Events.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Bulletins;

/// <summary>A series' uploaded font as the organizers' list shows it.</summary>
public sealed record BulletinFontItem(int Id, BulletinFace Role, string FamilyName, string FileName, FontFormat Format, long SizeBytes, int GlyphCount, DateTimeOffset UploadedAt);

/// <summary>An uploaded face as the printer uses it: the role it replaces and the file on disk.</summary>
public sealed record UploadedFace(BulletinFace Role, string FamilyName, string Path);

/// <summary>
/// Fonts organizers upload for a series' face roles. A file is accepted only after <see cref="FontFileInspector"/> read
/// it as a font with Chinese glyphs, is at most <see cref="BulletinFont.MaxBytes"/>, and the uploader confirmed the
/// organization holds a licence to embed it. It is kept in the file store (outside the web root) and no route serves it:
/// the PDF printer reads it from disk by a file: URL (see <see cref="FacesAsync"/>), the Word file names its family.
/// </summary>
public sealed class BulletinFontService(IDbContextFactory<EventsDbContext> factory, FileStore files, TimeProvider clock)
{
    public const string Folder = "bulletin-fonts";

    public async Task<IReadOnlyList<BulletinFontItem>> ListAsync(int seriesId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.BulletinFonts.AsNoTracking().Where(f => f.SeriesId == seriesId)
            .Select(f => new BulletinFontItem(f.Id, f.Role, f.FamilyName, f.FileName, f.Format, f.SizeBytes, f.GlyphCount, f.UploadedAt))
            .ToListAsync(ct);
        return rows.OrderBy(f => f.Role).ToList();
    }

    /// <summary>
    /// Checks and stores <paramref name="content"/> as the series' font for <paramref name="role"/>, replacing the one it
    /// had. Reads at most one byte over the limit, so a huge upload is refused without being held in memory.
    /// </summary>
    public async Task<SaveResult> UploadAsync(Actor actor, int seriesId, BulletinFace role, string fileName, Stream content, bool licenceConfirmed, CancellationToken ct = default)
    {
        EventRights.DemandOrganizerRole(actor);
        var errors = new List<RuleViolation>();
        if (!licenceConfirmed) errors.Add(new("Licence", "FontLicenceRequired"));
        if (!Enum.IsDefined(role)) errors.Add(new("Role", "Required"));
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > BulletinFont.MaxBytes) break;
        }
        if (buffer.Length > BulletinFont.MaxBytes) errors.Add(new("File", "FontTooLarge"));
        FontFileInfo? font = null;
        if (buffer.Length <= BulletinFont.MaxBytes)
        {
            font = FontFileInspector.Inspect(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), out var problem);
            if (problem is not null) errors.Add(new("File", problem));
            else if (!font.HasCjk) errors.Add(new("File", "FontNoCjk"));
        }
        if (errors.Count > 0) return SaveResult.Invalid(errors);

        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.BulletinSeries.AnyAsync(s => s.Id == seriesId, ct)) return SaveResult.NotFound;
        var stored = await files.SaveAsync(Folder, font!.Extension, new MemoryStream(font.Sfnt, writable: false), ct);
        var name = Path.GetFileName(fileName ?? "");
        var old = await db.BulletinFonts.FirstOrDefaultAsync(f => f.SeriesId == seriesId && f.Role == role, ct);
        var row = old ?? new BulletinFont { SeriesId = seriesId, Role = role, FamilyName = "", FileName = "", StoredName = "" };
        var previous = old?.StoredName;
        row.FamilyName = font.FamilyName;
        row.FileName = name.Length > BulletinFont.FileNameLength ? name[^BulletinFont.FileNameLength..] : name;
        row.StoredName = stored;
        row.Format = font.Format;
        row.SizeBytes = font.Sfnt.Length;
        row.GlyphCount = font.GlyphCount;
        row.HasCjk = font.HasCjk;
        row.UploadedAt = clock.GetUtcNow();
        row.UploadedBy = actor.UserId;
        if (old is null) db.BulletinFonts.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another upload for the same role won the unique index; this file is nobody's.
            files.Delete(Folder, stored);
            return SaveResult.Conflict;
        }
        if (previous is not null) files.Delete(Folder, previous);
        return SaveResult.Saved(row.Id);
    }

    public async Task<bool> DeleteAsync(Actor actor, int seriesId, int fontId, CancellationToken ct = default)
    {
        EventRights.DemandOrganizerRole(actor);
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.BulletinFonts.FirstOrDefaultAsync(f => f.Id == fontId && f.SeriesId == seriesId, ct);
        if (row is null) return false;
        db.BulletinFonts.Remove(row);
        await db.SaveChangesAsync(ct);
        files.Delete(Folder, row.StoredName);
        return true;
    }

    /// <summary>The series' uploaded faces whose files are on disk, for printing.</summary>
    public async Task<IReadOnlyList<UploadedFace>> FacesAsync(int seriesId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.BulletinFonts.AsNoTracking().Where(f => f.SeriesId == seriesId)
            .Select(f => new { f.Role, f.FamilyName, f.StoredName }).ToListAsync(ct);
        return rows.Select(r => (r, path: files.PathOf(Folder, r.StoredName)))
            .Where(x => x.path is not null && File.Exists(x.path))
            .Select(x => new UploadedFace(x.r.Role, x.r.FamilyName, x.path!))
            .OrderBy(f => f.Role).ToList();
    }
}
