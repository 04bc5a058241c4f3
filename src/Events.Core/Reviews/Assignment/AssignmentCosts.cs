namespace Events.Core.Reviews.Assignment;

/// <summary>
/// The weights the solver minimizes. Every proposed pair costs its bid's weight, plus <see cref="TopicMatchBonus"/> when the
/// reviewer's topics do not include the paper's topic; and the k-th paper of a reviewer (existing ones included) costs
/// <see cref="LoadStep"/> × (k − 1) more, so each extra paper costs more than the one before and the cheapest answer
/// spreads the load. All weights are non-negative integers (at most <see cref="MaxWeight"/>); only their differences matter.
/// </summary>
/// <remarks>
/// With the defaults: an eager bid beats "willing" or no bid by 6, which is worth a load difference of 6 papers; a topic match
/// is worth 3; a not-willing bid costs 60 more than a willing one, more than any load difference within a usual maximum
/// load, so it is used only when nothing else fills the paper.
/// </remarks>
public sealed record AssignmentCosts
{
    /// <summary>The largest weight accepted; keeps every sum of costs far from overflowing.</summary>
    public const int MaxWeight = 1_000_000;

    public static AssignmentCosts Default { get; } = new();

    /// <summary>Cost of a pair with an <see cref="BidPreference.Eager"/> bid.</summary>
    public int Eager { get; init; }

    /// <summary>Cost of a pair with a <see cref="BidPreference.Willing"/> bid.</summary>
    public int Willing { get; init; } = 6;

    /// <summary>Cost of a pair without a bid.</summary>
    public int NoBid { get; init; } = 6;

    /// <summary>Cost of a pair with a <see cref="BidPreference.NotWilling"/> bid: allowed, but strongly avoided.</summary>
    public int NotWilling { get; init; } = 60;

    /// <summary>What a topic match saves: added to every pair whose reviewer does not list the paper's topic.</summary>
    public int TopicMatchBonus { get; init; } = 3;

    /// <summary>How much more each further paper of a reviewer costs than the previous one (0 turns balancing off).</summary>
    public int LoadStep { get; init; } = 1;

    /// <summary>The cost of a pair with this bid (null: no bid) and topic match, before load.</summary>
    public int PairCost(BidPreference? bid, bool topicMatch) =>
        bid switch
        {
            BidPreference.Eager => Eager,
            BidPreference.Willing => Willing,
            BidPreference.NotWilling => NotWilling,
            BidPreference.Conflict => throw new ArgumentException("A conflict has no cost: it is never assigned.", nameof(bid)),
            _ => NoBid,
        } + (topicMatch ? 0 : TopicMatchBonus);

    /// <summary>The extra cost of a reviewer's <paramref name="k"/>-th paper (1-based, existing assignments included).</summary>
    public long LoadCost(int k) => (long)LoadStep * (k - 1);

    internal void Validate(string paramName)
    {
        foreach (var (name, value) in new[]
        {
            (nameof(Eager), Eager), (nameof(Willing), Willing), (nameof(NoBid), NoBid),
            (nameof(NotWilling), NotWilling), (nameof(TopicMatchBonus), TopicMatchBonus), (nameof(LoadStep), LoadStep),
        })
        {
            if (value is < 0 or > MaxWeight)
            {
                throw new ArgumentOutOfRangeException(paramName, value, $"{name} must be between 0 and {MaxWeight}.");
            }
        }
    }
}
