using Events.Core.Papers;
using Events.Core.Program;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Program;

public enum TrayKind
{
    /// <summary>An accepted paper of the event tree not yet placed in any session.</summary>
    Paper,

    /// <summary>A session without a time: it ends where it starts (imported or entered without its hours).</summary>
    Session,
}

/// <summary>
/// One entry of the timetable's unscheduled tray. <see cref="EventId"/> is the paper's or the session's forum;
/// <see cref="Stamp"/> the session's concurrency stamp (papers are linked only while unplaced, so they need none).
/// </summary>
public sealed record TrayEntry(TrayKind Kind, int Id, int EventId, string Title, string? People, Guid Stamp);

public sealed partial class ProgramService
{
    /// <summary>How many tray entries the page shows at once; the rest are counted.</summary>
    public const int TrayPageSize = 50;

    /// <summary>
    /// What waits to be placed in the program of <paramref name="rootId"/>: accepted papers of any forum not placed in a
    /// session, then sessions without a time, in the order they were added; at most <paramref name="take"/> of each, and the totals.
    /// </summary>
    public async Task<(IReadOnlyList<TrayEntry> Entries, int Papers, int Sessions)> TrayAsync(int rootId, int take = TrayPageSize, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var papers = db.Submissions.Where(p => db.Events.Any(e => e.Id == p.EventId && (e.Id == rootId || e.ParentEventId == rootId))
            && (p.Decision == Decision.AcceptOral || p.Decision == Decision.AcceptPoster) && p.State != SubmissionState.Withdrawn && p.SessionItemId == null);
        var timeless = db.Sessions.Where(s => db.Events.Any(e => e.Id == s.EventId && (e.Id == rootId || e.ParentEventId == rootId)) && s.End <= s.Start);
        var paperRows = await papers.OrderBy(p => p.Number).ThenBy(p => p.Id).Take(take)
            .Select(p => new { p.Id, p.EventId, p.Title, Authors = p.Authors.OrderBy(a => a.Order).Select(a => a.Name).Take(3).ToList() }).AsNoTracking().ToListAsync(ct);
        var sessionRows = await timeless.OrderBy(s => s.Id).Take(take).Select(s => new { s.Id, s.EventId, s.Title, s.ConcurrencyStamp }).AsNoTracking().ToListAsync(ct);
        var entries = paperRows.Select(p => new TrayEntry(TrayKind.Paper, p.Id, p.EventId, p.Title, string.Join("、", p.Authors), Guid.Empty))
            .Concat(sessionRows.Select(s => new TrayEntry(TrayKind.Session, s.Id, s.EventId, s.Title, null, s.ConcurrencyStamp))).ToList();
        return (entries, await papers.CountAsync(ct), await timeless.CountAsync(ct));
    }
}
