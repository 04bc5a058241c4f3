using System.Globalization;
using Events.Core.Common;
using Events.Core.Papers;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Papers;

/// <summary>
/// Authors' names as a reader of the English pages sees them: an author who is also a person in the people list (the
/// same address, the match <see cref="Reviews.PaperPlacement"/> uses when it puts a paper in the program) is shown by
/// that person's stored English name, with the Chinese name beside it ("Mu Rongping (穆荣平)"), the rule of
/// <see cref="Bilingual.PersonName(string, string?, CultureInfo, bool)"/>. In Chinese nothing is looked up.
/// </summary>
public sealed class AuthorNames
{
    private static readonly AuthorNames Chinese = new(new Dictionary<string, string>(), CultureInfo.GetCultureInfo("zh-CN"));

    private readonly IReadOnlyDictionary<string, string> englishByEmail;
    private readonly CultureInfo culture;

    private AuthorNames(IReadOnlyDictionary<string, string> englishByEmail, CultureInfo culture) =>
        (this.englishByEmail, this.culture) = (englishByEmail, culture);

    /// <summary>The stored English names of these authors, for the reader's culture (the current UI culture).</summary>
    public static async Task<AuthorNames> ForAsync(EventsDbContext db, IEnumerable<Author> authors, CancellationToken ct = default)
    {
        var culture = CultureInfo.CurrentUICulture;
        if (!Bilingual.IsEnglish(culture)) return Chinese;
        var people = await People.PeopleByEmail.FindAsync(db, authors.Select(a => a.Email), ct);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in people)
        {
            if (group.FirstOrDefault(p => p.NameEn != null) is { } named) names[group.Key] = named.NameEn!;
        }
        return new(names, culture);
    }

    /// <summary>The author's name for the reader.</summary>
    public string Shown(Author author) =>
        Bilingual.PersonName(author.Name.Trim(), Key(author.Email) is { } key && englishByEmail.TryGetValue(key, out var en) ? en : null, culture, withChinese: true);

    private static string? Key(string? email) => People.PeopleByEmail.Key(email);
}
