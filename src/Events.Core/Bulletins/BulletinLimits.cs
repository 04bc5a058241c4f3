namespace Events.Core.Bulletins;

/// <summary>Column sizes for bulletins, shared by the rules and the mapping.</summary>
public static class BulletinLimits
{
    public const int SeriesName = 100;
    public const int Publisher = 200;
    public const int PersonNames = 200;
    public const int ContactField = 200;
    public const int Color = 7;
    public const int RunLabel = 100;
    public const int Title = 200;
    public const int EditorsNote = 2000;
    public const int Body = 60_000;
    public const int AuthorName = 100;
    public const int AuthorNote = 1000;
    public const int DistributionText = 2000;
    public const int MailTo = 8000;
    public const int MaxMailAddresses = 200;
    public const int MaxAuthors = 20;
    public const int MaxArticles = 30;
    public const int ArticleLabel = 60;

    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split(['\n', '\r', ',', ';', '，', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
