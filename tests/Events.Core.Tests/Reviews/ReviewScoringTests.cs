using Events.Core.Reviews;

namespace Events.Core.Tests.Reviews;

public class ReviewScoringTests
{
    private static readonly CriterionScale Originality = new(1, 5, 2m);
    private static readonly CriterionScale Method = new(2, 10, 1m);

    private static ReviewNumbers Review(int originality, int method, int recommendation = 3, int confidence = 3) =>
        new(new Dictionary<int, int> { [1] = originality, [2] = method }, recommendation, confidence);

    [Theory]
    [InlineData(1, 5, 0d)]
    [InlineData(5, 5, 100d)]
    [InlineData(3, 5, 50d)]
    [InlineData(4, 7, 50d)]
    public void A_score_is_placed_on_0_to_100_with_the_lowest_as_0(int value, int scaleMax, double expected)
    {
        Assert.Equal(expected, ReviewScoring.OnHundred(value, scaleMax), 6);
    }

    [Fact]
    public void A_review_score_weights_each_criterion()
    {
        // Originality 5/5 = 100 (weight 2), method 1/10 = 0 (weight 1): (2·100 + 0) / 3.
        var score = ReviewScoring.ReviewScore([Originality, Method], Review(5, 1).Scores);
        Assert.Equal(200d / 3, score!.Value, 6);
    }

    [Fact]
    public void Criteria_without_weight_or_score_do_not_count()
    {
        var zero = Originality with { Weight = 0m };
        Assert.Equal(100d, ReviewScoring.ReviewScore([zero, Method], Review(1, 10).Scores)!.Value, 6);
        Assert.Null(ReviewScoring.ReviewScore([zero], Review(1, 10).Scores));
        Assert.Equal(100d, ReviewScoring.ReviewScore([Originality, Method], new Dictionary<int, int> { [1] = 5 })!.Value, 6);
    }

    [Fact]
    public void A_paper_standing_is_the_mean_of_review_scores_with_the_spread_between_highest_and_lowest()
    {
        var standing = ReviewScoring.Summarize([Originality, Method],
            [Review(5, 10, recommendation: 5, confidence: 4), Review(3, 10, recommendation: 3, confidence: 2), Review(1, 1, recommendation: 1, confidence: 3)]);
        // Review scores: 100, (2·50 + 100)/3 = 66.67, 0.
        Assert.Equal((100d + 200d / 3 + 0d) / 3, standing.WeightedMean!.Value, 6);
        Assert.Equal(100d, standing.Spread!.Value, 6);
        Assert.Equal(3d, standing.MeanRecommendation!.Value, 6);
        Assert.Equal(3d, standing.MeanConfidence!.Value, 6);
        Assert.Equal(3, standing.ReviewsDone);
    }

    [Fact]
    public void A_paper_without_submitted_reviews_has_no_numbers()
    {
        Assert.Equal(PaperStanding.None, ReviewScoring.Summarize([Originality], []));
    }

    [Fact]
    public void Submitting_needs_every_score_in_range_but_a_draft_may_be_partial()
    {
        var input = new ReviewInput { Scores = new() { [1] = 6, [2] = null }, OverallRecommendation = 4 };
        var draft = input.Validate([Originality, Method], submitting: false);
        Assert.Equal([new Validation.RuleViolation("Scores[1]", "ScoreOutOfRange")], draft);
        var submit = input.Validate([Originality, Method], submitting: true);
        Assert.Contains(new Validation.RuleViolation("Scores[2]", "Required"), submit);
        Assert.Contains(new Validation.RuleViolation(nameof(ReviewInput.Confidence), "Required"), submit);
    }

    [Fact]
    public void Reviewers_are_numbered_by_the_order_of_their_assignments()
    {
        Assert.Equal(new Dictionary<int, int> { [12] = 2, [5] = 1, [40] = 3 }, ReviewVisibility.Labels([40, 12, 5]));
    }

    [Fact]
    public void Others_reviews_wait_for_the_reviewers_own_only_when_the_call_says_so()
    {
        Assert.False(ReviewVisibility.MaySeeOthers(true, null));
        Assert.False(ReviewVisibility.MaySeeOthers(true, ReviewState.Draft));
        Assert.True(ReviewVisibility.MaySeeOthers(true, ReviewState.Submitted));
        Assert.True(ReviewVisibility.MaySeeOthers(false, null));
    }
}
