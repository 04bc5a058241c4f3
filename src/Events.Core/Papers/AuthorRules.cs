using Events.Core.Validation;

namespace Events.Core.Papers;

/// <summary>
/// The byline rules. Every author has a name and an affiliation (a paper's affiliations are printed per author).
/// At least one author is the corresponding author, and each corresponding author has an email, since they receive the mail;
/// co-corresponding authors are allowed. At least one author presents the paper at the event. Emails are unique within a paper.
/// </summary>
public static class AuthorRules
{
    public const string Field = "Authors";

    /// <summary>The fields of the byline-wide rules, one each so every broken rule shows its own message.</summary>
    public const string CorrespondingField = "Authors.Corresponding";
    public const string PresenterField = "Authors.Presenter";

    public static IReadOnlyList<RuleViolation> Check(IReadOnlyList<AuthorInput> authors)
    {
        var errors = new List<RuleViolation>();
        if (authors.Count == 0)
        {
            errors.Add(new(Field, "NoAuthors"));
            return errors;
        }
        if (authors.Count > SubmissionInput.MaxAuthors) errors.Add(new(Field, "TooManyAuthors"));

        var seenEmails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < authors.Count; i++)
        {
            var a = authors[i];
            var prefix = $"{Field}[{i}]";
            if (string.IsNullOrWhiteSpace(a.Name)) errors.Add(new($"{prefix}.Name", "Required"));
            FieldLimits.Check(errors, $"{prefix}.Name", a.Name, FieldLimits.PersonName);
            if (string.IsNullOrWhiteSpace(a.Affiliation)) errors.Add(new($"{prefix}.Affiliation", "Required"));
            FieldLimits.Check(errors, $"{prefix}.Affiliation", a.Affiliation, FieldLimits.Affiliation);
            FieldLimits.Check(errors, $"{prefix}.Email", a.Email, FieldLimits.Email);

            if (string.IsNullOrWhiteSpace(a.Email))
            {
                if (a.IsCorresponding) errors.Add(new($"{prefix}.Email", "CorrespondingNeedsEmail"));
            }
            else if (!EmailRules.IsBareAddress(a.Email))
            {
                errors.Add(new($"{prefix}.Email", "EmailFormat"));
            }
            else if (!seenEmails.Add(a.Email.Trim()))
            {
                errors.Add(new($"{prefix}.Email", "DuplicateAuthorEmail"));
            }
        }
        if (!authors.Any(a => a.IsCorresponding)) errors.Add(new(CorrespondingField, "NoCorrespondingAuthor"));
        if (!authors.Any(a => a.IsPresenter)) errors.Add(new(PresenterField, "NoPresenter"));
        return errors;
    }

    /// <summary>Moves the author at <paramref name="index"/> by <paramref name="delta"/> places; out-of-range moves do nothing.</summary>
    public static void Move(List<AuthorInput> authors, int index, int delta)
    {
        var target = index + delta;
        if (index < 0 || index >= authors.Count || target < 0 || target >= authors.Count) return;
        (authors[index], authors[target]) = (authors[target], authors[index]);
    }

    /// <summary>
    /// Adds the signed-in user as an author, or fills in their line if their email is already there.
    /// The first author added to an empty byline is made corresponding author and presenter, the common case.
    /// </summary>
    public static AuthorInput AddSelf(List<AuthorInput> authors, string name, string? affiliation, string email)
    {
        var existing = authors.FirstOrDefault(a => string.Equals(a.Email?.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
        {
            if (string.IsNullOrWhiteSpace(existing.Name)) existing.Name = name;
            if (string.IsNullOrWhiteSpace(existing.Affiliation)) existing.Affiliation = affiliation ?? "";
            return existing;
        }
        var first = authors.Count == 0;
        var self = new AuthorInput { Name = name, Affiliation = affiliation ?? "", Email = email.Trim(), IsCorresponding = first, IsPresenter = first };
        authors.Add(self);
        return self;
    }
}
