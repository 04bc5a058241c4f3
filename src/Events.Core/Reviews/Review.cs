using Events.Core.Common;

namespace Events.Core.Reviews;

/// <summary>The review written for one assignment. A draft is saved and stays private until submitted.</summary>
public class Review : IConcurrencyVersioned
{
    public const int RecommendationMax = 5;
    public const int ConfidenceMax = 5;

    public int Id { get; set; }
    public int AssignmentId { get; set; }
    public ReviewState State { get; set; } = ReviewState.Draft;

    /// <summary>1 (strong reject) .. 5 (strong accept).</summary>
    public int? OverallRecommendation { get; set; }

    /// <summary>1 (low) .. 5 (expert).</summary>
    public int? Confidence { get; set; }
    public string? CommentsToAuthors { get; set; }

    /// <summary>Seen by the organizers only, never by authors.</summary>
    public string? ConfidentialComments { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public List<ReviewScore> Scores { get; set; } = [];

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

public enum ReviewState
{
    Draft,
    Submitted,
}

public class ReviewScore
{
    public int ReviewId { get; set; }
    public int CriterionId { get; set; }
    public int Value { get; set; }
}
