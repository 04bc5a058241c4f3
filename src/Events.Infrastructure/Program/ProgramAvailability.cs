using Events.Core.Access;
using Events.Core.Common;
using Events.Core.Program;
using Events.Core.Validation;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Program;

/// <summary>One available stretch on one day of the event, as wall-clock times in the event's zone; an end of 00:00 is midnight at the day's end.</summary>
public sealed record AvailabilityInput(DateOnly Day, TimeOnly From, TimeOnly To);

/// <summary>
/// A person's available times for a program, shown in the event's zone. <see cref="Version"/> names the stored rows the
/// editor loaded; a save against another version (someone saved in between) reports a conflict and writes nothing.
/// </summary>
public sealed record AvailabilityView(int RootId, int PersonId, string PersonName, string TimeZoneId, IReadOnlyList<DateOnly> Days, IReadOnlyList<AvailabilityInput> Ranges, string Version);

/// <summary>A program a person speaks or chairs in, for their own availability page.</summary>
public sealed record SpeakingEvent(int RootId, int PersonId, string Title, DateOnly StartDate, DateOnly EndDate);

public sealed partial class ProgramService
{
    /// <summary>
    /// The people who take part in the program of <paramref name="rootId"/> (speakers and chairs) whose name contains
    /// <paramref name="search"/>, searched in the database, at most <paramref name="take"/>: the organizers' availability picker.
    /// </summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> ProgramPeopleAsync(int rootId, string? search, int take = 20, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var inTree = db.Sessions.Where(s => db.Events.Any(e => e.Id == s.EventId && (e.Id == rootId || e.ParentEventId == rootId)));
        var ids = inTree.SelectMany(s => s.Chairs.Select(c => c.PersonId))
            .Union(inTree.SelectMany(s => s.Items.SelectMany(i => i.Participants)).Where(p => p.PersonId != null).Select(p => p.PersonId!.Value));
        var query = db.People.AsNoTracking().Where(p => ids.Contains(p.Id));
        if (!string.IsNullOrWhiteSpace(search)) query = query.Where(p => p.Name.Contains(search.Trim()) || (p.NameEn != null && p.NameEn.Contains(search.Trim())));
        var people = await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(take).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        return people.Select(p => (p.Id, p.Name)).ToList();
    }

    /// <summary>The top-level events whose program the signed-in user takes part in: their confirmed address is a person's of the program.</summary>
    public async Task<IReadOnlyList<SpeakingEvent>> SpeakingEventsAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var email = await db.Users.Where(u => u.Id == userId && u.EmailConfirmed && u.Email != null).Select(u => u.Email!.ToLower()).FirstOrDefaultAsync(ct);
        if (email is null) return [];
        var personIds = await db.People.Where(p => p.Email != null && p.Email.ToLower() == email).Select(p => p.Id).ToListAsync(ct);
        if (personIds.Count == 0) return [];
        var rows = await db.Sessions.Where(s => s.Chairs.Any(c => personIds.Contains(c.PersonId))
                || s.Items.Any(i => i.Participants.Any(x => x.PersonId != null && personIds.Contains(x.PersonId.Value))))
            .Select(s => new
            {
                Root = db.Events.Where(e => e.Id == s.EventId).Select(e => e.ParentEventId ?? e.Id).First(),
                Person = s.Chairs.Where(c => personIds.Contains(c.PersonId)).Select(c => (int?)c.PersonId).FirstOrDefault()
                    ?? s.Items.SelectMany(i => i.Participants).Where(x => x.PersonId != null && personIds.Contains(x.PersonId.Value)).Select(x => x.PersonId).FirstOrDefault(),
            }).Distinct().ToListAsync(ct);
        var roots = rows.Select(r => r.Root).Distinct().ToList();
        var events = await db.Events.AsNoTracking().Where(e => roots.Contains(e.Id)).Select(e => new { e.Id, e.Title, e.StartDate, e.EndDate }).ToListAsync(ct);
        return events.OrderByDescending(e => e.StartDate).ThenBy(e => e.Id)
            .Select(e => new SpeakingEvent(e.Id, rows.First(r => r.Root == e.Id).Person ?? 0, e.Title, e.StartDate, e.EndDate)).ToList();
    }

    public async Task<AvailabilityView?> AvailabilityAsync(int rootId, int personId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var root = await db.Events.AsNoTracking().Where(e => e.Id == rootId && e.ParentEventId == null)
            .Select(e => new { e.TimeZoneId, e.StartDate, e.EndDate }).FirstOrDefaultAsync(ct);
        var name = await db.People.Where(p => p.Id == personId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        if (root is null || name is null) return null;
        var zone = ProgramTime.Zone(root.TimeZoneId);
        var rows = await db.SpeakerAvailability.AsNoTracking().Where(a => a.EventId == rootId && a.PersonId == personId).OrderBy(a => a.Start).ThenBy(a => a.Id).ToListAsync(ct);
        var days = Enumerable.Range(0, root.EndDate.DayNumber - root.StartDate.DayNumber + 1).Select(root.StartDate.AddDays).ToList();
        var ranges = rows.Select(a =>
        {
            var (from, to) = (TimeZoneInfo.ConvertTime(a.Start, zone), TimeZoneInfo.ConvertTime(a.End, zone));
            return new AvailabilityInput(DateOnly.FromDateTime(from.DateTime), TimeOnly.FromDateTime(from.DateTime), TimeOnly.FromDateTime(to.DateTime));
        }).ToList();
        return new AvailabilityView(rootId, personId, name, root.TimeZoneId, days, ranges, VersionOf(rows.Select(r => r.Id)));
    }

    /// <summary>
    /// Replaces a person's available times for a program with <paramref name="ranges"/> (none: free throughout), checked against
    /// the version the editor loaded. The organizers of the top-level event, or the person themself, may do it; every open
    /// timetable of the program then recomputes its conflicts.
    /// </summary>
    public async Task<SaveResult> SaveAvailabilityAsync(Actor actor, int rootId, int personId, string loadedVersion, IReadOnlyList<AvailabilityInput> ranges, CancellationToken ct = default)
    {
        await rights.DemandAvailabilityAsync(actor, rootId, personId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var root = await db.Events.AsNoTracking().Where(e => e.Id == rootId && e.ParentEventId == null)
            .Select(e => new { e.TimeZoneId, e.StartDate, e.EndDate }).FirstOrDefaultAsync(ct);
        var name = await db.People.Where(p => p.Id == personId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        if (root is null || name is null) return SaveResult.NotFound;
        var errors = new List<RuleViolation>();
        for (var i = 0; i < ranges.Count; i++)
        {
            var r = ranges[i];
            if (r.Day < root.StartDate || r.Day > root.EndDate) errors.Add(new($"Ranges[{i}].Day", "OutsideEventDays"));
            if (r.To != TimeOnly.MinValue && r.To <= r.From) errors.Add(new($"Ranges[{i}].To", "EndBeforeStart"));
        }
        errors.AddRange(Overlapping(ranges));
        if (ranges.Count > 50) errors.Add(new("Ranges", "TooMany"));
        if (errors.Count > 0) return SaveResult.Invalid(errors);

        var zone = ProgramTime.Zone(root.TimeZoneId);
        var strategy = db.Database.CreateExecutionStrategy();
        var saved = await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var stored = await db.SpeakerAvailability.Where(a => a.EventId == rootId && a.PersonId == personId).ToListAsync(ct);
            if (VersionOf(stored.Select(a => a.Id)) != loadedVersion) return false;
            db.SpeakerAvailability.RemoveRange(stored);
            db.SpeakerAvailability.AddRange(ranges.Select(r => new SpeakerAvailability
            {
                EventId = rootId,
                PersonId = personId,
                Start = ProgramTime.ToInstant(r.Day, r.From, zone),
                End = r.To == TimeOnly.MinValue ? ProgramTime.ToInstant(r.Day.AddDays(1), TimeOnly.MinValue, zone) : ProgramTime.ToInstant(r.Day, r.To, zone),
            }));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        });
        if (!saved) return SaveResult.Conflict;
        await AnnounceAsync(db, actor, rootId, ProgramEdit.Availability, 0, name, ct, tray: false, availabilityOf: personId);
        return SaveResult.Saved(personId);
    }

    /// <summary>
    /// A range that repeats or overlaps an earlier-starting one on the same day (an end of 00:00 runs to midnight) is named,
    /// so the editor shows the person one stretch per time instead of storing the same hours twice.
    /// </summary>
    private static IEnumerable<RuleViolation> Overlapping(IReadOnlyList<AvailabilityInput> ranges)
    {
        static TimeSpan End(AvailabilityInput r) => r.To == TimeOnly.MinValue ? TimeSpan.FromDays(1) : r.To.ToTimeSpan();
        var ordered = ranges.Select((r, i) => (Range: r, Index: i))
            .Where(x => x.Range.To == TimeOnly.MinValue || x.Range.To > x.Range.From)
            .OrderBy(x => x.Range.Day).ThenBy(x => x.Range.From).ThenBy(x => x.Index).ToList();
        // The latest end so far on the day: a long morning range overlaps every shorter one starting inside it.
        var (day, reach) = (DateOnly.MinValue, TimeSpan.Zero);
        foreach (var (range, index) in ordered)
        {
            if (range.Day != day) (day, reach) = (range.Day, TimeSpan.Zero);
            else if (range.From.ToTimeSpan() < reach) yield return new($"Ranges[{index}].From", "OverlapsAnother");
            if (End(range) > reach) reach = End(range);
        }
    }

    /// <summary>The stored rows as the editor saw them: their ids in order ("" for none). Any save replaces the rows, so any save changes it.</summary>
    private static string VersionOf(IEnumerable<int> ids) => string.Join(",", ids.Order());
}
