using System.Text.Json;
using Events.Core.Validation;

namespace Events.Core.Bulletins;

/// <summary>
/// One more article in an issue after its lead article (whose fields are the issue's own): a weekly or theory page
/// carries several, each with its column label (栏目), kicker (引题), title, subtitle, byline, author note, standfirst
/// (导语) and Markdown body. Stored with the issue as one JSON value.
/// </summary>
public sealed class BulletinArticle
{
    public string? Column { get; set; }
    public string? Kicker { get; set; }
    public string Title { get; set; } = "";
    public string? Subtitle { get; set; }

    /// <summary>The authors as printed under the title, several separated by 、.</summary>
    public string? Byline { get; set; }

    /// <summary>作者介绍, printed as the issue's <see cref="AuthorNotePlacement"/> says.</summary>
    public string? AuthorNote { get; set; }
    public string? Standfirst { get; set; }
    public string Body { get; set; } = "";

    public BulletinArticle Copy() => (BulletinArticle)MemberwiseClone();

    internal void Validate(List<RuleViolation> errors, string prefix)
    {
        if (string.IsNullOrWhiteSpace(Title)) errors.Add(new(prefix + nameof(Title), "Required"));
        FieldLimits.Check(errors, prefix + nameof(Title), Title, BulletinLimits.Title);
        FieldLimits.Check(errors, prefix + nameof(Column), Column, BulletinLimits.ArticleLabel);
        FieldLimits.Check(errors, prefix + nameof(Kicker), Kicker, BulletinLimits.Title);
        FieldLimits.Check(errors, prefix + nameof(Subtitle), Subtitle, BulletinLimits.Title);
        FieldLimits.Check(errors, prefix + nameof(Byline), Byline, BulletinLimits.PersonNames);
        FieldLimits.Check(errors, prefix + nameof(AuthorNote), AuthorNote, BulletinLimits.AuthorNote);
        FieldLimits.Check(errors, prefix + nameof(Standfirst), Standfirst, BulletinLimits.EditorsNote);
        FieldLimits.Check(errors, prefix + nameof(Body), Body, BulletinLimits.Body);
    }

    public static string ToJson(List<BulletinArticle> articles) => JsonSerializer.Serialize(articles);

    public static List<BulletinArticle> FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<BulletinArticle>>(json) ?? [];
}

/// <summary>Where author notes print.</summary>
public enum AuthorNotePlacement
{
    /// <summary>Collected in a list after the last article (name, then note).</summary>
    List,

    /// <summary>After each article's body, as a paragraph: 作者介绍：….</summary>
    Inline,
}
