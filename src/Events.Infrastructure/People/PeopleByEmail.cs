using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.People;

/// <summary>A person of the people list found by an e-mail address (an author's, a registrant's).</summary>
public sealed record PersonByEmail(int Id, string? NameEn);

/// <summary>
/// The one lookup from an e-mail address to a person in the people list: addresses compared trimmed and in lower case.
/// Authors' bylines (<see cref="Papers.AuthorNames"/>, the English name) and badge bands
/// (<see cref="OnSite.SpeakerBadgeBands"/>, whether the person speaks in the event) both ask it.
/// </summary>
public static class PeopleByEmail
{
    public static string? Key(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    /// <summary>The people with these addresses, grouped by <see cref="Key"/> (an address can belong to several people), in id order.</summary>
    public static async Task<ILookup<string, PersonByEmail>> FindAsync(EventsDbContext db, IEnumerable<string?> emails, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var keys = emails.Select(Key).OfType<string>().Distinct().ToList();
        if (keys.Count == 0) return Array.Empty<PersonByEmail>().ToLookup(_ => "");
        var people = await db.People.AsNoTracking()
            .Where(p => p.Email != null && keys.Contains(p.Email.Trim().ToLower()))
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Email, p.NameEn }).ToListAsync(ct);
        return people.ToLookup(p => Key(p.Email)!, p => new PersonByEmail(p.Id, p.NameEn), StringComparer.Ordinal);
    }
}
