using Events.Core.Validation;

namespace Events.Core.Proceedings;

/// <summary>The settings form of a volume.</summary>
public sealed class ProceedingsInput
{
    public string Title { get; set; } = "";
    public string? Subtitle { get; set; }
    public string? Editors { get; set; }
    public string? Preface { get; set; }
    public string? Publisher { get; set; }
    public string? DatePlace { get; set; }
    public ProceedingsKind Kind { get; set; }
    public ProceedingsAccess Access { get; set; }
    public PaperGrouping Grouping { get; set; }
    public RunningHeader Header { get; set; }

    public static ProceedingsInput From(Proceedings p) => new()
    {
        Title = p.Title,
        Subtitle = p.Subtitle,
        Editors = p.Editors,
        Preface = p.Preface,
        Publisher = p.Publisher,
        DatePlace = p.DatePlace,
        Kind = p.Kind,
        Access = p.Access,
        Grouping = p.Grouping,
        Header = p.Header,
    };

    public void ApplyTo(Proceedings p)
    {
        p.Title = Title.Trim();
        p.Subtitle = Clean(Subtitle);
        p.Editors = Clean(Editors);
        p.Preface = Clean(Preface);
        p.Publisher = Clean(Publisher);
        p.DatePlace = Clean(DatePlace);
        p.Kind = Kind;
        p.Access = Access;
        p.Grouping = Grouping;
        p.Header = Header;
    }

    public IReadOnlyList<RuleViolation> Validate()
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(Title)) errors.Add(new(nameof(Title), "Required"));
        FieldLimits.Check(errors, nameof(Title), Title, FieldLimits.Title);
        FieldLimits.Check(errors, nameof(Subtitle), Subtitle, FieldLimits.Title);
        FieldLimits.Check(errors, nameof(Editors), Editors, ProceedingsLimits.Editors);
        FieldLimits.Check(errors, nameof(Preface), Preface, ProceedingsLimits.Preface);
        FieldLimits.Check(errors, nameof(Publisher), Publisher, FieldLimits.OrganizationName);
        FieldLimits.Check(errors, nameof(DatePlace), DatePlace, FieldLimits.Title);
        if (!Enum.IsDefined(Kind)) errors.Add(new(nameof(Kind), "Required"));
        if (!Enum.IsDefined(Access)) errors.Add(new(nameof(Access), "Required"));
        if (!Enum.IsDefined(Grouping)) errors.Add(new(nameof(Grouping), "Required"));
        if (!Enum.IsDefined(Header)) errors.Add(new(nameof(Header), "Required"));
        return errors;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Column sizes of the volume's own texts.</summary>
public static class ProceedingsLimits
{
    public const int Editors = 1000;
    public const int Preface = 20000;
    public const int Error = 2000;
    public const int StoredName = 64;
}
