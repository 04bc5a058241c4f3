namespace Events.Core.Reviews.Assignment;

/// <summary>
/// Everything the reviewer-assignment solver needs about one call for papers. Ids are the callers' (submission and
/// reviewer ids); the order of the lists does not matter, the solver sorts by id so the answer depends only on the content.
/// </summary>
/// <param name="Papers">The papers to fill, each with the number of reviews it should end up with.</param>
/// <param name="Reviewers">The reviewers who may be assigned, each with a maximum load.</param>
/// <param name="Bids">Reviewers' bids; a pair without a bid is treated as "no bid". A <see cref="BidPreference.Conflict"/> bid is a conflict.</param>
/// <param name="Conflicts">Pairs that must never be assigned (declared or detected conflicts of interest).</param>
/// <param name="Existing">
/// Assignments made earlier. They are kept as they are, count toward their paper's reviews and their reviewer's load
/// (also when the paper or the reviewer is not in this problem), and are never proposed again. Duplicates count once.
/// </param>
public sealed record AssignmentProblem(
    IReadOnlyList<PaperSlot> Papers,
    IReadOnlyList<ReviewerSlot> Reviewers,
    IReadOnlyDictionary<(int PaperId, int ReviewerId), BidPreference> Bids,
    IReadOnlySet<(int PaperId, int ReviewerId)> Conflicts,
    IReadOnlyCollection<(int PaperId, int ReviewerId)> Existing);

/// <summary>A paper to review. <paramref name="ReviewsWanted"/> counts existing assignments too.</summary>
/// <param name="PaperId">The submission's id.</param>
/// <param name="TopicId">The paper's topic, or null when it has none (then no reviewer matches it).</param>
/// <param name="ReviewsWanted">How many reviews the paper should have in total (the N of "N reviews per paper").</param>
public sealed record PaperSlot(int PaperId, int? TopicId, int ReviewsWanted);

/// <summary>A reviewer who may be assigned. <paramref name="MaxLoad"/> counts existing assignments too.</summary>
/// <param name="ReviewerId">The reviewer's id.</param>
/// <param name="MaxLoad">The most papers the reviewer may have in total.</param>
/// <param name="TopicIds">The topics the reviewer is an expert in.</param>
public sealed record ReviewerSlot(int ReviewerId, int MaxLoad, IReadOnlyCollection<int> TopicIds);
