using Events.Core.Access;
using Events.Core.Common;
using Events.Core.Events;
using Events.Core.Validation;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Events.Infrastructure.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Events;

public sealed class EventEditor(IDbContextFactory<EventsDbContext> factory, EventRights rights, IPublicPageCache pages)
{
    public async Task<EventInput?> LoadAsync(int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().Include(e => e.Units).FirstOrDefaultAsync(e => e.Id == id, ct);
        return ev is null ? null : EventInput.From(ev);
    }

    /// <summary>
    /// Creates or updates an event. A new event gets its creator on the staff list.
    /// An update whose loaded stamp is stale writes nothing and reports a conflict.
    /// Creating an event takes the organizer role; editing one takes its staff list; placing an event under a parent,
    /// moving it to another or detaching it takes rights over every parent it leaves or joins.
    /// </summary>
    public async Task<SaveResult> SaveAsync(Actor actor, EventInput input, CancellationToken ct = default)
    {
        if (input.Id is { } editedId) await rights.DemandEventAsync(actor, editedId, ct);
        else if (!actor.HasOrganizerRole) throw new AccessDeniedException($"User {actor.UserId} may not create events.");
        var errors = input.Validate().ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        errors.AddRange(await CheckAgainstStoreAsync(db, input, ct));
        errors.AddRange(await CheckParentRightsAsync(db, input, actor, ct));
        if (errors.Count > 0) return SaveResult.Invalid(errors);

        Event ev;
        string? formerSlug = null;
        if (input.Id is { } id)
        {
            var found = await db.Events.Include(e => e.Units).FirstOrDefaultAsync(e => e.Id == id, ct);
            if (found is null) return SaveResult.NotFound;
            ev = found;
            formerSlug = found.Slug;
            db.ExpectVersion(ev, input.ConcurrencyStamp);
        }
        else
        {
            ev = new Event { Slug = input.Slug, Title = input.Title };
            ev.Staff.Add(new EventStaff { UserId = actor.UserId, SeesPersonalData = true });
            db.Events.Add(ev);
        }
        input.ApplyTo(ev);

        try
        {
            if (!await db.TrySaveVersionedAsync(ct)) return SaveResult.Conflict;
        }
        catch (DbUpdateException) when (input.Id is null)
        {
            // Two organizers chose the same slug at once; the unique index caught the second.
            if (await SlugTakenAsync(input, ct)) return SaveResult.Invalid([new RuleViolation(nameof(EventInput.Slug), "SlugTaken")]);
            throw;
        }
        input.Id = ev.Id;
        input.ConcurrencyStamp = ev.ConcurrencyStamp;
        await pages.EventChangedAsync(ev.Id, formerSlug == ev.Slug ? null : formerSlug, ct);
        return SaveResult.Saved(ev.Id);
    }

    private async Task<bool> SlugTakenAsync(EventInput input, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Events.AnyAsync(e => e.Slug == input.Slug.Trim() && e.Id != input.Id, ct);
    }

    /// <summary>
    /// A sub-forum's staff must not take it out of the parent's program (or into another's) unless they also run
    /// the parents concerned, so the old parent and the new one are both checked whenever the parent changes.
    /// </summary>
    private async Task<List<RuleViolation>> CheckParentRightsAsync(EventsDbContext db, EventInput input, Actor actor, CancellationToken ct)
    {
        int? oldParent = input.Id is { } id
            ? await db.Events.Where(e => e.Id == id).Select(e => e.ParentEventId).FirstOrDefaultAsync(ct)
            : null;
        if (oldParent == input.ParentEventId) return [];
        foreach (var parent in new[] { oldParent, input.ParentEventId }.OfType<int>())
        {
            if (!await rights.MayManageEventAsync(actor, parent, ct))
            {
                return [new RuleViolation(nameof(EventInput.ParentEventId), "ParentNotYours")];
            }
        }
        return [];
    }

    private static async Task<List<RuleViolation>> CheckAgainstStoreAsync(EventsDbContext db, EventInput input, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var slug = input.Slug.Trim();
        if (slug.Length > 0 && await db.Events.AnyAsync(e => e.Slug == slug && e.Id != input.Id, ct))
        {
            errors.Add(new(nameof(EventInput.Slug), "SlugTaken"));
        }
        if (input.ParentEventId is { } parentId)
        {
            var parent = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == parentId, ct);
            if (parent is null || parent.Kind == EventKind.SubForum)
            {
                errors.Add(new(nameof(EventInput.ParentEventId), "ParentInvalid"));
            }
            else if (input.StartDate < parent.StartDate || input.EndDate > parent.EndDate)
            {
                errors.Add(new(nameof(EventInput.StartDate), "OutsideParentDates"));
            }
        }
        if (input.Id is { } id && input.Kind == EventKind.SubForum && await db.Events.AnyAsync(e => e.ParentEventId == id, ct))
        {
            errors.Add(new(nameof(EventInput.Kind), "HasSubForums"));
        }
        var unitIds = input.Units.Values.SelectMany(x => x).Distinct().ToList();
        if (unitIds.Count > 0 && await db.Organizations.CountAsync(o => unitIds.Contains(o.Id), ct) != unitIds.Count)
        {
            errors.Add(new(nameof(EventInput.Units), "UnknownOrganization"));
        }
        return errors;
    }
}
