namespace Events.Core.Reviews.Assignment;

/// <summary>
/// What the solver proposes. Nothing is saved: the caller shows <see cref="Added"/> as a preview and stores what the chair accepts.
/// </summary>
/// <param name="Added">The new pairs, ordered by paper id then reviewer id. Existing assignments are not repeated here.</param>
/// <param name="TotalCost">The sum of the added pairs' <see cref="ProposedAssignment.Cost"/> plus the load cost of the papers they add to each reviewer.</param>
/// <param name="IsProvenOptimal">
/// True when the optimality certificate was checked and holds: no other set of pairs fills more reviews, and none that
/// fills as many costs less. False would mean a solver bug; the proposal is then still valid but maybe not the cheapest.
/// </param>
/// <param name="Unfilled">Papers that could not get all their reviews (conflicts or reviewer loads), ordered by paper id.</param>
/// <param name="Potentials">The certificate: node prices that <see cref="OptimalityCertificate.Holds"/> checks against <see cref="Added"/>.</param>
public sealed record AssignmentResult(
    IReadOnlyList<ProposedAssignment> Added,
    long TotalCost,
    bool IsProvenOptimal,
    IReadOnlyList<Shortfall> Unfilled,
    AssignmentPotentials Potentials);

/// <summary>One proposed review: why this reviewer, and what the pair costs (bid and topic, without load).</summary>
public sealed record ProposedAssignment(int PaperId, int ReviewerId, AssignmentReason Reasons, int Cost);

/// <summary>A paper left short of reviews, and by how many.</summary>
public sealed record Shortfall(int PaperId, int Missing);

/// <summary>Why a pair was proposed: exactly one bid flag, plus <see cref="TopicMatch"/> when the topics match.</summary>
[Flags]
public enum AssignmentReason
{
    None = 0,
    EagerBid = 1,
    WillingBid = 2,
    NoBid = 4,

    /// <summary>The reviewer bid not willing; used because nothing cheaper could fill the paper.</summary>
    NotWillingFallback = 8,
    TopicMatch = 16,
}
