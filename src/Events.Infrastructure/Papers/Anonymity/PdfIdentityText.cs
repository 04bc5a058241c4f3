using System.Text;
using Events.Core.Papers.Anonymity;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Events.Infrastructure.Papers.Anonymity;

/// <summary>
/// The text of a PDF where authors' identities usually show: the body of the first pages (title block, footnotes,
/// acknowledgements), the header and footer band of every page (running heads like "Zhang et al."), the document
/// information, XMP, annotation authors and contents, bookmark titles and attached file names.
/// Only called on uploads that passed <see cref="PdfUploadValidator"/>, so the parse is already bounded.
/// </summary>
public static class PdfIdentityText
{
    /// <summary>Pages whose whole text is read; later pages only for their header and footer.</summary>
    public const int BodyPages = 2;

    /// <summary>The share of the page height at the top and at the bottom that counts as header and footer.</summary>
    private const double Band = 0.1;

    public static IReadOnlyList<PdfText> Read(Stream pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var texts = new List<PdfText>();
        foreach (var (key, value) in document.Information.DocumentInformationDictionary?.Data ?? new Dictionary<string, IToken>())
        {
            if (TextOf(value) is { } text) texts.Add(new(TextPlace.DocumentInfo, text, Field: key));
        }
        if (document.TryGetXmpMetadata(out var xmp)) texts.Add(new(TextPlace.Xmp, Encoding.UTF8.GetString(xmp.GetXmlBytes().ToArray())));
        if (document.TryGetBookmarks(out var bookmarks))
        {
            foreach (var node in bookmarks.GetNodes()) texts.Add(new(TextPlace.Bookmark, node.Title));
        }
        if (document.Advanced.TryGetEmbeddedFiles(out var files))
        {
            foreach (var file in files) texts.Add(new(TextPlace.EmbeddedFileName, $"{file.Name} {file.FileSpecification}"));
        }
        for (var i = 1; i <= document.NumberOfPages; i++)
        {
            var page = document.GetPage(i);
            // Words joined by spaces: the page's raw letter string loses the gaps between words that Latin names need.
            var words = page.GetWords().ToList();
            if (i <= BodyPages) texts.Add(new(TextPlace.PageText, string.Join(' ', words.Select(w => w.Text)), i));
            var band = page.Height * Band;
            var edges = words.Where(w => w.BoundingBox.Bottom > page.Height - band || w.BoundingBox.Top < band).Select(w => w.Text);
            texts.Add(new(TextPlace.PageHeader, string.Join(' ', edges), i));
            foreach (var annotation in page.GetAnnotations())
            {
                if (annotation.AnnotationDictionary.TryGet(NameToken.T, out var author) && TextOf(author) is { } name) texts.Add(new(TextPlace.AnnotationAuthor, name, i));
                if (annotation.Content is { Length: > 0 } content) texts.Add(new(TextPlace.AnnotationAuthor, content, i));
            }
        }
        return texts;
    }

    // Word processors write non-ASCII strings as hex (UTF-16 with a byte-order mark), which PdfPig keeps as a hex token.
    private static string? TextOf(IToken token) => token switch
    {
        StringToken s => s.Data,
        HexToken h => h.Data,
        _ => null,
    };
}
