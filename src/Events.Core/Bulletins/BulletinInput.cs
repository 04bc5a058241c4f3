using Events.Core.Validation;

namespace Events.Core.Bulletins;

public sealed class BulletinAuthorInput
{
    public string Name { get; set; } = "";
    public string? Note { get; set; }
}

/// <summary>What an editor changes on an issue before it is published.</summary>
public sealed class BulletinInput
{
    public int? Id { get; set; }
    public int SeriesId { get; set; }
    public int? EventId { get; set; }
    public string? RunLabel { get; set; }
    public DateOnly? IssueDate { get; set; }
    public string? EditorsNote { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string? Column { get; set; }
    public string? Kicker { get; set; }
    public string? Subtitle { get; set; }
    public string? Standfirst { get; set; }
    public List<BulletinAuthorInput> Authors { get; set; } = [];
    public List<BulletinArticle> Articles { get; set; } = [];
    public AuthorNotePlacement AuthorNotes { get; set; }
    public string? CompiledBy { get; set; }
    public string? Editor { get; set; }
    public string? ManagingEditor { get; set; }
    public string? SentTo { get; set; }
    public string? CopiedTo { get; set; }
    public string? MailTo { get; set; }
    public Guid ConcurrencyStamp { get; set; }

    public IReadOnlyList<RuleViolation> Validate()
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(Title)) errors.Add(new(nameof(Title), "Required"));
        if (IssueDate is null) errors.Add(new(nameof(IssueDate), "Required"));
        FieldLimits.Check(errors, nameof(Title), Title, BulletinLimits.Title);
        FieldLimits.Check(errors, nameof(RunLabel), RunLabel, BulletinLimits.RunLabel);
        FieldLimits.Check(errors, nameof(EditorsNote), EditorsNote, BulletinLimits.EditorsNote);
        FieldLimits.Check(errors, nameof(Body), Body, BulletinLimits.Body);
        FieldLimits.Check(errors, nameof(Column), Column, BulletinLimits.ArticleLabel);
        FieldLimits.Check(errors, nameof(Kicker), Kicker, BulletinLimits.Title);
        FieldLimits.Check(errors, nameof(Subtitle), Subtitle, BulletinLimits.Title);
        FieldLimits.Check(errors, nameof(Standfirst), Standfirst, BulletinLimits.EditorsNote);
        if (Articles.Count > BulletinLimits.MaxArticles) errors.Add(new(nameof(Articles), "TooMany"));
        for (var i = 0; i < Articles.Count; i++) Articles[i].Validate(errors, $"Articles[{i}].");
        // All the articles' bodies together stay within what one issue's body may hold.
        if (Body.Length + Articles.Sum(a => a.Body.Length) > BulletinLimits.Body * 2) errors.Add(new(nameof(Articles), "TooLong"));
        FieldLimits.Check(errors, nameof(CompiledBy), CompiledBy, BulletinLimits.PersonNames);
        FieldLimits.Check(errors, nameof(Editor), Editor, BulletinLimits.PersonNames);
        FieldLimits.Check(errors, nameof(ManagingEditor), ManagingEditor, BulletinLimits.PersonNames);
        FieldLimits.Check(errors, nameof(SentTo), SentTo, BulletinLimits.DistributionText);
        FieldLimits.Check(errors, nameof(CopiedTo), CopiedTo, BulletinLimits.DistributionText);
        FieldLimits.Check(errors, nameof(MailTo), MailTo, BulletinLimits.MailTo);
        var addresses = BulletinLimits.Lines(MailTo);
        if (addresses.Any(a => !EmailRules.IsBareAddress(a))) errors.Add(new(nameof(MailTo), "EmailFormat"));
        if (addresses.Count > BulletinLimits.MaxMailAddresses) errors.Add(new(nameof(MailTo), "TooMany"));
        if (Authors.Count > BulletinLimits.MaxAuthors) errors.Add(new(nameof(Authors), "TooMany"));
        for (var i = 0; i < Authors.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Authors[i].Name)) errors.Add(new($"Authors[{i}].Name", "Required"));
            FieldLimits.Check(errors, $"Authors[{i}].Name", Authors[i].Name, BulletinLimits.AuthorName);
            FieldLimits.Check(errors, $"Authors[{i}].Note", Authors[i].Note, BulletinLimits.AuthorNote);
        }
        return errors;
    }

    public static BulletinInput From(Bulletin b) => new()
    {
        Id = b.Id,
        SeriesId = b.SeriesId,
        EventId = b.EventId,
        RunLabel = b.RunLabel,
        IssueDate = b.IssueDate,
        EditorsNote = b.EditorsNote,
        Title = b.Title,
        Body = b.Body,
        Column = b.Column,
        Kicker = b.Kicker,
        Subtitle = b.Subtitle,
        Standfirst = b.Standfirst,
        Articles = b.Articles.Select(a => a.Copy()).ToList(),
        AuthorNotes = b.AuthorNotes,
        Authors = b.Authors.OrderBy(a => a.Order).Select(a => new BulletinAuthorInput { Name = a.Name, Note = a.Note }).ToList(),
        CompiledBy = b.Credits.CompiledBy,
        Editor = b.Credits.Editor,
        ManagingEditor = b.Credits.ManagingEditor,
        SentTo = b.Distribution.SentTo,
        CopiedTo = b.Distribution.CopiedTo,
        MailTo = b.Distribution.MailTo,
        ConcurrencyStamp = b.ConcurrencyStamp,
    };

    /// <summary>Copies the form onto a draft. The series is fixed once the issue exists.</summary>
    public void ApplyTo(Bulletin b)
    {
        b.EventId = EventId;
        b.RunLabel = BulletinSeriesInput.Clean(RunLabel);
        b.IssueDate = IssueDate ?? b.IssueDate;
        b.EditorsNote = BulletinSeriesInput.Clean(EditorsNote);
        b.Title = Title.Trim();
        b.Body = (Body ?? "").ReplaceLineEndings("\n").Trim();
        b.Column = BulletinSeriesInput.Clean(Column);
        b.Kicker = BulletinSeriesInput.Clean(Kicker);
        b.Subtitle = BulletinSeriesInput.Clean(Subtitle);
        b.Standfirst = BulletinSeriesInput.Clean(Standfirst);
        b.AuthorNotes = AuthorNotes;
        b.Articles = Articles.Select(a => new BulletinArticle
        {
            Column = BulletinSeriesInput.Clean(a.Column),
            Kicker = BulletinSeriesInput.Clean(a.Kicker),
            Title = a.Title.Trim(),
            Subtitle = BulletinSeriesInput.Clean(a.Subtitle),
            Byline = BulletinSeriesInput.Clean(a.Byline),
            AuthorNote = BulletinSeriesInput.Clean(a.AuthorNote),
            Standfirst = BulletinSeriesInput.Clean(a.Standfirst),
            Body = (a.Body ?? "").ReplaceLineEndings("\n").Trim(),
        }).ToList();
        b.Authors.Clear();
        b.Authors.AddRange(Authors.Select((a, i) => new BulletinAuthor { Name = a.Name.Trim(), Note = BulletinSeriesInput.Clean(a.Note), Order = i }));
        b.Credits = new BulletinCredits { CompiledBy = BulletinSeriesInput.Clean(CompiledBy), Editor = BulletinSeriesInput.Clean(Editor), ManagingEditor = BulletinSeriesInput.Clean(ManagingEditor) };
        b.Distribution = new BulletinDistribution
        {
            SentTo = BulletinSeriesInput.Clean(SentTo),
            CopiedTo = BulletinSeriesInput.Clean(CopiedTo),
            MailTo = BulletinLimits.Lines(MailTo) is { Count: > 0 } lines ? string.Join("\n", lines) : null,
        };
    }
}
