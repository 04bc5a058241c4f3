namespace Events.Core.Papers.Anonymity;

/// <summary>Where in a PDF a piece of text was read.</summary>
public enum TextPlace
{
    /// <summary>The body text of one of the first pages.</summary>
    PageText,

    /// <summary>The header or footer band of any page.</summary>
    PageHeader,
    DocumentInfo,
    Xmp,
    AnnotationAuthor,
    Bookmark,
    EmbeddedFileName,
}

/// <summary>What identifies an author.</summary>
public enum IdentityKind
{
    Name,
    Email,
    Affiliation,
}

/// <summary>A piece of text read from a PDF: where it was (page, or a metadata field such as "Author") and what it says.</summary>
public sealed record PdfText(TextPlace Place, string Text, int? Page = null, string? Field = null);

/// <summary>An author's name, email or affiliation found in the PDF, and where.</summary>
public sealed record AnonymityFinding(IdentityKind Kind, string Term, TextPlace Place, int? Page = null, string? Field = null);

/// <summary>One author of the byline, as the form has it.</summary>
public sealed record BylineAuthor(string Name, string? Affiliation, string? Email);
