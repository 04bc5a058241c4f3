using System.Text.RegularExpressions;
using Events.Core.Validation;

namespace Events.Core.Attendees;

/// <summary>A file chosen for a 回执 file field: its name as uploaded and its bytes (at most <see cref="Forms.ReplyFormDefinition.MaxFileBytes"/>).</summary>
public sealed record ReplyFileUpload(string FileName, byte[] Content);

/// <summary>What an attendee fills in to register. Only the phone is optional.</summary>
public sealed partial class RegistrationInput
{
    public string Name { get; set; } = "";
    public string Organization { get; set; } = "";
    public string Title { get; set; } = "";
    public string Email { get; set; } = "";
    public string? Phone { get; set; }

    /// <summary>The chosen category; required when the event has categories.</summary>
    public int? CategoryId { get; set; }

    /// <summary>The 回执 answers by field key, in the invariant text form of <see cref="RegistrationAnswer.Value"/>.</summary>
    public Dictionary<string, string?> Answers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Files chosen for the 回执's file fields in this submission, by field key (replacing an earlier file).</summary>
    public Dictionary<string, ReplyFileUpload> Files { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The registration's stamp when an existing registration is edited; empty for a new one.</summary>
    public Guid ConcurrencyStamp { get; set; }

    /// <summary>
    /// Fills 回执 answers the registrant has not given yet (from an invitation or an organizer's list, say); answers
    /// already there are kept. The page renders and checks them like typed ones.
    /// </summary>
    public void SetInitialAnswers(IEnumerable<KeyValuePair<string, string?>> answers)
    {
        foreach (var (key, value) in answers)
        {
            if (string.IsNullOrEmpty(Answers.GetValueOrDefault(key))) Answers[key] = value;
        }
    }

    public IReadOnlyList<RuleViolation> Validate()
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(Name)) errors.Add(new(nameof(Name), "Required"));
        if (string.IsNullOrWhiteSpace(Organization)) errors.Add(new(nameof(Organization), "Required"));
        if (string.IsNullOrWhiteSpace(Title)) errors.Add(new(nameof(Title), "Required"));
        if (string.IsNullOrWhiteSpace(Email)) errors.Add(new(nameof(Email), "Required"));
        else if (!EmailRules.IsBareAddress(Email)) errors.Add(new(nameof(Email), "EmailFormat"));
        if (!string.IsNullOrWhiteSpace(Phone) && !IsPhone(Phone.Trim())) errors.Add(new(nameof(Phone), "PhoneFormat"));

        FieldLimits.Check(errors, nameof(Name), Name, FieldLimits.PersonName);
        FieldLimits.Check(errors, nameof(Organization), Organization, FieldLimits.OrganizationName);
        FieldLimits.Check(errors, nameof(Title), Title, FieldLimits.Title);
        FieldLimits.Check(errors, nameof(Email), Email, FieldLimits.Email);
        FieldLimits.Check(errors, nameof(Phone), Phone, FieldLimits.Phone);
        return errors;
    }

    /// <summary>A new active registration from the form, trimmed; the caller supplies who and when.</summary>
    public Registration ToRegistration(int eventId, string userId, DateTimeOffset at) => new()
    {
        EventId = eventId,
        UserId = userId,
        Name = Name.Trim(),
        Organization = Organization.Trim(),
        Title = Title.Trim(),
        Email = Email.Trim(),
        Phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim(),
        State = RegistrationState.Active,
        RegisteredAt = at,
    };

    /// <summary>The form filled from an earlier registration, so a returning attendee types nothing twice.</summary>
    public static RegistrationInput From(Registration r) => new()
    {
        Name = r.Name,
        Organization = r.Organization,
        Title = r.Title,
        Email = r.Email,
        Phone = r.Phone,
        CategoryId = r.CategoryId,
    };

    /// <summary>Digits with the usual separators (+86 138-0000-0000, (028) 8522 1234), at least 5 digits; words such as 转 are not taken.</summary>
    private static bool IsPhone(string value) => PhoneCharacters().IsMatch(value) && value.Count(char.IsAsciiDigit) >= 5;

    [GeneratedRegex(@"^\+?[0-9 ()\-]+\z")]
    private static partial Regex PhoneCharacters();
}
