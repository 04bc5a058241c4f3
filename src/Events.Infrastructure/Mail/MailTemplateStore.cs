using Events.Core.Access;
using Events.Infrastructure.Access;
using System.Text.Json;
using Events.Core.Mail;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Mail;

/// <summary>The built-in templates (embedded per language) and the events' own rewordings of them.</summary>
public sealed class MailTemplateStore(IDbContextFactory<EventsDbContext> factory, EventRights rights)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
    private static readonly Dictionary<string, Dictionary<string, MailTemplate>> Defaults = LoadDefaults();

    public static MailTemplate Default(string key, string culture) =>
        Defaults.TryGetValue(Normalize(culture), out var set) && set.TryGetValue(key, out var t)
            ? t
            : throw new KeyNotFoundException($"No built-in mail template {key} for {culture}.");

    /// <summary>Mail goes out in zh-CN unless the recipient chose English.</summary>
    public static string Normalize(string? culture) => culture is not null && culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh-CN";

    public static async Task<MailTemplate> ResolveAsync(EventsDbContext db, string key, string culture, int? eventId, CancellationToken ct)
    {
        culture = Normalize(culture);
        if (eventId is { } id)
        {
            var own = await db.MailTemplateOverrides.AsNoTracking()
                .FirstOrDefaultAsync(o => o.EventId == id && o.TemplateKey == key && o.Culture == culture, ct);
            if (own is not null) return new MailTemplate(own.Subject, own.Body);
        }
        return Default(key, culture);
    }

    public async Task<MailTemplateOverride?> GetOverrideAsync(int eventId, string key, string culture, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.MailTemplateOverrides.AsNoTracking()
            .FirstOrDefaultAsync(o => o.EventId == eventId && o.TemplateKey == key && o.Culture == Normalize(culture), ct);
    }

    /// <summary>
    /// Saves an event's wording. Unknown placeholders are refused with their names, so no mail ever shows "{{…}}".
    /// <paramref name="loadedStamp"/> is the stamp the editor loaded (null for a template not yet overridden).
    /// </summary>
    public async Task<TemplateSaveResult> SaveOverrideAsync(Actor actor, int eventId, string key, string culture, MailTemplate template, Guid? loadedStamp, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        if (!MailTemplateKeys.PerEvent.Contains(key)) return TemplateSaveResult.Refused([]);
        if (string.IsNullOrWhiteSpace(template.Subject) || string.IsNullOrWhiteSpace(template.Body)) return TemplateSaveResult.Empty;
        var unknown = template.UnknownPlaceholders(MailTemplateKeys.Placeholders[key]);
        if (unknown.Count > 0) return TemplateSaveResult.Refused(unknown);

        culture = Normalize(culture);
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.MailTemplateOverrides.FirstOrDefaultAsync(o => o.EventId == eventId && o.TemplateKey == key && o.Culture == culture, ct);
        if (row is null)
        {
            if (loadedStamp is not null) return TemplateSaveResult.Conflict;
            row = new MailTemplateOverride { EventId = eventId, TemplateKey = key, Culture = culture, Subject = template.Subject, Body = template.Body };
            db.MailTemplateOverrides.Add(row);
        }
        else
        {
            if (loadedStamp is null) return TemplateSaveResult.Conflict;
            db.ExpectVersion(row, loadedStamp.Value);
            row.Subject = template.Subject;
            row.Body = template.Body;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return TemplateSaveResult.Conflict;
        }
        return TemplateSaveResult.Saved(row.ConcurrencyStamp);
    }

    public async Task ResetAsync(Actor actor, int eventId, string key, string culture, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.MailTemplateOverrides.Where(o => o.EventId == eventId && o.TemplateKey == key && o.Culture == Normalize(culture)).ExecuteDeleteAsync(ct);
    }

    private static Dictionary<string, Dictionary<string, MailTemplate>> LoadDefaults()
    {
        var result = new Dictionary<string, Dictionary<string, MailTemplate>>();
        var assembly = typeof(MailTemplateStore).Assembly;
        foreach (var culture in MailTemplateKeys.Cultures)
        {
            using var stream = assembly.GetManifestResourceStream($"Mail.Templates.{culture}.json")
                ?? throw new InvalidOperationException($"Built-in mail templates for {culture} are missing.");
            var raw = JsonSerializer.Deserialize<Dictionary<string, RawTemplate>>(stream, JsonOptions)!;
            result[culture] = raw.ToDictionary(kv => kv.Key, kv => new MailTemplate(kv.Value.Subject, kv.Value.Body));
        }
        return result;
    }

    private sealed record RawTemplate(string Subject, string Body);
}

public enum TemplateSaveOutcome
{
    Saved,
    UnknownPlaceholders,
    Empty,
    Conflict,
}

public sealed record TemplateSaveResult(TemplateSaveOutcome Outcome, IReadOnlyList<string> Unknown, Guid Stamp)
{
    public static TemplateSaveResult Saved(Guid stamp) => new(TemplateSaveOutcome.Saved, [], stamp);
    public static TemplateSaveResult Refused(IReadOnlyList<string> unknown) => new(TemplateSaveOutcome.UnknownPlaceholders, unknown, Guid.Empty);
    public static readonly TemplateSaveResult Empty = new(TemplateSaveOutcome.Empty, [], Guid.Empty);
    public static readonly TemplateSaveResult Conflict = new(TemplateSaveOutcome.Conflict, [], Guid.Empty);
}
