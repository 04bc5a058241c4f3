using Events.Core.Validation;

namespace Events.Core.Reviews;

/// <summary>What a reviewer edits on the review form. A draft may be partial; a submitted review must be complete.</summary>
public sealed class ReviewInput
{
    public Dictionary<int, int?> Scores { get; set; } = [];
    public int? OverallRecommendation { get; set; }
    public int? Confidence { get; set; }
    public string? CommentsToAuthors { get; set; }
    public string? ConfidentialComments { get; set; }
    public Guid ConcurrencyStamp { get; set; }

    public static string ScoreField(int criterionId) => $"Scores[{criterionId}]";

    /// <summary>Numbers must be on their scales in a draft too; submitting also needs every score, the recommendation and the confidence.</summary>
    public IReadOnlyList<RuleViolation> Validate(IReadOnlyList<CriterionScale> criteria, bool submitting)
    {
        var errors = new List<RuleViolation>();
        foreach (var c in criteria)
        {
            var value = Scores.GetValueOrDefault(c.CriterionId);
            if (value is { } v && (v < 1 || v > c.ScaleMax)) errors.Add(new(ScoreField(c.CriterionId), "ScoreOutOfRange"));
            else if (value is null && submitting) errors.Add(new(ScoreField(c.CriterionId), "Required"));
        }
        Check(errors, nameof(OverallRecommendation), OverallRecommendation, Review.RecommendationMax, submitting);
        Check(errors, nameof(Confidence), Confidence, Review.ConfidenceMax, submitting);
        FieldLimits.Check(errors, nameof(CommentsToAuthors), CommentsToAuthors, FieldLimits.ReviewComments);
        FieldLimits.Check(errors, nameof(ConfidentialComments), ConfidentialComments, FieldLimits.ReviewComments);
        return errors;
    }

    public static ReviewInput From(Review? review, IEnumerable<int> criterionIds)
    {
        var scores = review?.Scores.ToDictionary(s => s.CriterionId, s => s.Value) ?? [];
        return new ReviewInput
        {
            Scores = criterionIds.ToDictionary(id => id, id => scores.TryGetValue(id, out var v) ? v : (int?)null),
            OverallRecommendation = review?.OverallRecommendation,
            Confidence = review?.Confidence,
            CommentsToAuthors = review?.CommentsToAuthors,
            ConfidentialComments = review?.ConfidentialComments,
            ConcurrencyStamp = review?.ConcurrencyStamp ?? Guid.Empty,
        };
    }

    /// <summary>Copies onto the review; scores for criteria no longer in the call are dropped.</summary>
    public void ApplyTo(Review review, IReadOnlyList<CriterionScale> criteria)
    {
        review.OverallRecommendation = OverallRecommendation;
        review.Confidence = Confidence;
        review.CommentsToAuthors = Trimmed(CommentsToAuthors);
        review.ConfidentialComments = Trimmed(ConfidentialComments);
        review.Scores.Clear();
        foreach (var c in criteria)
        {
            if (Scores.GetValueOrDefault(c.CriterionId) is { } v) review.Scores.Add(new ReviewScore { CriterionId = c.CriterionId, Value = v });
        }
    }

    private static void Check(List<RuleViolation> errors, string field, int? value, int max, bool submitting)
    {
        if (value is { } v && (v < 1 || v > max)) errors.Add(new(field, "ScoreOutOfRange"));
        else if (value is null && submitting) errors.Add(new(field, "Required"));
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
