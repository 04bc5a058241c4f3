using Events.Core.Access;
using Events.Core.Papers;
using Events.Core.Reviews;
using Events.Core.Reviews.Assignment;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Reviews;

public sealed record ProposedRow(int SubmissionId, int Number, string Title, int ReviewerId, string ReviewerName, AssignmentReason Reasons, int Cost);

public sealed record UnfilledPaper(int SubmissionId, int Number, string Title, int Missing);

public sealed record ReviewerLoad(int ReviewerId, string Name, int Before, int Added, int MaxLoad);

/// <summary>What the solver proposes, for the organizer to read before anything is saved.</summary>
public sealed record AutoAssignPreview(IReadOnlyList<ProposedRow> Added, long TotalCost, bool IsProvenOptimal, IReadOnlyList<UnfilledPaper> Unfilled,
    int ExistingKept, IReadOnlyList<ReviewerLoad> Loads, int Papers, int Reviewers);

public sealed record AutoAssignCommit(int Added, int Skipped, int Mails);

/// <summary>
/// Automatic assignment: the event's papers, reviewers, bids and conflicts go to <see cref="AssignmentSolver"/>, the organizer
/// reads the proposal, and committing stores it. Existing assignments are kept and count, so running it again fills only
/// the reviews still missing.
/// </summary>
public sealed class AutoAssignment(IDbContextFactory<EventsDbContext> factory, AssignmentService assignments, TimeProvider clock, EventRights rights)
{
    public async Task<AutoAssignPreview> PreviewAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var (problem, papers, reviewers) = await ProblemAsync(db, eventId, ct);
        var result = AssignmentSolver.Solve(problem);
        var paperById = papers.ToDictionary(p => p.Id);
        var nameById = reviewers.ToDictionary(r => r.Id, r => r.Name);
        var added = result.Added.Select(a => new ProposedRow(a.PaperId, paperById[a.PaperId].Number, paperById[a.PaperId].Title,
                a.ReviewerId, nameById[a.ReviewerId], a.Reasons, a.Cost))
            .OrderBy(r => r.Number).ThenBy(r => r.ReviewerName, StringComparer.Ordinal).ToList();
        var before = problem.Existing.GroupBy(e => e.ReviewerId).ToDictionary(g => g.Key, g => g.Count());
        var addedBy = added.GroupBy(a => a.ReviewerId).ToDictionary(g => g.Key, g => g.Count());
        var loads = problem.Reviewers.Select(r => new ReviewerLoad(r.ReviewerId, nameById[r.ReviewerId], before.GetValueOrDefault(r.ReviewerId), addedBy.GetValueOrDefault(r.ReviewerId), r.MaxLoad))
            .OrderByDescending(l => l.Before + l.Added).ThenBy(l => l.Name, StringComparer.Ordinal).ToList();
        return new AutoAssignPreview(added, result.TotalCost, result.IsProvenOptimal,
            result.Unfilled.Select(u => new UnfilledPaper(u.PaperId, paperById[u.PaperId].Number, paperById[u.PaperId].Title, u.Missing)).OrderBy(u => u.Number).ToList(),
            problem.Existing.Count, loads, papers.Count, reviewers.Count);
    }

    /// <summary>
    /// Stores the previewed pairs that still hold: a pair that became a conflict, a reviewer no longer accepted, a withdrawn
    /// paper or a pair assigned meanwhile is skipped. Each reviewer gets one mail listing their new papers.
    /// </summary>
    public async Task<AutoAssignCommit> CommitAsync(Actor actor, int eventId, IReadOnlyList<ProposedRow> proposal, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var reviewers = await db.Reviewers.AsNoTracking().Where(r => r.EventId == eventId && r.State == ReviewerState.Accepted).ToDictionaryAsync(r => r.Id, ct);
        var papers = await db.Submissions.AsNoTracking().Where(s => s.EventId == eventId && s.State != SubmissionState.Withdrawn).ToDictionaryAsync(s => s.Id, ct);
        var existing = (await db.ReviewAssignments.Where(a => a.Reviewer!.EventId == eventId).Select(a => new { a.SubmissionId, a.ReviewerId }).ToListAsync(ct))
            .Select(a => (a.SubmissionId, a.ReviewerId)).ToHashSet();
        var conflicts = (await ConflictData.ForEventAsync(db, eventId, ct)).Select(c => (c.SubmissionId, c.ReviewerId)).ToHashSet();
        var now = clock.GetUtcNow();
        var stored = new List<(Reviewer Reviewer, Submission Paper)>();
        foreach (var row in proposal.DistinctBy(r => (r.SubmissionId, r.ReviewerId)))
        {
            var pair = (row.SubmissionId, row.ReviewerId);
            if (!reviewers.TryGetValue(row.ReviewerId, out var reviewer) || !papers.TryGetValue(row.SubmissionId, out var paper)
                || existing.Contains(pair) || conflicts.Contains(pair)) continue;
            db.ReviewAssignments.Add(new ReviewAssignment { SubmissionId = row.SubmissionId, ReviewerId = row.ReviewerId, Source = AssignmentSource.Automatic, AssignedAt = now });
            existing.Add(pair);
            stored.Add((reviewer, paper));
        }
        var byReviewer = stored.GroupBy(s => s.Reviewer.Id).ToList();
        foreach (var group in byReviewer)
        {
            await assignments.QueueAssignmentMailAsync(db, eventId, group.First().Reviewer, group.Select(g => g.Paper).ToList(), ct);
        }
        await db.SaveChangesAsync(ct);
        return new AutoAssignCommit(stored.Count, proposal.Count - stored.Count, byReviewer.Count);
    }

    internal static async Task<(AssignmentProblem Problem, List<Submission> Papers, List<Reviewer> Reviewers)> ProblemAsync(EventsDbContext db, int eventId, CancellationToken ct)
    {
        var call = await ReviewService.CallAsync(db, eventId, ct);
        var papers = await db.Submissions.AsNoTracking().Where(s => s.EventId == eventId && s.State != SubmissionState.Withdrawn).ToListAsync(ct);
        var reviewers = await db.Reviewers.AsNoTracking().Include(r => r.Topics).Where(r => r.EventId == eventId && r.State == ReviewerState.Accepted).ToListAsync(ct);
        var bids = await db.Bids.Where(b => db.Reviewers.Any(r => r.Id == b.ReviewerId && r.EventId == eventId && r.State == ReviewerState.Accepted))
            .Select(b => new { b.SubmissionId, b.ReviewerId, b.Preference }).AsNoTracking().ToListAsync(ct);
        var existing = await db.ReviewAssignments.Where(a => a.Reviewer!.EventId == eventId).Select(a => new { a.SubmissionId, a.ReviewerId }).AsNoTracking().ToListAsync(ct);
        var conflicts = await ConflictData.ForEventAsync(db, eventId, ct);
        var problem = new AssignmentProblem(
            papers.Select(p => new PaperSlot(p.Id, p.TopicId, call.ReviewsPerPaper)).ToList(),
            reviewers.Select(r => new ReviewerSlot(r.Id, r.MaxLoad ?? call.MaxLoadPerReviewer, r.Topics.Select(t => t.TopicId).ToList())).ToList(),
            bids.ToDictionary(b => (b.SubmissionId, b.ReviewerId), b => b.Preference),
            conflicts.Select(c => (c.SubmissionId, c.ReviewerId)).ToHashSet(),
            existing.Select(e => (e.SubmissionId, e.ReviewerId)).ToList());
        return (problem, papers, reviewers);
    }
}
