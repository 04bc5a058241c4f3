using Events.Core.Proceedings;

namespace Events.Infrastructure.Proceedings;

/// <summary>
/// The laid-out parts of a volume as HTML (cover and front matter with the table of contents, the book of abstracts,
/// the author index), written by the web project's components so the organizer's preview and the PDF are the same.
/// Headings the builder must find carry the exact titles of <see cref="Labels"/> (and each abstract its paper's title).
/// </summary>
public interface IVolumeDocuments
{
    /// <summary>The labels in the volume's language.</summary>
    VolumeLabels Labels { get; }

    Task<string> FrontMatterAsync(FrontMatterModel model);

    Task<string> AbstractsAsync(AbstractsModel model);

    Task<string> AuthorIndexAsync(AuthorIndexModel model);
}

public sealed record CoverModel(string Title, string? Subtitle, string? Editors, string? Publisher, string? DatePlace, string EventTitle);

/// <summary>The cover, the editors and preface, and the table of contents with each paper's first page.</summary>
public sealed record FrontMatterModel(CoverModel Cover, string? Preface, ProceedingsKind Kind, IReadOnlyList<PlacedSection> Contents, int? AuthorIndexPage);

public sealed record AbstractsModel(string VolumeTitle, IReadOnlyList<VolumeSection> Sections);

public sealed record AuthorIndexModel(string VolumeTitle, IReadOnlyList<AuthorIndexEntry> Entries);
