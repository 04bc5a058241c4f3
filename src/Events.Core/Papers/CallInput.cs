using Events.Core.Validation;

namespace Events.Core.Papers;

/// <summary>What an organizer edits on the call-for-papers settings page. Deadlines are wall-clock times in the event's zone.</summary>
public sealed class CallInput
{
    public const int MaxFileSizeMbLimit = 100;
    public const int MaxPagesLimit = 1000;
    public const int MaxReviewsPerPaper = 10;
    public const int MaxLoadLimit = 500;
    public const int MaxTopics = 50;
    public const int MaxCriteria = 20;
    public const int ScaleMin = 2;
    public const int ScaleMaxLimit = 10;
    public const decimal WeightLimit = 100m;
    public const int CriterionDescription = 500;

    public int? Id { get; set; }
    public int EventId { get; set; }
    public bool IsPublished { get; set; }
    public string? Introduction { get; set; }
    public DeadlineInput SubmissionDeadline { get; set; } = new();
    public DeadlineInput ReviewDeadline { get; set; } = new();
    public DeadlineInput NotificationDate { get; set; } = new();
    public DeadlineInput CameraReadyDeadline { get; set; } = new();
    public int MaxFileSizeMb { get; set; } = CallForPapers.DefaultMaxFileSizeMb;
    public int MaxPages { get; set; } = CallForPapers.DefaultMaxPages;
    public ReviewMode ReviewMode { get; set; } = ReviewMode.DoubleBlind;
    public int ReviewsPerPaper { get; set; } = CallForPapers.DefaultReviewsPerPaper;
    public int MaxLoadPerReviewer { get; set; } = 8;
    public bool HideOtherReviewsUntilSubmitted { get; set; } = true;
    public List<TopicInput> Topics { get; set; } = [];
    public List<CriterionInput> Criteria { get; set; } = [];
    public Guid ConcurrencyStamp { get; set; }

    /// <summary>The deadlines in the order they must come, with their field names.</summary>
    public IEnumerable<(string Field, DeadlineInput Value)> Deadlines =>
    [
        (nameof(SubmissionDeadline), SubmissionDeadline),
        (nameof(ReviewDeadline), ReviewDeadline),
        (nameof(NotificationDate), NotificationDate),
        (nameof(CameraReadyDeadline), CameraReadyDeadline),
    ];

    public IReadOnlyList<RuleViolation> Validate()
    {
        var errors = new List<RuleViolation>();
        FieldLimits.Check(errors, nameof(Introduction), Introduction, FieldLimits.CallIntroduction);

        DateTime? previous = null;
        foreach (var (field, deadline) in Deadlines)
        {
            if (!deadline.IsComplete)
            {
                errors.Add(new(field, "Required"));
                continue;
            }
            // Each later deadline may fall on the same moment, never before: submission ≤ review ≤ notification ≤ camera-ready.
            if (previous is { } p && deadline.Local < p) errors.Add(new(field, "DeadlineOrder"));
            previous = deadline.Local;
        }

        Range(errors, nameof(MaxFileSizeMb), MaxFileSizeMb, 1, MaxFileSizeMbLimit);
        Range(errors, nameof(MaxPages), MaxPages, 1, MaxPagesLimit);
        Range(errors, nameof(ReviewsPerPaper), ReviewsPerPaper, 1, MaxReviewsPerPaper);
        Range(errors, nameof(MaxLoadPerReviewer), MaxLoadPerReviewer, 1, MaxLoadLimit);

        if (Topics.Count > MaxTopics) errors.Add(new(nameof(Topics), "TooMany"));
        for (var i = 0; i < Topics.Count; i++)
        {
            var field = $"{nameof(Topics)}[{i}].Name";
            if (string.IsNullOrWhiteSpace(Topics[i].Name)) errors.Add(new(field, "Required"));
            FieldLimits.Check(errors, field, Topics[i].Name, FieldLimits.TopicName);
            if (IsRepeated(Topics.Select(t => t.Name), i)) errors.Add(new(field, "DuplicateName"));
        }

        if (Criteria.Count > MaxCriteria) errors.Add(new(nameof(Criteria), "TooMany"));
        for (var i = 0; i < Criteria.Count; i++)
        {
            var c = Criteria[i];
            var prefix = $"{nameof(Criteria)}[{i}]";
            if (string.IsNullOrWhiteSpace(c.Name)) errors.Add(new($"{prefix}.Name", "Required"));
            FieldLimits.Check(errors, $"{prefix}.Name", c.Name, FieldLimits.CriterionName);
            if (IsRepeated(Criteria.Select(x => x.Name), i)) errors.Add(new($"{prefix}.Name", "DuplicateName"));
            FieldLimits.Check(errors, $"{prefix}.Description", c.Description, CriterionDescription);
            Range(errors, $"{prefix}.ScaleMax", c.ScaleMax, ScaleMin, ScaleMaxLimit);
            if (c.Weight <= 0 || c.Weight > WeightLimit) errors.Add(new($"{prefix}.Weight", "OutOfRange"));
        }
        return errors;
    }

