using Events.Core.Proceedings;

namespace Events.Infrastructure.Proceedings;

/// <summary>
/// The laid-out parts of a volume as HTML, written by the web project's components so the organizer's preview and the
/// PDF are the same: the matter (cover, preface, table of contents, and after a page break the author index, printed in
/// one go to spare a browser round) and the book of abstracts. Headings the builder must find are h1 with the exact
/// titles of <see cref="Labels"/> (and each abstract an h2 with its paper's title).
/// </summary>
public interface IVolumeDocuments
{
    /// <summary>The labels in the volume's language.</summary>
    VolumeLabels Labels { get; }

    Task<string> MatterAsync(MatterModel model);

    Task<string> AbstractsAsync(AbstractsModel model);
}

public sealed record CoverModel(string Title, string? Subtitle, string? Editors, string? Publisher, string? DatePlace, string EventTitle);

/// <summary>The cover, the preface, the table of contents with each paper's first page, and the author index.</summary>
public sealed record MatterModel(
    CoverModel Cover, string? Preface, ProceedingsKind Kind, IReadOnlyList<PlacedSection> Contents, int AuthorIndexPage, IReadOnlyList<AuthorIndexEntry> AuthorIndex);

public sealed record AbstractsModel(string VolumeTitle, IReadOnlyList<VolumeSection> Sections);
