using System.Text;
using PdfSharp.Pdf;

namespace Events.IntegrationTests.Reviews;

/// <summary>
/// Small PDFs made with PDFsharp 6.2.4 the way word processors leave them: the author's name, affiliation and address in
/// the document information and in XMP metadata (for the document and for its first page).
/// </summary>
public static class TestPdf
{
    public static byte[] WithIdentity(string author, string affiliation, string email, int pages = 2)
    {
        using var document = new PdfDocument();
        for (var i = 0; i < pages; i++) document.AddPage();
        document.Info.Author = author;
        document.Info.Title = $"城市群协同创新网络研究（{author}）";
        document.Info.Subject = affiliation;
        document.Info.Keywords = email;
        document.Info.Creator = $"Microsoft Word - {author}.docx";
        document.Info.Elements.SetString("/Company", affiliation);
        document.Internals.Catalog.Elements["/Metadata"] = Xmp(document, author, affiliation, email).Reference;
        document.Pages[0].Elements["/Metadata"] = Xmp(document, author, affiliation, email).Reference;
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static PdfDictionary Xmp(PdfDocument document, string author, string affiliation, string email)
    {
        var xml = $"""
            <?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
              <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
                  <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
                  <dc:rights><rdf:Alt><rdf:li xml:lang="x-default">{affiliation}</rdf:li></rdf:Alt></dc:rights>
                  <pdf:Keywords>{email}</pdf:Keywords>
                </rdf:Description>
              </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """;
        var metadata = new PdfDictionary(document);
        metadata.Elements.SetName("/Type", "/Metadata");
        metadata.Elements.SetName("/Subtype", "/XML");
        metadata.CreateStream(Encoding.UTF8.GetBytes(xml));
        document.Internals.AddObject(metadata);
        return metadata;
    }
}
