using System.Diagnostics;
using System.Text;
using PdfSharp.Pdf;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Events.IntegrationTests.Papers;

/// <summary>
/// Real PDFs made in code for upload tests, plus the broken kinds an upload check must refuse. Encrypted files come from
/// qpdf (a real encryptor, installed by .ci/run), so the check is tested against what authors' tools actually produce.
/// </summary>
public static class TestPdfs
{
    /// <summary>A valid PDF with <paramref name="pages"/> pages of text and, optionally, document metadata (title, author, creator).</summary>
    public static byte[] Valid(int pages = 1, string text = "A test paper", string? title = null, string? author = null, string? creator = null)
    {
        var builder = new PdfDocumentBuilder();
        if (title is not null) builder.DocumentInformation.Title = title;
        if (author is not null) builder.DocumentInformation.Author = author;
        if (creator is not null) builder.DocumentInformation.Creator = creator;
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var i = 1; i <= pages; i++)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            page.AddText($"{text} - page {i}", 12, new UglyToad.PdfPig.Core.PdfPoint(72, 720), font);
        }
        return builder.Build();
    }

    /// <summary>The first half of a valid PDF, as a broken connection or a full disk would leave it.</summary>
    public static byte[] Truncated()
    {
        var whole = Valid(pages: 3);
        return whole[..(whole.Length / 2)];
    }

    /// <summary>A Windows executable's header bytes, the way an .exe renamed to .pdf arrives.</summary>
    public static byte[] RenamedExe()
    {
        var bytes = new byte[2048];
        "MZ\u0090\0\u0003\0\0\0\u0004\0\0\0\u00FF\u00FF"u8.ToArray().CopyTo(bytes, 0);
        System.Text.Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.").CopyTo(bytes, 78);
        return bytes;
    }

    /// <summary>A text file.</summary>
    public static byte[] NotPdf() => System.Text.Encoding.UTF8.GetBytes("这不是 PDF，只是一段文字。\n");

    /// <summary>A file that starts like a PDF and is padded past <paramref name="size"/> bytes.</summary>
    public static byte[] Oversized(long size)
    {
        var head = Valid();
        var bytes = new byte[size + 1];
        head.CopyTo(bytes, 0);
        return bytes;
    }

    /// <summary>A valid PDF encrypted with AES-256 by qpdf. With an empty user password it opens without asking, but is still encrypted.</summary>
    public static byte[] Encrypted(string userPassword = "u", string ownerPassword = "o")
    {
        var dir = Path.Combine(Path.GetTempPath(), "events-test-pdfs", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var input = Path.Combine(dir, "in.pdf");
            var output = Path.Combine(dir, "out.pdf");
            File.WriteAllBytes(input, Valid(pages: 2));
            var info = new ProcessStartInfo(Qpdf, ["--encrypt", userPassword, ownerPassword, "256", "--", input, output])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(info) ?? throw new InvalidOperationException("qpdf did not start");
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"qpdf failed ({process.ExitCode}): {error}");
            return File.ReadAllBytes(output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Qpdf
    {
        get
        {
            foreach (var candidate in new[] { Environment.GetEnvironmentVariable("QPDF"), "/usr/bin/qpdf", "/usr/local/bin/qpdf" })
            {
                if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate)) return candidate;
            }
            throw new InvalidOperationException("qpdf is not installed. Run: apt-get install -y qpdf (or run .ci/run, which does it), or set QPDF.");
        }
    }

    /// <summary>
    /// A PDF made with PDFsharp 6.2.4 the way word processors leave them: the author's name, affiliation and address in
    /// the document information and in XMP metadata (for the document and for its first page).
    /// </summary>
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
