namespace Events.Core.Reviews;

/// <summary>
/// What a reviewer may see of the other reviews of a paper they review.
/// A conflicted reviewer is never assigned and never reaches this question: the paper is closed to them entirely.
/// </summary>
public static class ReviewVisibility
{
    /// <summary>
    /// With the call's "hide until submitted" rule, a reviewer sees the others only once their own review is in,
    /// so their opinion is formed on the paper alone. Drafts of others are never shown.
    /// </summary>
    public static bool MaySeeOthers(bool hideUntilSubmitted, ReviewState? ownState) =>
        !hideUntilSubmitted || ownState == ReviewState.Submitted;

    /// <summary>
    /// Reviewers are known to each other by number only: "Reviewer 1" is the paper's earliest assignment, and the
    /// numbers stay put as later reviewers are added. Removing an assignment can shift later numbers; labels are
    /// computed, never stored or mailed, so nothing outside the page depends on them.
    /// </summary>
    public static IReadOnlyDictionary<int, int> Labels(IEnumerable<int> assignmentIds) =>
        assignmentIds.Order().Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i + 1);

    /// <summary>Late reviews are accepted (organizers usually still want them) and marked late for the organizers and the reviewer.</summary>
    public static bool IsLate(DateTimeOffset? submittedAt, DateTimeOffset reviewDeadline) => submittedAt is { } at && at > reviewDeadline;
}