    /// <summary>A first call for an event: deadlines counted back from its first day, one scored criterion to start from.</summary>
    public static CallInput New(int eventId, DateOnly eventStart) => new()
    {
        EventId = eventId,
        SubmissionDeadline = DeadlineInput.At(eventStart.AddDays(-56)),
        ReviewDeadline = DeadlineInput.At(eventStart.AddDays(-35)),
        NotificationDate = DeadlineInput.At(eventStart.AddDays(-28)),
        CameraReadyDeadline = DeadlineInput.At(eventStart.AddDays(-14)),
    };

    public static CallInput From(CallForPapers c, TimeZoneInfo zone) => new()
    {
        Id = c.Id,
        EventId = c.EventId,
        IsPublished = c.IsPublished,
        Introduction = c.Introduction,
        SubmissionDeadline = DeadlineInput.From(c.SubmissionDeadline, zone),
        ReviewDeadline = DeadlineInput.From(c.ReviewDeadline, zone),
        NotificationDate = DeadlineInput.From(c.NotificationDate, zone),
        CameraReadyDeadline = DeadlineInput.From(c.CameraReadyDeadline, zone),
        MaxFileSizeMb = c.MaxFileSizeMb,
        MaxPages = c.MaxPages,
        ReviewMode = c.ReviewMode,
        ReviewsPerPaper = c.ReviewsPerPaper,
        MaxLoadPerReviewer = c.MaxLoadPerReviewer,
        HideOtherReviewsUntilSubmitted = c.HideOtherReviewsUntilSubmitted,
        Topics = c.Topics.OrderBy(t => t.Order).Select(t => new TopicInput { Id = t.Id, Name = t.Name }).ToList(),
        Criteria = c.Criteria.OrderBy(x => x.Order).Select(x => new CriterionInput
        {
            Id = x.Id,
            Name = x.Name,
            Description = x.Description,
            ScaleMax = x.ScaleMax,
            Weight = x.Weight,
        }).ToList(),
        ConcurrencyStamp = c.ConcurrencyStamp,
    };

    /// <summary>
    /// Copies onto the entity. Topics and criteria keep their rows (matched by id), so submissions keep their topic
    /// and reviews their scores; rows missing from the input are removed (the caller checks they are unused).
    /// </summary>
    public void ApplyTo(CallForPapers c, TimeZoneInfo zone)
    {
        c.EventId = EventId;
        c.IsPublished = IsPublished;
        c.Introduction = string.IsNullOrWhiteSpace(Introduction) ? null : Introduction.Trim();
        c.SubmissionDeadline = SubmissionDeadline.ToInstant(zone);
        c.ReviewDeadline = ReviewDeadline.ToInstant(zone);
        c.NotificationDate = NotificationDate.ToInstant(zone);
        c.CameraReadyDeadline = CameraReadyDeadline.ToInstant(zone);
        c.MaxFileSizeMb = MaxFileSizeMb;
        c.MaxPages = MaxPages;
        c.ReviewMode = ReviewMode;
        c.ReviewsPerPaper = ReviewsPerPaper;
        c.MaxLoadPerReviewer = MaxLoadPerReviewer;
        c.HideOtherReviewsUntilSubmitted = HideOtherReviewsUntilSubmitted;

        c.Topics.RemoveAll(t => !Topics.Any(x => x.Id == t.Id));
        for (var i = 0; i < Topics.Count; i++)
        {
            var input = Topics[i];
            var topic = input.Id is { } id ? c.Topics.FirstOrDefault(t => t.Id == id) : null;
            if (topic is null)
            {
                topic = new PaperTopic { Name = "" };
                c.Topics.Add(topic);
            }
            topic.Name = input.Name.Trim();
            topic.Order = i;
        }

        c.Criteria.RemoveAll(x => !Criteria.Any(y => y.Id == x.Id));
        for (var i = 0; i < Criteria.Count; i++)
        {
            var input = Criteria[i];
            var criterion = input.Id is { } id ? c.Criteria.FirstOrDefault(x => x.Id == id) : null;
            if (criterion is null)
            {
                criterion = new ReviewCriterion { Name = "" };
                c.Criteria.Add(criterion);
            }
            criterion.Name = input.Name.Trim();
            criterion.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
            criterion.ScaleMax = input.ScaleMax;
            criterion.Weight = input.Weight;
            criterion.Order = i;
        }
    }

    private static void Range(List<RuleViolation> errors, string field, int value, int min, int max)
    {
        if (value < min || value > max) errors.Add(new(field, "OutOfRange"));
    }

    /// <summary>True when the name at <paramref name="index"/> appeared earlier in the list (ignoring case and spaces around it).</summary>
    private static bool IsRepeated(IEnumerable<string> names, int index)
    {
        var list = names.Select(n => (n ?? "").Trim()).ToList();
        var name = list[index];
        return name.Length > 0 && list.Take(index).Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
    }
}

public sealed class TopicInput
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
}

public sealed class CriterionInput
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public int ScaleMax { get; set; } = 5;
    public decimal Weight { get; set; } = 1m;
}
