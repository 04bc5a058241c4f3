using Events.Core.Access;
using Events.Core.Common;
using Events.Core.Events;
using Events.Core.Papers;
using Events.Core.Program;
using Events.Core.Validation;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Events.Infrastructure.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Papers;

/// <summary>An event's call for papers: the organizer's settings and the public call page.</summary>
public sealed class CallService(IDbContextFactory<EventsDbContext> factory, TimeProvider clock, EventRights rights, IPublicPageCache pages)
{
    /// <summary>The settings form for an event; a new call starts from defaults counted back from the event's first day.</summary>
    public async Task<CallEditView?> LoadAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (ev is null) return null;
        var call = await db.CallsForPapers.AsNoTracking().Include(c => c.Topics).Include(c => c.Criteria)
            .FirstOrDefaultAsync(c => c.EventId == eventId, ct);
        var submissions = await db.Submissions.CountAsync(s => s.EventId == eventId, ct);
        var input = call is null ? CallInput.New(eventId, ev.StartDate) : CallInput.From(call, ProgramTime.Zone(ev.TimeZoneId));
        return new CallEditView(input, call is not null, ev.Title, ev.Slug, ev.TimeZoneId, submissions) { EventEndDate = ev.EndDate };
    }

    public async Task<CallForPapers?> GetAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.CallsForPapers.AsNoTracking().Include(c => c.Topics).Include(c => c.Criteria)
            .FirstOrDefaultAsync(c => c.EventId == eventId, ct);
    }

    /// <summary>
    /// Creates or updates the call. A stale stamp writes nothing and reports a conflict. Topics chosen by submissions and
    /// criteria with scores cannot be removed, and a scale cannot shrink below a score already given.
    /// </summary>
    public async Task<SaveResult> SaveAsync(Actor actor, CallInput input, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, input.EventId, ct);
        var errors = input.Validate().ToList();
        if (errors.Count > 0) return SaveResult.Invalid(errors);

        await using var db = await factory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == input.EventId, ct);
        if (ev is null) return SaveResult.NotFound;

        var call = await db.CallsForPapers.Include(c => c.Topics).Include(c => c.Criteria)
            .FirstOrDefaultAsync(c => c.EventId == input.EventId, ct);
        if (call is null)
        {
            // The form was loaded from a call that no longer exists.
            if (input.Id is not null) return SaveResult.NotFound;
            call = new CallForPapers { EventId = input.EventId };
            db.CallsForPapers.Add(call);
        }
        else
        {
            // A form opened with the defaults while someone else created the call: theirs wins until the user reloads.
            if (input.Id != call.Id) return SaveResult.Conflict;
            errors.AddRange(await CheckRemovalsAsync(db, call, input, ct));
            if (errors.Count > 0) return SaveResult.Invalid(errors);
            db.ExpectVersion(call, input.ConcurrencyStamp);
        }
        input.ApplyTo(call, ProgramTime.Zone(ev.TimeZoneId));

        try
        {
            if (!await db.TrySaveVersionedAsync(ct)) return SaveResult.Conflict;
        }
        catch (DbUpdateException) when (input.Id is null)
        {
            // The unique index on the event caught a second "first" call.
            return SaveResult.Conflict;
        }
        input.Id = call.Id;
        input.ConcurrencyStamp = call.ConcurrencyStamp;
        var saved = CallInput.From(call, ProgramTime.Zone(ev.TimeZoneId));
        input.Topics = saved.Topics;
        input.Criteria = saved.Criteria;
        await pages.EventChangedAsync(input.EventId, ct: ct);
        return SaveResult.Saved(call.Id);
    }

    private static async Task<List<RuleViolation>> CheckRemovalsAsync(EventsDbContext db, CallForPapers call, CallInput input, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var removedTopics = call.Topics.Where(t => !input.Topics.Any(x => x.Id == t.Id)).Select(t => t.Id).ToList();
        if (removedTopics.Count > 0 && (await db.Submissions.AnyAsync(s => s.TopicId != null && removedTopics.Contains(s.TopicId.Value), ct)
            || await db.ReviewerTopics.AnyAsync(r => removedTopics.Contains(r.TopicId), ct)))
        {
            errors.Add(new(nameof(CallInput.Topics), "TopicInUse"));
        }
        var removedCriteria = call.Criteria.Where(c => !input.Criteria.Any(x => x.Id == c.Id)).Select(c => c.Id).ToList();
        if (removedCriteria.Count > 0 && await db.ReviewScores.AnyAsync(s => removedCriteria.Contains(s.CriterionId), ct))
        {
            errors.Add(new(nameof(CallInput.Criteria), "CriterionInUse"));
        }
        for (var i = 0; i < input.Criteria.Count; i++)
        {
            if (input.Criteria[i].Id is not { } id) continue;
            var scale = input.Criteria[i].ScaleMax;
            if (await db.ReviewScores.AnyAsync(s => s.CriterionId == id && s.Value > scale, ct))
            {
                errors.Add(new($"{nameof(CallInput.Criteria)}[{i}].ScaleMax", "ScaleBelowScores"));
            }
        }
        return errors;
    }

    /// <summary>
    /// The public call: shown while the event is public and the call published. After the submission deadline the page stays,
    /// marked closed and without the submit button, so links in old announcements still explain what happened.
    /// </summary>
    public async Task<PublicCallView?> GetPublicAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == slug && e.Status == EventStatus.Published, ct);
        if (ev is null) return null;
        var call = await db.CallsForPapers.AsNoTracking().Include(c => c.Topics)
            .FirstOrDefaultAsync(c => c.EventId == ev.Id && c.IsPublished, ct);
        if (call is null) return null;
        return new PublicCallView(ev.Id, ev.Slug, ev.Title, ev.TimeZoneId, call.Introduction,
            call.Topics.OrderBy(t => t.Order).Select(t => t.Name).ToList(),
            call.SubmissionDeadline, call.ReviewDeadline, call.NotificationDate, call.CameraReadyDeadline,
            call.MaxFileSizeMb, call.MaxPages, call.ReviewMode, call.IsOpenAt(clock.GetUtcNow()));
    }
}
