using Events.Core.Reviews;
using Events.Core.Validation;

namespace Events.Core.Papers;

/// <summary>What an author edits on the submission form: the paper's details, its byline and the conflicts they declare.</summary>
public sealed class SubmissionInput
{
    public const int MaxAuthors = 30;
    public const int ConflictReason = 300;

    public int? Id { get; set; }
    public string Title { get; set; } = "";
    public string Abstract { get; set; } = "";
    public string? Keywords { get; set; }
    public int? TopicId { get; set; }

    /// <summary>The byline, in order.</summary>
    public List<AuthorInput> Authors { get; set; } = [];

    /// <summary>Reviewers of the event the authors conflict with, each with a reason for the organizers.</summary>
    public List<ConflictInput> Conflicts { get; set; } = [];
    public Guid ConcurrencyStamp { get; set; }

    /// <summary>The author has seen where their double-blind PDF names them and submits it anyway.</summary>
    public bool AnonymityAcknowledged { get; set; }

    /// <param name="topicIds">The call's topics; when it has any, the paper must name one of them.</param>
    public IReadOnlyList<RuleViolation> Validate(IReadOnlyCollection<int> topicIds)
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(Title)) errors.Add(new(nameof(Title), "Required"));
        FieldLimits.Check(errors, nameof(Title), Title, FieldLimits.PaperTitle);
        if (string.IsNullOrWhiteSpace(Abstract)) errors.Add(new(nameof(Abstract), "Required"));
        FieldLimits.Check(errors, nameof(Abstract), Abstract, FieldLimits.Abstract);
        FieldLimits.Check(errors, nameof(Keywords), Keywords, FieldLimits.Keywords);

        if (TopicId is { } topic)
        {
            if (!topicIds.Contains(topic)) errors.Add(new(nameof(TopicId), "UnknownTopic"));
        }
        else if (topicIds.Count > 0)
        {
            errors.Add(new(nameof(TopicId), "Required"));
        }

        errors.AddRange(AuthorRules.Check(Authors));

        for (var i = 0; i < Conflicts.Count; i++)
        {
            var field = $"{nameof(Conflicts)}[{i}].Reason";
            if (string.IsNullOrWhiteSpace(Conflicts[i].Reason)) errors.Add(new(field, "Required"));
            FieldLimits.Check(errors, field, Conflicts[i].Reason, ConflictReason);
        }
        return errors;
    }

    public static SubmissionInput From(Submission s, IEnumerable<DeclaredConflict> conflicts) => new()
    {
        Id = s.Id,
        Title = s.Title,
        Abstract = s.Abstract,
        Keywords = s.Keywords,
        TopicId = s.TopicId,
        Authors = s.Authors.OrderBy(a => a.Order).Select(a => new AuthorInput
        {
            Name = a.Name,
            Affiliation = a.Affiliation,
            Email = a.Email,
            IsCorresponding = a.IsCorresponding,
            IsPresenter = a.IsPresenter,
        }).ToList(),
        Conflicts = conflicts.Where(c => c.DeclaredBy == ConflictSource.Author)
            .OrderBy(c => c.Id).Select(c => new ConflictInput { ReviewerId = c.ReviewerId, Reason = c.Reason }).ToList(),
        ConcurrencyStamp = s.ConcurrencyStamp,
    };

    /// <summary>Copies the details and byline; authors are replaced wholesale, their identity is their place in the list.</summary>
    public void ApplyTo(Submission s)
    {
        s.Title = Title.Trim();
        s.Abstract = Abstract.Trim();
        s.Keywords = KeywordList.Normalize(Keywords);
        s.TopicId = TopicId;
        s.Authors.Clear();
        s.Authors.AddRange(Authors.Select((a, i) => new Author
        {
            Order = i,
            Name = a.Name.Trim(),
            Affiliation = a.Affiliation.Trim(),
            Email = string.IsNullOrWhiteSpace(a.Email) ? null : a.Email.Trim(),
            IsCorresponding = a.IsCorresponding,
            IsPresenter = a.IsPresenter,
        }));
    }

    /// <summary>One conflict per reviewer: a second line for the same reviewer is dropped.</summary>
    public IReadOnlyList<ConflictInput> DistinctConflicts() =>
        Conflicts.GroupBy(c => c.ReviewerId).Select(g => g.First()).ToList();
}

public sealed class AuthorInput
{
    public string Name { get; set; } = "";
    public string Affiliation { get; set; } = "";
    public string? Email { get; set; }
    public bool IsCorresponding { get; set; }
    public bool IsPresenter { get; set; }
}

public sealed class ConflictInput
{
    public int ReviewerId { get; set; }
    public string? Reason { get; set; }
}
