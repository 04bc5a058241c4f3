using Events.Core.Common;

namespace Events.Core.Papers;

/// <summary>An event's call for papers: its topics, deadlines, file rules and how reviews are run. One per event.</summary>
public class CallForPapers : IConcurrencyVersioned
{
    public const int DefaultMaxFileSizeMb = 10;
    public const int DefaultMaxPages = 30;
    public const int DefaultReviewsPerPaper = 3;

    public int Id { get; set; }
    public int EventId { get; set; }

    /// <summary>Shown on the public call page; the call is public only while published and before the submission deadline.</summary>
    public bool IsPublished { get; set; }
    public string? Introduction { get; set; }

    /// <summary>Instants in UTC; forms enter and show them in the event's time zone.</summary>
    public DateTimeOffset SubmissionDeadline { get; set; }
    public DateTimeOffset ReviewDeadline { get; set; }
    public DateTimeOffset NotificationDate { get; set; }
    public DateTimeOffset CameraReadyDeadline { get; set; }

    public int MaxFileSizeMb { get; set; } = DefaultMaxFileSizeMb;
    public int MaxPages { get; set; } = DefaultMaxPages;
    public ReviewMode ReviewMode { get; set; } = ReviewMode.DoubleBlind;
    public int ReviewsPerPaper { get; set; } = DefaultReviewsPerPaper;

    /// <summary>Default ceiling on papers per reviewer for automatic assignment; a reviewer may carry their own.</summary>
    public int MaxLoadPerReviewer { get; set; } = 8;

    /// <summary>When set, a reviewer sees the other reviews of a paper only after submitting their own.</summary>
    public bool HideOtherReviewsUntilSubmitted { get; set; } = true;

    public List<PaperTopic> Topics { get; set; } = [];
    public List<ReviewCriterion> Criteria { get; set; } = [];

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public bool IsOpenAt(DateTimeOffset now) => IsPublished && now < SubmissionDeadline;
    public long MaxFileSizeBytes => MaxFileSizeMb * 1024L * 1024L;
}

public enum ReviewMode
{
    SingleBlind,
    DoubleBlind,
}

/// <summary>A topic or track of the call, such as 绿色创新.</summary>
public class PaperTopic
{
    public int Id { get; set; }
    public int CallId { get; set; }
    public required string Name { get; set; }
    public int Order { get; set; }
}

/// <summary>A scored criterion of the review form. Scores run 1..<see cref="ScaleMax"/>; the weight sets its share of the mean.</summary>
public class ReviewCriterion
{
    public int Id { get; set; }
    public int CallId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int ScaleMax { get; set; } = 5;
    public decimal Weight { get; set; } = 1m;
    public int Order { get; set; }
}
