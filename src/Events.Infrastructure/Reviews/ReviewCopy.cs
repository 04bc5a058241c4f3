using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Events.Infrastructure.Reviews;

/// <summary>
/// The copy of a paper served to reviewers. Authors' word processors write their names into the document
/// information (Author, and often Title, Subject, Keywords, Creator, Producer) and into XMP metadata streams, so the copy
/// is rewritten with PDFsharp without any of them: the information entries are removed, and so are the document's and
/// every page's XMP stream. On save PDFsharp 6.2.4 stamps its own Creator and Producer and writes a fresh XMP packet from
/// the cleaned information (tool name and dates only); nothing of the authors' survives.
/// The page content itself is the authors' responsibility in a double-blind call.
/// </summary>
public static class ReviewCopy
{
    private const string Metadata = "/Metadata";
    private static readonly string[] KeptInfo = ["/CreationDate", "/ModDate"];

    public static byte[] Create(Stream original)
    {
        using var document = PdfReader.Open(original, PdfDocumentOpenMode.Modify);
        // Author, Creator, Producer, Title, Subject, Keywords, and custom entries (/Company, /SourceModified…) that can name
        // people too: everything but the dates goes.
        foreach (var key in document.Info.Elements.Keys.Where(k => !KeptInfo.Contains(k)).ToList()) document.Info.Elements.Remove(key);
        document.Internals.Catalog.Elements.Remove(Metadata);
        foreach (var page in document.Pages) page.Elements.Remove(Metadata);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }
}
