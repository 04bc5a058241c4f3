using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.Attendees.Forms;
using Events.Core.Common;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Attendees;

/// <summary>The 回执 as the builder loads it: the definition, its version and the stamp to save against (empty when none yet).</summary>
public sealed record ReplyFormView(ReplyFormDefinition Definition, int Version, Guid ConcurrencyStamp, int Answered);

/// <summary>An organizer builds an event's 回执. Each save is a new version; registrations keep the version they answered.</summary>
public sealed class ReplyFormEditor(IDbContextFactory<EventsDbContext> factory, EventRights rights, TimeProvider clock)
{
    public async Task<ReplyFormView> LoadAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var form = await db.ReplyForms.AsNoTracking().FirstOrDefaultAsync(f => f.EventId == eventId, ct);
        var answered = await db.Registrations.CountAsync(r => r.EventId == eventId && r.FormVersion != null, ct);
        return form is null ? new ReplyFormView(new(), 0, Guid.Empty, answered)
            : new ReplyFormView(ReplyFormDefinition.Parse(form.DefinitionJson), form.Version, form.ConcurrencyStamp, answered);
    }

    /// <summary>Saves the definition as the next version; a stale builder (someone saved since it loaded) gets a conflict.</summary>
    public async Task<SaveResult> SaveAsync(Actor actor, int eventId, ReplyFormDefinition definition, Guid loadedStamp, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        var errors = ReplyFormDesign.Validate(definition);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Events.AnyAsync(e => e.Id == eventId, ct)) return SaveResult.NotFound;
        var form = await db.ReplyForms.FirstOrDefaultAsync(f => f.EventId == eventId, ct);
        if (form is null)
        {
            if (loadedStamp != Guid.Empty) return SaveResult.Conflict;
            form = new ReplyForm { EventId = eventId, DefinitionJson = "" };
            db.ReplyForms.Add(form);
        }
        else
        {
            if (loadedStamp == Guid.Empty) return SaveResult.Conflict;
            db.ExpectVersion(form, loadedStamp);
        }
        form.DefinitionJson = definition.ToJson();
        form.Version++;
        form.UpdatedAt = clock.GetUtcNow();
        try
        {
            if (!await db.TrySaveVersionedAsync(ct)) return SaveResult.Conflict;
        }
        catch (DbUpdateException) when (loadedStamp == Guid.Empty)
        {
            return SaveResult.Conflict;
        }
        return SaveResult.Saved(form.Version);
    }
}
