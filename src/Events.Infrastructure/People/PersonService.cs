using Events.Core.Access;
using Events.Core.Common;
using Events.Core.People;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Events.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.People;

public sealed class PersonService(IDbContextFactory<EventsDbContext> factory, FileStore files)
{
    public const string PhotoFolder = "photos";

    /// <summary>Searches names and every position (title or organization), so 成都 finds people of Chengdu institutes.</summary>
    public async Task<PagedResult<PersonListItem>> SearchAsync(PageRequest page, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.People.AsQueryable();
        if (page.Term is { } term)
        {
            var lower = term.ToLower();
            query = query.Where(p => p.Name.Contains(term)
                || (p.NameEn != null && p.NameEn.ToLower().Contains(lower))
                || p.Positions.Any(x => x.Title.Contains(term) || (x.Organization != null && x.Organization.Name.Contains(term))));
        }
        var total = await query.CountAsync(ct);
        var people = await query.OrderByChinese(db, p => p.Name).Skip(page.Skip).Take(page.Take)
            .Include(p => p.Positions).ThenInclude(x => x.Organization)
            .AsNoTracking().ToListAsync(ct);
        var items = people.Select(p => new PersonListItem(p.Id, p.Name, p.NameEn, p.DisplayTitle, p.PhotoFile != null)).ToList();
        return new PagedResult<PersonListItem>(items, total);
    }

    public async Task<Person?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.People.AsNoTracking()
            .Include(p => p.Positions).ThenInclude(x => x.Organization)
            .FirstOrDefaultAsync(p => p.Id == id, ct);
    }

    public async Task<PersonInput?> LoadAsync(int id, CancellationToken ct = default)
    {
        var person = await GetAsync(id, ct);
        return person is null ? null : PersonInput.From(person);
    }

    public async Task<SaveResult> SaveAsync(Actor actor, PersonInput input, CancellationToken ct = default)
    {
        EventRights.DemandOrganizerRole(actor);
        var errors = input.Validate();
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        await using var db = await factory.CreateDbContextAsync(ct);

        Person person;
        if (input.Id is { } id)
        {
            var found = await db.People.Include(p => p.Positions).FirstOrDefaultAsync(p => p.Id == id, ct);
            if (found is null) return SaveResult.NotFound;
            person = found;
            db.ExpectVersion(person, input.ConcurrencyStamp);
        }
        else
        {
            person = new Person { Name = input.Name };
            db.People.Add(person);
        }
        input.ApplyTo(person);
        if (!await db.TrySaveVersionedAsync(ct)) return SaveResult.Conflict;
        input.Id = person.Id;
        input.ConcurrencyStamp = person.ConcurrencyStamp;
        return SaveResult.Saved(person.Id);
    }

    /// <summary>Stores a validated photo under a name the app chooses and replaces the previous one.</summary>
    public async Task<ImageCheck> SetPhotoAsync(Actor actor, int personId, Stream content, long maxBytes, CancellationToken ct = default)
    {
        EventRights.DemandOrganizerRole(actor);
        using var buffer = new MemoryStream();
        var sniffed = await ImageValidator.ReadAsync(content, maxBytes, buffer, ct);
        if (!sniffed.IsValid) return sniffed;
        // Only pixels are stored: whatever else the upload carried (a script, EXIF with a GPS position) is dropped here.
        var (check, clean) = ImageSanitizer.Clean(buffer.ToArray(), sniffed);
        if (clean is null) return check;

        await using var db = await factory.CreateDbContextAsync(ct);
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return ImageCheck.Fail(ImageProblem.NotFound);

        var stored = await files.SaveAsync(PhotoFolder, check.Extension!, new MemoryStream(clean), ct);
        var old = person.PhotoFile;
        person.PhotoFile = stored;
        await db.SaveChangesAsync(ct);
        if (old is not null) files.Delete(PhotoFolder, old);
        return check;
    }
}
