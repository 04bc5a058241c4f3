using Events.Core.Attendees;
using Events.Core.Attendees.Dashboard;
using Events.Core.Attendees.Forms;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Attendees;

/// <summary>
/// Reads an event's organizer dashboard: registrations counted by category and state in the database, and the few
/// 回执 answers the logistics tables need (arrival, departure, lodging, diet; never the protected ones) of the active
/// registrations, read as three short columns through the (EventId, FieldKey) index and grouped on the server.
/// </summary>
public sealed class RegistrationDashboardService(IDbContextFactory<EventsDbContext> factory)
{
    public async Task<RegistrationDashboard?> LoadAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var zone = await db.Events.Where(e => e.Id == eventId).Select(e => e.TimeZoneId).FirstOrDefaultAsync(ct);
        if (zone is null) return null;

        var categories = await db.RegistrationCategories.AsNoTracking().Where(c => c.EventId == eventId)
            .Select(c => new RegistrationDashboardBuilder.CategoryName(c.Id, c.Name, c.NameEn, c.SortOrder)).ToListAsync(ct);
        var counts = await db.Registrations.Where(r => r.EventId == eventId)
            .GroupBy(r => new { r.CategoryId, r.State })
            .Select(g => new RegistrationDashboardBuilder.StateCount(g.Key.CategoryId, g.Key.State, g.Count())).ToListAsync(ct);

        var keys = RegistrationDashboardBuilder.FieldKeys.ToList();
        var rows = await (
            from a in db.RegistrationAnswers.AsNoTracking()
            where a.EventId == eventId && !a.IsProtected && keys.Contains(a.FieldKey)
            join r in db.Registrations on a.RegistrationId equals r.Id
            where r.State == RegistrationState.Active
            select new { a.RegistrationId, a.FieldKey, a.Value }).ToListAsync(ct);
        var activeCount = counts.Where(c => c.State == RegistrationState.Active).Sum(c => c.Count);
        var answered = rows.GroupBy(r => r.RegistrationId)
            .Select(g => new RegistrationAnswers(g.ToDictionary(r => r.FieldKey, r => (string?)r.Value, StringComparer.Ordinal)))
            .ToList();
        // Active registrations without any of these answers count as unanswered everywhere.
        var confirmed = answered.Concat(Enumerable.Repeat(RegistrationAnswers.Empty, Math.Max(0, activeCount - answered.Count))).ToList();

        var json = await db.ReplyForms.Where(f => f.EventId == eventId).Select(f => f.DefinitionJson).FirstOrDefaultAsync(ct);
        return RegistrationDashboardBuilder.Build(zone, categories, counts, confirmed, ReplyFormDefinition.Parse(json));
    }
}
