namespace Events.Core.Reviews;

/// <summary>A criterion as scoring needs it: its scale (1..ScaleMax) and its weight.</summary>
public sealed record CriterionScale(int CriterionId, int ScaleMax, decimal Weight);

/// <summary>A submitted review's numbers.</summary>
public sealed record ReviewNumbers(IReadOnlyDictionary<int, int> Scores, int? OverallRecommendation, int? Confidence);

/// <summary>Where a paper stands after its submitted reviews. Scores are on 0..100; null where no review gives a number.</summary>
public sealed record PaperStanding(double? WeightedMean, double? Spread, double? MeanRecommendation, double? MeanConfidence, int ReviewsDone)
{
    public static readonly PaperStanding None = new(null, null, null, null, 0);
}

/// <summary>
/// How reviews add up. Criteria may use different scales, so each score is first placed on 0..100
/// (1 is 0, ScaleMax is 100, linear between), then weighted: a review's score is Σ wᵢ·sᵢ / Σ wᵢ over the criteria
/// it scored with a positive weight. A paper's weighted mean is the plain mean of its reviews' scores, and its
/// spread is the highest review score minus the lowest, in the same points: "the reviewers are 40 points apart"
/// reads at once, where a standard deviation of three reviews says little more and is harder to read.
/// </summary>
public static class ReviewScoring
{
    public const double Top = 100d;

    public static double? ReviewScore(IReadOnlyList<CriterionScale> criteria, IReadOnlyDictionary<int, int> scores)
    {
        double weighted = 0, weights = 0;
        foreach (var c in criteria)
        {
            if (c.Weight <= 0 || !scores.TryGetValue(c.CriterionId, out var value)) continue;
            var w = (double)c.Weight;
            weighted += w * OnHundred(value, c.ScaleMax);
            weights += w;
        }
        return weights > 0 ? weighted / weights : null;
    }

    public static double OnHundred(int value, int scaleMax)
    {
        if (scaleMax <= 1) return Top;
        var clamped = Math.Clamp(value, 1, scaleMax);
        return (clamped - 1) * Top / (scaleMax - 1);
    }

    public static PaperStanding Summarize(IReadOnlyList<CriterionScale> criteria, IReadOnlyCollection<ReviewNumbers> submitted)
    {
        if (submitted.Count == 0) return PaperStanding.None;
        var scores = submitted.Select(r => ReviewScore(criteria, r.Scores)).OfType<double>().ToList();
        var recommendations = submitted.Select(r => r.OverallRecommendation).OfType<int>().ToList();
        var confidences = submitted.Select(r => r.Confidence).OfType<int>().ToList();
        return new PaperStanding(
            scores.Count > 0 ? scores.Average() : null,
            scores.Count > 0 ? scores.Max() - scores.Min() : null,
            recommendations.Count > 0 ? recommendations.Average() : null,
            confidences.Count > 0 ? confidences.Average() : null,
            submitted.Count);
    }
}
