using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.Common;
using Events.Core.Program;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Attendees;

/// <summary>One category as the organizer's list shows it, with its seats taken and counts by state.</summary>
public sealed record CategoryRow(RegistrationCategoryInput Input, int SeatsTaken, int Pending, int Waiting);

/// <summary>An organizer defines an event's registration categories (正式代表, 学生 …): seats, fees, approval.</summary>
public sealed class RegistrationCategoryEditor(IDbContextFactory<EventsDbContext> factory, EventRights rights)
{
    public async Task<IReadOnlyList<CategoryRow>> ListAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var zoneId = await db.Events.Where(e => e.Id == eventId).Select(e => e.TimeZoneId).FirstOrDefaultAsync(ct);
        if (zoneId is null) return [];
        var zone = ProgramTime.Zone(zoneId);
        var categories = await db.RegistrationCategories.AsNoTracking().Where(c => c.EventId == eventId)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
        var counts = await db.Registrations.Where(r => r.EventId == eventId && r.CategoryId != null
                && (r.State == RegistrationState.PendingApproval || r.State == RegistrationState.Waiting))
            .GroupBy(r => new { r.CategoryId, r.State }).Select(g => new { g.Key.CategoryId, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        int Count(int id, RegistrationState s) => counts.FirstOrDefault(x => x.CategoryId == id && x.State == s)?.Count ?? 0;
        return categories.Select(c => new CategoryRow(RegistrationCategoryInput.From(c, zone), c.SeatsTaken,
            Count(c.Id, RegistrationState.PendingApproval), Count(c.Id, RegistrationState.Waiting))).ToList();
    }

    /// <summary>Adds (Id 0) or updates a category; a stale form reports a conflict and writes nothing.</summary>
    public async Task<SaveResult> SaveAsync(Actor actor, int eventId, RegistrationCategoryInput input, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        var errors = input.Validate();
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        await using var db = await factory.CreateDbContextAsync(ct);
        var zoneId = await db.Events.Where(e => e.Id == eventId).Select(e => e.TimeZoneId).FirstOrDefaultAsync(ct);
        if (zoneId is null) return SaveResult.NotFound;
        RegistrationCategory category;
        if (input.Id == 0)
        {
            var next = await db.RegistrationCategories.Where(c => c.EventId == eventId).Select(c => (int?)c.SortOrder).MaxAsync(ct) ?? -1;
            category = new RegistrationCategory { EventId = eventId, Name = "", SortOrder = next + 1 };
            db.RegistrationCategories.Add(category);
        }
        else
        {
            var found = await db.RegistrationCategories.FirstOrDefaultAsync(c => c.Id == input.Id && c.EventId == eventId, ct);
            if (found is null) return SaveResult.NotFound;
            category = found;
            db.ExpectVersion(category, input.ConcurrencyStamp);
        }
        input.ApplyTo(category, ProgramTime.Zone(zoneId));
        if (!await db.TrySaveVersionedAsync(ct)) return SaveResult.Conflict;
        input.Id = category.Id;
        input.ConcurrencyStamp = category.ConcurrencyStamp;
        return SaveResult.Saved(category.Id);
    }

    /// <summary>
    /// Moves a category one place up (<paramref name="offset"/> -1) or down (+1) on the registration form, renumbering
    /// the event's categories 0, 1, 2 … False when it is already first or last, or not the event's.
    /// </summary>
    public async Task<bool> MoveAsync(Actor actor, int eventId, int categoryId, int offset, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var categories = await db.RegistrationCategories.Where(c => c.EventId == eventId).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
        var from = categories.FindIndex(c => c.Id == categoryId);
        var to = from + Math.Sign(offset);
        if (from < 0 || offset == 0 || to < 0 || to >= categories.Count) return false;
        (categories[from], categories[to]) = (categories[to], categories[from]);
        for (var i = 0; i < categories.Count; i++) categories[i].SortOrder = i;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Removes a category no registration refers to; one with registrations is closed instead (kept for them).</summary>
    public async Task<bool> DeleteAsync(Actor actor, int eventId, int categoryId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.Registrations.AnyAsync(r => r.CategoryId == categoryId, ct))
            return await db.RegistrationCategories.Where(c => c.Id == categoryId && c.EventId == eventId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsClosed, true).SetProperty(c => c.ConcurrencyStamp, Guid.NewGuid()), ct) > 0;
        return await db.RegistrationCategories.Where(c => c.Id == categoryId && c.EventId == eventId).ExecuteDeleteAsync(ct) > 0;
    }
}
