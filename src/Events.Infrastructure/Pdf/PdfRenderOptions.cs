namespace Events.Infrastructure.Pdf;

/// <summary>
/// How one document is printed. Page size and margins come from the document's CSS <c>@page</c> rule
/// (A4 when it names none), and so do page numbers, through page-margin boxes such as
/// <c>@bottom-center { content: counter(page) }</c>, which use the document's own embedded fonts.
/// </summary>
public sealed record PdfRenderOptions
{
    public static readonly PdfRenderOptions Default = new();

    /// <summary>Adds PDF bookmarks built from the document's h1–h6 headings (and tags the PDF, which they need).</summary>
    public bool Outline { get; init; }

    /// <summary>Chromium's header and footer templates, for documents that cannot use margin boxes. They cannot load web fonts: keep them to digits.</summary>
    public string? HeaderTemplate { get; init; }

    public string? FooterTemplate { get; init; }
}
