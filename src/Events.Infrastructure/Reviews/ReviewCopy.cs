using Events.Infrastructure.Papers;
using Events.Infrastructure.Papers.PdfSafety;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace Events.Infrastructure.Reviews;

/// <summary>
/// The copy of a paper served to reviewers: what its pages visibly show, and nothing else that can carry a name.
/// Removing the places known to hold names (document information, XMP) was not enough: word processors and viewers also
/// write them into annotation authors, bookmarks, /PieceInfo, attached files, image XMP and scripts, and the list keeps
/// growing. So the copy is rebuilt from a whitelist instead: a new document whose catalogue has only its pages, each page
/// keeping only its size, rotation, transparency group, content streams and the resources those streams draw with (fonts,
/// images, forms, patterns, shadings, colour spaces, graphics states). Inside that graph every key that describes rather
/// than draws (/Metadata, /PieceInfo, associated files, actions, external file references, structure links) is dropped,
/// as is any reference that leads out of it to an annotation, an action, a file specification or the document's own
/// catalogue or pages. Annotations (links included) are not kept at all.
/// Text that a page's content stream marks as invisible alternative text (/ActualText, /Alt) is not rewritten.
/// </summary>
public static class ReviewCopy
{
    /// <summary>Keys a page keeps; inheritable ones are copied down from the page tree first.</summary>
    private static readonly HashSet<string> PageKeys = ["/Type", "/Parent", "/Resources", "/MediaBox", "/CropBox", "/Rotate", "/Contents", "/Group", "/UserUnit"];
    private static readonly string[] Inheritable = ["/Resources", "/MediaBox", "/CropBox", "/Rotate"];

    /// <summary>Keys dropped wherever they appear among a page's resources: none of them changes what is drawn.</summary>
    private static readonly HashSet<string> DescriptiveKeys =
    [
        "/Metadata", "/PieceInfo", "/LastModified", "/AF", "/A", "/AA", "/OPI", "/Ref", "/Alternates", "/StructParent", "/StructParents",
        "/Annots", "/Thumb", "/B", "/JS", "/Names", "/Outlines", "/OpenAction", "/URI", "/EF", "/RF", "/FS", "/Dests", "/Threads",
        "/SpiderInfo", "/AcroForm", "/StructTreeRoot", "/Collection", "/Info", "/Parent", "/P",
    ];

    /// <summary>Keys of a stream that point its data at an external file.</summary>
    private static readonly string[] ExternalStreamKeys = ["/F", "/FFilter", "/FDecodeParms", "/DL"];

    /// <summary>Dictionary types that never belong among a page's resources; a reference to one is cut.</summary>
    private static readonly HashSet<string> ForeignTypes =
        ["/Catalog", "/Pages", "/Page", "/Annot", "/Outlines", "/Filespec", "/EmbeddedFile", "/Action", "/Metadata", "/Sig", "/Collection"];

    /// <summary>Action dictionaries are known by /S (their /Type is optional); /S also names transparency groups and masks.</summary>
    private static readonly HashSet<string> ActionTypes =
    [
        "/GoTo", "/GoToR", "/GoToE", "/GoTo3DView", "/Launch", "/Thread", "/URI", "/Sound", "/Movie", "/Hide", "/Named", "/SubmitForm",
        "/ResetForm", "/ImportData", "/JavaScript", "/SetOCGState", "/Rendition", "/Trans", "/RichMediaExecute",
    ];

    public static byte[] Create(Stream original)
    {
        using var buffer = new MemoryStream();
        original.CopyTo(buffer);
        var bytes = buffer.ToArray();
        // Files stored before uploads were scanned for compression bombs are scanned here, before PDFsharp decodes anything.
        if (!PdfBombScan.Check(bytes, PdfUploadValidator.Limits).IsWithinLimits) throw new InvalidDataException("The paper's PDF exceeds the decoding limits.");

        using var source = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        using var copy = new PdfDocument();
        foreach (var page in source.Pages)
        {
            KeepOnlyWhatIsDrawn(page);
            copy.AddPage(page);
        }
        using var output = new MemoryStream();
        copy.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void KeepOnlyWhatIsDrawn(PdfPage page)
    {
        foreach (var key in Inheritable)
        {
            if (page.Elements[key] is null && Inherited(page, key) is { } value) page.Elements[key] = value;
        }
        foreach (var key in page.Elements.Keys.Where(k => !PageKeys.Contains(k)).ToList()) page.Elements.Remove(key);
        var seen = new HashSet<PdfObject>(ReferenceEqualityComparer.Instance);
        foreach (var key in new[] { "/Resources", "/Contents", "/Group" })
        {
            if (page.Elements[key] is { } item) Clean(item, seen);
        }
    }

    private static PdfItem? Inherited(PdfPage page, string key)
    {
        var node = Resolve(page.Elements["/Parent"]) as PdfDictionary;
        for (var depth = 0; node is not null && depth < 64; depth++)
        {
            if (node.Elements[key] is { } value) return value;
            node = Resolve(node.Elements["/Parent"]) as PdfDictionary;
        }
        return null;
    }

    private static void Clean(PdfItem item, HashSet<PdfObject> seen)
    {
        switch (Resolve(item))
        {
            case PdfDictionary dictionary when seen.Add(dictionary):
                foreach (var key in dictionary.Elements.Keys.ToList())
                {
                    var value = dictionary.Elements[key];
                    if (DescriptiveKeys.Contains(key) || (dictionary.Stream is not null && ExternalStreamKeys.Contains(key)) || IsForeign(value))
                    {
                        dictionary.Elements.Remove(key);
                    }
                    else if (value is not null)
                    {
                        Clean(value, seen);
                    }
                }
                break;
            case PdfArray array when seen.Add(array):
                for (var i = 0; i < array.Elements.Count; i++)
                {
                    if (IsForeign(array.Elements[i])) array.Elements[i] = PdfNull.Value;
                    else Clean(array.Elements[i], seen);
                }
                break;
        }
    }

    private static bool IsForeign(PdfItem? item) =>
        Resolve(item) is PdfDictionary d && (d.Elements.GetName("/Type") is { Length: > 0 } type && ForeignTypes.Contains(type) || ActionTypes.Contains(d.Elements.GetName("/S")) || d.Elements.ContainsKey("/JS"));

    private static PdfItem? Resolve(PdfItem? item) => item is PdfReference reference ? reference.Value : item;
}
