using System.Diagnostics;
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
}
