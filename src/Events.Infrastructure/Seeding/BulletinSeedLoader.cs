using System.Text.Json;
using System.Text.Json.Serialization;
using Events.Core.Bulletins;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Seeding;

internal sealed record SeedBulletinSeries(
    string Key, string Name, string Publisher, string? PublisherOrganization, BulletinHouseStyle? Style,
    int? CounterYear, int NextNumberInYear, int NextCumulativeNumber, string MastheadColor,
    EditorialBoard? EditorialBoard, BulletinContact? Contact);

internal sealed record SeedBulletin(
    string Series, string? Event, BulletinStatus Status, string? RunLabel, DateOnly IssueDate, string? EditorsNote, string Title, string Body,
    List<BulletinAuthorInput>? Authors, BulletinCredits? Credits, BulletinDistribution? Distribution);

internal sealed record SeedBulletins(List<SeedBulletinSeries> Series, List<SeedBulletin> Issues);

/// <summary>
/// Loads seeds/bulletins.json: the demo series and its issues. It runs on a database that has no bulletin series yet,
/// also one seeded before bulletins existed, so it finds organizations and events by name and slug rather than by seed key.
/// Published issues get their numbers through the series counters, exactly as publishing does.
/// </summary>
public sealed class BulletinSeedLoader(string seedFolder)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<bool> LoadIfMissingAsync(EventsDbContext db, CancellationToken ct = default)
    {
        var path = Path.Combine(seedFolder, "bulletins.json");
        if (!File.Exists(path) || await db.BulletinSeries.AnyAsync(ct)) return false;
        await using var stream = File.OpenRead(path);
        var seed = await JsonSerializer.DeserializeAsync<SeedBulletins>(stream, Json, ct) ?? throw new InvalidDataException($"{path} is empty.");

        var series = new Dictionary<string, BulletinSeries>();
        foreach (var s in seed.Series)
        {
            var orgId = s.PublisherOrganization is null ? null
                : await db.Organizations.Where(o => o.Name == s.PublisherOrganization).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
            var row = new BulletinSeries
            {
                Name = s.Name,
                Publisher = s.Publisher,
                PublisherOrganizationId = orgId,
                Style = s.Style ?? BulletinHouseStyle.Classic(),
                CounterYear = s.CounterYear,
                NextNumberInYear = s.NextNumberInYear,
                NextCumulativeNumber = s.NextCumulativeNumber,
                MastheadColor = s.MastheadColor,
                EditorialBoard = s.EditorialBoard ?? new(),
                Contact = s.Contact ?? new(),
            };
            series.Add(s.Key, row);
            db.BulletinSeries.Add(row);
        }

        foreach (var s in seed.Issues)
        {
            var owner = series.TryGetValue(s.Series, out var found) ? found : throw new InvalidDataException($"Seed bulletin refers to unknown series '{s.Series}'.");
            // The issue is about a seeded event; if that event was removed, the issue still loads, unlinked.
            var eventId = s.Event is null ? null : await db.Events.Where(e => e.Slug == s.Event).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
            var at = new DateTimeOffset(s.IssueDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var input = new BulletinInput
            {
                EventId = eventId,
                RunLabel = s.RunLabel,
                IssueDate = s.IssueDate,
                EditorsNote = s.EditorsNote,
                Title = s.Title,
                Body = s.Body,
                Authors = s.Authors ?? [],
                CompiledBy = s.Credits?.CompiledBy,
                Editor = s.Credits?.Editor,
                ManagingEditor = s.Credits?.ManagingEditor,
                SentTo = s.Distribution?.SentTo,
                CopiedTo = s.Distribution?.CopiedTo,
                MailTo = s.Distribution?.MailTo,
            };
            if (input.Validate() is { Count: > 0 } errors)
            {
                throw new InvalidDataException($"Seed bulletin '{s.Title}' is invalid: {string.Join(", ", errors.Select(e => $"{e.Field} {e.Code}"))}");
            }
            var bulletin = new Bulletin { Series = owner, Title = s.Title, CreatedAt = at, UpdatedAt = at };
            input.ApplyTo(bulletin);
            if (s.Status == BulletinStatus.Published)
            {
                // The seeded series continues numbers from before it moved here, so its counter year holds.
                var numbers = BulletinNumbering.Next(owner, s.IssueDate, []);
                BulletinNumbering.Advance(owner, numbers);
                (bulletin.Year, bulletin.NumberInYear, bulletin.CumulativeNumber) = (numbers.Year, numbers.NumberInYear, numbers.CumulativeNumber);
                bulletin.PublishedAt = at;
                bulletin.PublishedBy = "seed";
            }
            bulletin.Status = s.Status;
            db.Bulletins.Add(bulletin);
        }
        await db.SaveChangesAsync(ct);
        return true;
    }
}
