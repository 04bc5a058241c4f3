namespace Events.Core.Validation;

/// <summary>Column sizes, shared by validation and the database mapping so a valid form always fits.</summary>
public static class FieldLimits
{
    public const int Title = 200;
    /// <summary>Optional English title of an event or a session; English runs longer than Chinese.</summary>
    public const int TitleEn = 400;
    public const int Slug = 80;
    public const int Theme = 300;
    public const int Description = 8000;
    public const int City = 100;
    public const int Venue = 200;
    public const int TimeZone = 64;
    public const int PersonName = 100;
    public const int PersonNameEn = 200;
    public const int Bio = 4000;
    public const int Email = 256;
    public const int Phone = 50;
    public const int OrganizationName = 200;
    public const int ShortName = 100;
    public const int OrganizationNameEn = 300;
    public const int PaperTitle = 300;
    public const int Abstract = 5000;
    public const int Keywords = 300;
    public const int Affiliation = 200;
    public const int TopicName = 100;
    public const int CriterionName = 100;
    public const int CallIntroduction = 8000;
    public const int ReviewComments = 10000;
    public const int FileName = 255;
    /// <summary>Passwords are hashed, so this bounds the work a request can ask for, not a column.</summary>
    public const int Password = 128;

    /// <summary>Adds a TooLong violation when a value exceeds its column.</summary>
    public static void Check(List<RuleViolation> errors, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max) errors.Add(new(field, "TooLong"));
    }
}
